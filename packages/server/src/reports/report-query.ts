/**
 * The query string of the report and export routes, read and checked before anything touches the
 * database: which versions, how to group, which days, which units, fields and channels. Every
 * problem is reported at once, located at `/query/<parameter>` (422).
 *
 * Filters are limited to what SQL can apply exactly (unit, unit rolled up to a level, service
 * field, channel, submission days), so a report and an export with the same filters cover exactly
 * the same responses.
 */
import { CHANNELS, isIsoDate, message, type Channel, type LocalizedMessage, type MessageLanguage, type ValidationError } from '@sipas/schema';
import type { Dimension } from '@sipas/index';
import { HttpError } from '../http/errors.js';

export type VersionSelector = { kind: 'latest' } | { kind: 'all' } | { kind: 'exact'; version: number };

/** What `where.<dimension>` may name: all of them are filtered in SQL. */
export type FilterDimension = 'unit' | `unit:${string}` | 'field' | 'channel';

export interface ReportQuery {
  version: VersionSelector;
  /** Grouping dimensions, checked against the questionnaire by the index engine. */
  by: Dimension[];
  /** First and last day kept (inclusive), as calendar days in `utcOffset`. */
  from?: string;
  to?: string;
  where: Partial<Record<FilterDimension, string[]>>;
  /** `+07:00` (Vietnamese days) unless asked otherwise. */
  utcOffset: string;
  /** Language of labels and titles in exports. */
  lang: MessageLanguage;
  /** Responses CSV: a second header row with the question titles in this language. */
  titles?: MessageLanguage;
}

/** Optional parameters a route accepts besides the filters every route takes. */
export type OptionalParameter = 'by' | 'lang' | 'titles';

export const DEFAULT_UTC_OFFSET = '+07:00';

