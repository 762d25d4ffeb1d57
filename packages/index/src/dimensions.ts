/**
 * Reading a response's value of a dimension (unit, unit rolled up to a level, service field,
 * channel, period, breakdown answer), and the calendar date of its submission.
 */
import { asBuiltIn, isIsoDate, listQuestions, type HierarchyItem, type Questionnaire, type Response } from '@sipas/schema';
import { indexError } from './index-error.js';
import type { Dimension } from './types.js';

/** What a response is grouped and filtered by, worked out once per response and shared by every reader. */
export interface ResponseFacts {
  response: Response;
  /**
   * The calendar day of `submittedAt` as the number yyyymmdd (20240517), or -1 when it cannot be
   * read; filled only when something needs it. A number, so that no string is made per response.
   */
  day: number;
  /** The unit id: the response's `unit`, else the answer of a dropdown bound to `sipas.units`. */
  unit: string | undefined;
  /** The service field id, found the same way. */
  field: string | undefined;
}

/** A dimension's value for a response: one value, several (a multiple-choice breakdown), or none. */
export type DimensionValue = string | readonly string[] | undefined;

export interface DimensionReader {
  dimension: Dimension;
  needsDate: boolean;
  /** May give several values (a multiple-choice breakdown question). */
  mayListSeveral: boolean;
  read(facts: ResponseFacts): DimensionValue;
}

const PERIODS = ['month', 'quarter', 'half', 'year'] as const;

/** The month 202405 → its month (`2024-05`), quarter (`2024-Q2`), half (`2024-H1`) or year (`2024`) key. */
export function periodKey(period: (typeof PERIODS)[number], yearMonth: number): string {
  const year = String(Math.floor(yearMonth / 100)).padStart(4, '0');
  const month = yearMonth % 100;
  switch (period) {
    case 'month':
      return `${year}-${String(month).padStart(2, '0')}`;
    case 'quarter':
      return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
    case 'half':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'year':
      return year;
  }
}

/** A period reader with its keys made once per month seen, not once per response. */
function periodReader(dimension: (typeof PERIODS)[number]): DimensionReader {
  const keys = new Map<number, string>();
  return {
    dimension,
    needsDate: true,
    mayListSeveral: false,
    read(facts) {
      if (facts.day < 0) return undefined;
      const yearMonth = Math.floor(facts.day / 100);
      let key = keys.get(yearMonth);
      if (key === undefined) {
        key = periodKey(dimension, yearMonth);
        keys.set(yearMonth, key);
      }
      return key;
    },
  };
}

/** Unit id → the id of its ancestor (or itself) at the given level; units above that level have none. */
export function unitRollUp(items: readonly HierarchyItem[] | undefined, level: string): Map<string, string> {
  const rolled = new Map<string, string>();
  const visit = (list: readonly HierarchyItem[] | undefined, atLevel: string | undefined) => {
    for (const item of list ?? []) {
      const own = item.level === level ? item.id : atLevel;
      if (own !== undefined) rolled.set(item.id, own);
      visit(item.children, own);
    }
  };
  visit(items, undefined);
  return rolled;
}

const scalarKey = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
};

/** Compiles one dimension of `by` or `where`; throws IndexError (path into the options) for an unknown one. */
export function compileDimension(questionnaire: Questionnaire, dimension: string, path: string): DimensionReader {
  switch (dimension) {
    case 'unit':
      return { dimension, needsDate: false, mayListSeveral: false, read: (facts) => facts.unit };
    case 'field':
      return { dimension, needsDate: false, mayListSeveral: false, read: (facts) => facts.field };
    case 'channel':
      return { dimension, needsDate: false, mayListSeveral: false, read: (facts) => facts.response.channel };
    case 'month':
    case 'quarter':
    case 'half':
    case 'year':
      return periodReader(dimension);
  }
  if (dimension.startsWith('unit:')) {
    const level = dimension.slice('unit:'.length);
    const units = questionnaire.sipas?.units;
    if (!units?.levels?.some((declared) => declared.id === level)) {
      const declared = units?.levels?.map((l) => l.id).join(', ') || '–';
      throw indexError(
        'unknown-dimension',
        path,
        `Cấp đơn vị "${level}" không được khai báo trong sipas.units.levels (các cấp: ${declared})`,
        `Unit level "${level}" is not declared in sipas.units.levels (levels: ${declared})`,
      );
    }
    const rolled = unitRollUp(units.items, level);
    return { dimension: dimension as Dimension, needsDate: false, mayListSeveral: false, read: (facts) => (facts.unit === undefined ? undefined : rolled.get(facts.unit)) };
  }
  if (dimension.startsWith('answer:')) {
    const name = dimension.slice('answer:'.length);
    const breakdowns = questionnaire.sipas?.index?.breakdowns ?? [];
    if (!breakdowns.includes(name)) {
      throw indexError(
        'unknown-dimension',
        path,
        `Câu "${name}" không thuộc breakdowns của mô hình chỉ số (${breakdowns.join(', ') || '–'}); chỉ được phân tách theo các câu đã khai báo`,
        `Question "${name}" is not one of the index model's breakdowns (${breakdowns.join(', ') || '–'}); results break down only by declared questions`,
      );
    }
    const own = name in Object.prototype;
    const several = listQuestions(questionnaire).some(({ question }) => question.name === name && question.type === 'multiple');
    return {
      dimension: dimension as Dimension,
      needsDate: false,
      mayListSeveral: several,
      read(facts) {
        const answers = facts.response.answers;
        const value = own && !Object.hasOwn(answers, name) ? undefined : answers[name];
        if (Array.isArray(value)) {
          if (!several) return undefined;
          const keys = value.map(scalarKey).filter((key): key is string => key !== undefined);
          return keys.length === 0 ? undefined : keys.length === 1 ? keys[0] : keys;
        }
        return scalarKey(value);
      },
    };
  }
  throw indexError(
    'unknown-dimension',
    path,
    `Không hiểu chiều phân tách "${dimension}" (unit, unit:<cấp>, field, channel, month, quarter, half, year, answer:<câu>)`,
    `Unknown dimension "${dimension}" (unit, unit:<level>, field, channel, month, quarter, half, year, answer:<question>)`,
  );
}

