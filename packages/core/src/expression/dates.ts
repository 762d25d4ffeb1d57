/**
 * Dates in expressions, as survey-core handles them: today(), age(), and comparing a date with
 * text (`{visit_date} <= today()`). Dates are local (the device's time zone), like survey-core
 * with its default `storeUtcDates: false`.
 */
import { addLikeJavaScript } from './javascript-coercion.js';

/** Where the current moment comes from; read only by the constructs that need it. */
export interface Clock {
  now(): Date;
}

/** "2024-05-01" somewhere in the text, no time part, and a valid date. */
function isIsoDateOnly(text: string): boolean {
  if (text.indexOf('T') > 0) return false;
  if (!/\d{4}-\d{2}-\d{2}/.test(text)) return false;
  return !Number.isNaN(new Date(text).getTime());
}

/**
 * A value as a date (survey-core's createDate): no value (or a falsy one) means now; an ISO date
 * without a time means local midnight of that day (JavaScript alone would read it as UTC);
 * anything else goes to `new Date(value)`, which may give an invalid date.
 */
export function toDate(value: unknown, now: Date): Date {
  if (!value) return new Date(now.getTime());
  const input = typeof value === 'string' && isIsoDateOnly(value) ? `${value}T00:00:00` : value;
  try {
    return new Date(input as string);
  } catch {
    return new Date(NaN);
  }
}

/**
 * Prepares one side of a comparison against the other (survey-core's convertValForDateCompare):
 * text compared with a date becomes a date (at midnight when the other date is at midnight), and a
 * date compared with short text loses the precision the text does not have. survey-core changes
 * the Date objects in place; we work on copies and return both sides.
 */
function alignWithDate(value: unknown, other: unknown, now: Date): [value: unknown, other: unknown] {
  if (other instanceof Date && typeof value === 'string') {
    const otherInWholeSeconds = new Date(other.getTime());
    otherInWholeSeconds.setMilliseconds(0);
    const date = toDate(value, now);
    const otherHasTime = other.getHours() > 0 || other.getMinutes() > 0 || other.getSeconds() > 0;
    if (!otherHasTime) date.setHours(0, 0, 0);
    return [date, otherInWholeSeconds];
  }
  if (value instanceof Date && typeof other === 'string') {
    const date = new Date(value.getTime());
    if (other.length < 17) date.setSeconds(0, 0);
    if (other.length < 14) date.setMinutes(0, 0);
    if (other.length < 11) date.setHours(0, 0);
    return [date, other];
  }
  return [value, other];
}

/** Both sides of `=`, `<`, `>`… made comparable when one of them is a date; others unchanged. */
export function alignDateOperands(left: unknown, right: unknown, now: Date): [left: unknown, right: unknown] {
  [left, right] = alignWithDate(left, right, now);
  [right, left] = alignWithDate(right, left, now);
  return [left, right];
}

/**
 * today() is local midnight of `now`; today(n) is n days later. The offset is added with
 * JavaScript's +, as survey-core does, so a text offset gives odd dates and a missing one an
 * invalid date.
 */
export function today(now: Date, args: readonly unknown[]): Date {
  const date = new Date(now.getTime());
  date.setHours(0, 0, 0, 0);
  if (args.length === 1) {
    try {
      date.setDate(addLikeJavaScript(date.getDate(), args[0]) as number);
    } catch {
      return new Date(NaN);
    }
  }
  return date;
}

/**
 * Whole years from a birth date to `now`: null for an empty argument, 0 for an invalid date
 * (survey-core truncates NaN to 0).
 */
export function age(birthDate: unknown, now: Date): number | null {
  if (!birthDate) return null;
  const from = toDate(birthDate, now);
  let months = (now.getFullYear() - from.getFullYear()) * 12 + now.getMonth() - from.getMonth();
  if (now.getDate() < from.getDate()) months -= 1;
  return Math.trunc(months / 12) || 0;
}