const FILTER_PARAMETERS = ['version', 'from', 'to', 'utcOffset'] as const;
const DIMENSION_NAME = /^(?:unit|field|channel|month|quarter|half|year|unit:[A-Za-z0-9][A-Za-z0-9_.-]*|answer:[A-Za-z_][A-Za-z0-9_-]*)$/;
const UNIT_LEVEL_FILTER = /^unit:[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const UTC_OFFSET = /^(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const LANGUAGES: readonly MessageLanguage[] = ['vi', 'en'];

/** The values of a parameter given once with commas, several times, or both; blanks dropped. */
function listOf(raw: unknown): string[] {
  const parts = Array.isArray(raw) ? raw : [raw];
  return parts.flatMap((part) => (typeof part === 'string' ? part.split(',') : [])).map((item) => item.trim()).filter((item) => item !== '');
}

/** The single value of a parameter, or undefined when it is absent; a repeated one is an error. */
function singleOf(raw: unknown): string | undefined | string[] {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) return raw.length === 1 && typeof raw[0] === 'string' ? raw[0] : raw.map(String);
  return typeof raw === 'string' ? raw : String(raw);
}

/**
 * Reads a route's query string. `accepts` lists the optional parameters of the route; anything
 * unknown is refused so that a misspelt filter (`where.units`) does not silently widen a report.
 * Without `version`, the latest published version (collection progress: every version).
 */
export function parseReportQuery(raw: unknown, accepts: readonly OptionalParameter[], defaultVersion: VersionSelector = { kind: 'latest' }): ReportQuery {
  const query = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const errors: ValidationError[] = [];
  const fail = (parameter: string, code: string, text: LocalizedMessage) => errors.push({ path: `/query/${parameter}`, code, message: text });
  const single = (parameter: string): string | undefined => {
    const value = singleOf(query[parameter]);
    if (Array.isArray(value)) {
      fail(parameter, 'repeated-parameter', message(`Tham số ${parameter} chỉ được có một giá trị`, `The ${parameter} parameter takes a single value`));
      return undefined;
    }
    return value;
  };
  const result: ReportQuery = { version: defaultVersion, by: [], where: {}, utcOffset: DEFAULT_UTC_OFFSET, lang: 'vi' };

  for (const parameter of Object.keys(query)) {
    const known = (FILTER_PARAMETERS as readonly string[]).includes(parameter) || (accepts as readonly string[]).includes(parameter) || parameter.startsWith('where.');
    if (!known) fail(parameter, 'unknown-parameter', message(`Không có tham số ${parameter}`, `Unknown parameter ${parameter}`));
  }

  const version = single('version');
  if (version !== undefined) {
    if (version === 'latest' || version === 'all') result.version = { kind: version };
    else if (/^[1-9]\d{0,8}$/.test(version)) result.version = { kind: 'exact', version: Number(version) };
    else fail('version', 'invalid-version', message('Phiên bản phải là một số nguyên dương, "latest" hoặc "all"', 'The version must be a positive whole number, "latest" or "all"'));
  }

  if (accepts.includes('by')) {
    for (const name of listOf(query.by)) {
      if (!DIMENSION_NAME.test(name)) {
        fail('by', 'unknown-dimension', message(
          `Không hiểu chiều phân tách "${name}" (unit, unit:<cấp>, field, channel, month, quarter, half, year, answer:<câu>)`,
          `Unknown dimension "${name}" (unit, unit:<level>, field, channel, month, quarter, half, year, answer:<question>)`,
        ));
      } else if (!result.by.includes(name as Dimension)) {
        result.by.push(name as Dimension);
      }
    }
  }

  for (const parameter of ['from', 'to'] as const) {
    const day = single(parameter);
    if (day === undefined) continue;
    if (isIsoDate(day)) result[parameter] = day;
    else fail(parameter, 'invalid-date', message(`Ngày "${day}" không hợp lệ (cần YYYY-MM-DD)`, `Invalid date "${day}" (expected YYYY-MM-DD)`));
  }
  if (result.from !== undefined && result.to !== undefined && result.from > result.to) {
    fail('to', 'invalid-date-range', message('Ngày kết thúc phải không trước ngày bắt đầu', 'The last day must not come before the first day'));
  }

  const offset = single('utcOffset');
  if (offset !== undefined) {
    // An unencoded "+" in a query string arrives as a space: "?utcOffset=+07:00" means +07:00.
    const written = offset.startsWith(' ') ? `+${offset.slice(1)}` : offset;
    if (UTC_OFFSET.test(written)) result.utcOffset = written;
    else fail('utcOffset', 'invalid-utc-offset', message(`Độ lệch múi giờ "${offset}" không hợp lệ (ví dụ +07:00 hoặc Z)`, `Invalid UTC offset "${offset}" (for example +07:00 or Z)`));
  }

  for (const parameter of Object.keys(query).filter((key) => key.startsWith('where.'))) {
    const dimension = parameter.slice('where.'.length);
    if (dimension !== 'unit' && dimension !== 'field' && dimension !== 'channel' && !UNIT_LEVEL_FILTER.test(dimension)) {
      fail(parameter, 'unknown-filter', message(
        `Không lọc được theo "${dimension}" (where.unit, where.unit:<cấp>, where.field, where.channel)`,
        `Cannot filter by "${dimension}" (where.unit, where.unit:<level>, where.field, where.channel)`,
      ));
      continue;
    }
    const values = [...new Set(listOf(query[parameter]))];
    if (values.length === 0) {
      fail(parameter, 'empty-filter', message(`Bộ lọc ${parameter} không có giá trị nào`, `The ${parameter} filter has no value`));
      continue;
    }
    const unknownChannels = dimension === 'channel' ? values.filter((value) => !CHANNELS.includes(value as Channel)) : [];
    if (unknownChannels.length > 0) {
      fail(parameter, 'unknown-channel', message(
        `Kênh không hợp lệ: ${unknownChannels.join(', ')} (${CHANNELS.join(', ')})`,
        `Unknown channel: ${unknownChannels.join(', ')} (${CHANNELS.join(', ')})`,
      ));
      continue;
    }
    result.where[dimension as FilterDimension] = values;
  }

  for (const parameter of ['lang', 'titles'] as const) {
    if (!accepts.includes(parameter)) continue;
    const language = single(parameter);
    if (language === undefined) continue;
    if ((LANGUAGES as readonly string[]).includes(language)) result[parameter] = language as MessageLanguage;
    else fail(parameter, 'invalid-language', message('Ngôn ngữ phải là vi hoặc en', 'The language must be vi or en'));
  }

  if (errors.length > 0) throw new HttpError(422, errors);
  return result;
}

/** The calendar day after `day` (YYYY-MM-DD). */
export function nextDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/**
 * The `from`/`to` days as a half-open range of instants for SQL (`submitted_at >= start and
 * submitted_at < end`): the same responses the index engine keeps when it reads the day of
 * `submittedAt` in that offset.
 */
export function submittedRange(from: string | undefined, to: string | undefined, utcOffset: string): { start?: string; end?: string } {
  const suffix = utcOffset === 'Z' ? 'Z' : utcOffset;
  const range: { start?: string; end?: string } = {};
  if (from !== undefined) range.start = `${from}T00:00:00${suffix}`;
  if (to !== undefined) range.end = `${nextDay(to)}T00:00:00${suffix}`;
  return range;
}