/** A non-empty text answer of a question, if it has one. */
export function stringAnswer(answers: Readonly<Record<string, unknown>>, name: string | undefined): string | undefined {
  if (name === undefined || !Object.hasOwn(answers, name)) return undefined;
  const value = answers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The unit and service field a response counts under: its own `unit`/`serviceField`, else the
 * answer of the dropdown bound to `sipas.units`/`sipas.serviceFields` (as the index engine reads
 * them). Stores that filter by unit in SQL keep these values so their filters agree with the engine.
 */
export function responseUnitAndField(questionnaire: Questionnaire, response: Pick<Response, 'unit' | 'serviceField' | 'answers'>): { unit?: string; field?: string } {
  const answers = response.answers ?? {};
  const unit = response.unit ?? stringAnswer(answers, boundDropdown(questionnaire, 'units'));
  const field = response.serviceField ?? stringAnswer(answers, boundDropdown(questionnaire, 'serviceFields'));
  return { ...(unit === undefined ? {} : { unit }), ...(field === undefined ? {} : { field }) };
}

/** The name of the first dropdown bound to a hierarchy, whose answer stands in for a missing `unit`/`serviceField`. */
export function boundDropdown(questionnaire: Questionnaire, list: 'units' | 'serviceFields'): string | undefined {
  for (const { question } of listQuestions(questionnaire)) {
    const builtIn = asBuiltIn(question);
    if (builtIn?.type === 'dropdown' && builtIn.choicesFrom?.list === list) return builtIn.name;
  }
  return undefined;
}

const OFFSET = /^(?:Z|([+-])([01]\d|2[0-3]):([0-5]\d))$/;

/** `+07:00` → 420 minutes; throws IndexError for anything else. */
export function parseUtcOffset(offset: string, path: string): number {
  const match = OFFSET.exec(offset);
  if (!match) {
    throw indexError('invalid-utc-offset', path, `Độ lệch múi giờ "${offset}" không hợp lệ (ví dụ +07:00 hoặc Z)`, `Invalid UTC offset "${offset}" (for example +07:00 or Z)`);
  }
  if (match[1] === undefined) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** The offset a timestamp is written in, in minutes, or undefined when it has none we can read. */
function writtenOffset(timestamp: string): number | undefined {
  const last = timestamp.charCodeAt(timestamp.length - 1);
  if (last === 90 /* Z */ || last === 122 /* z */) return 0;
  const sign = timestamp.charCodeAt(timestamp.length - 6);
  if ((sign !== 43 && sign !== 45) || timestamp.charCodeAt(timestamp.length - 3) !== 58) return undefined;
  const minutes = digits(timestamp, timestamp.length - 5, 2) * 60 + digits(timestamp, timestamp.length - 2, 2);
  return sign === 45 ? -minutes : minutes;
}

/** The number written by `length` digits at `start`, or NaN. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** `2024-05-17…` → 20240517, or -1. */
function writtenDay(timestamp: string): number {
  if (timestamp.charCodeAt(4) !== 45 || timestamp.charCodeAt(7) !== 45) return -1;
  const day = digits(timestamp, 0, 4) * 10000 + digits(timestamp, 5, 2) * 100 + digits(timestamp, 8, 2);
  return Number.isNaN(day) ? -1 : day;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Days since 1970-01-01 → yyyymmdd, in the proleptic Gregorian calendar (H. Hinnant's civil_from_days). */
function civilDay(daysSinceEpoch: number): number {
  const z = daysSinceEpoch + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10000 + month * 100 + day;
}

/**
 * How the calendar day of `submittedAt` is read, as yyyymmdd: as written (its first ten
 * characters), or in a fixed offset. Timestamps already written in that offset take the fast path.
 */
export function dayReader(utcOffsetMinutes: number | undefined): (timestamp: string) => number {
  if (utcOffsetMinutes === undefined) return (timestamp) => (typeof timestamp === 'string' ? writtenDay(timestamp) : -1);
  return (timestamp) => {
    if (typeof timestamp !== 'string') return -1;
    if (writtenOffset(timestamp) === utcOffsetMinutes) return writtenDay(timestamp);
    const instant = Date.parse(timestamp);
    if (Number.isNaN(instant)) return -1;
    return civilDay(Math.floor((instant + utcOffsetMinutes * MINUTE) / DAY));
  };
}

/** Checks a `from`/`to` option; gives it as yyyymmdd. */
export function checkDate(value: string, path: string): number {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw indexError('invalid-date', path, `Ngày "${String(value)}" không hợp lệ (cần YYYY-MM-DD)`, `Invalid date "${String(value)}" (expected YYYY-MM-DD)`);
  }
  return writtenDay(value);
}
