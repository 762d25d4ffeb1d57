/**
 * When two values are equal for `=`, `!=`, `contains`, `anyof` and `allof` (survey-core's
 * Helpers.isTwoValueEquals with the options its operators use: order of arrays ignored, text
 * compared without case and without surrounding spaces).
 */
import { isEmptyValue } from './emptiness.js';
import { isNaNLikeJavaScript, looselyEqual } from './javascript-coercion.js';

/** A value that Number() reads as a number: not null, undefined or an array. */
const convertsToNumber = (value: unknown): boolean =>
  value !== undefined && value !== null && !Array.isArray(value) && !isNaNLikeJavaScript(value);

/** parseInt and parseFloat agree: 1 equals "1" and "1.0"; 1 does not equal "1.5". */
function sameNumber(x: unknown, y: unknown): boolean {
  const a = x as string;
  const b = y as string;
  try {
    return parseInt(a) === parseInt(b) && parseFloat(a) === parseFloat(b);
  } catch {
    return false;
  }
}

/**
 * The rules, in order: identical values are equal; [] and '' equal a missing value; two texts are
 * compared trimmed and lower-cased; two dates by time; values that both read as numbers by their
 * numeric value; an empty value equals no non-empty one; a boolean equals its own text ('True');
 * two other non-objects by JavaScript's `==`; two arrays as multisets; two objects key by key.
 */
export function valuesEqual(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if ((Array.isArray(x) && x.length === 0 && y === undefined) || (Array.isArray(y) && y.length === 0 && x === undefined)) return true;
  if (((x === undefined || x === null) && y === '') || ((y === undefined || y === null) && x === '')) return true;
  if (typeof x === 'string' && typeof y === 'string') return x.trim().toLowerCase() === y.trim().toLowerCase();
  if (x instanceof Date && y instanceof Date) return x.getTime() === y.getTime();
  if (convertsToNumber(x) && convertsToNumber(y) && sameNumber(x, y)) return true;
  if (isEmptyValue(x) !== isEmptyValue(y)) return false;
  if (typeof x === 'boolean' && typeof y === 'string') return String(x) === y.toLocaleLowerCase();
  if (typeof y === 'boolean' && typeof x === 'string') return String(y) === x.toLocaleLowerCase();
  const xIsObject = x instanceof Object;
  const yIsObject = y instanceof Object;
  if (!xIsObject && !yIsObject) return looselyEqual(x, y);
  if (!xIsObject || !yIsObject) return false;
  if (Array.isArray(x) && Array.isArray(y)) return arraysEqualIgnoringOrder(x, y);
  return objectsEqual(x as Record<string, unknown>, y as Record<string, unknown>);
}

/**
 * survey-core sorts copies of both arrays with JavaScript's default sort (by text) and compares
 * them item by item, so [1, 2] equals [2, 1]. Items that differ only in case can sort apart:
 * ['B', 'a'] does not equal ['b', 'A'].
 */
function arraysEqualIgnoringOrder(x: unknown[], y: unknown[]): boolean {
  if (x.length !== y.length) return false;
  let sortedX: unknown[];
  let sortedY: unknown[];
  try {
    sortedX = x.slice().sort();
    sortedY = y.slice().sort();
  } catch {
    return false;
  }
  for (let i = 0; i < sortedX.length; i++) {
    if (!valuesEqual(sortedX[i], sortedY[i])) return false;
  }
  return true;
}

function objectsEqual(x: Record<string, unknown>, y: Record<string, unknown>): boolean {
  for (const key in x) {
    if (!Object.hasOwn(x, key)) continue;
    if (!Object.hasOwn(y, key) || !valuesEqual(x[key], y[key])) return false;
  }
  for (const key in y) {
    if (Object.hasOwn(y, key) && !Object.hasOwn(x, key)) return false;
  }
  return true;
}

/**
 * Equality as the operators apply it (survey-core's OperandMaker.isTwoValueEquals): the text
 * 'undefined' stands for a missing value, so `{a} = 'undefined'` is true when a is unanswered.
 */
export function operandsEqual(x: unknown, y: unknown): boolean {
  return valuesEqual(x === 'undefined' ? undefined : x, y === 'undefined' ? undefined : y);
}
