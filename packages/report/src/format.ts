/**
 * Numbers, percentages, dates and periods as the dashboard shows them. Indices arrive at full
 * precision (the index engine never rounds); rounding for display happens here and nowhere else
 * in this package.
 */
import type { ReportLanguage } from './i18n.js';

/** Shown where an index has no valid answers behind it, instead of a misleading 0. */
export const NO_VALUE = '—';

const LOCALES: Record<ReportLanguage, string> = { vi: 'vi-VN', en: 'en-GB' };

const numberFormats = new Map<string, Intl.NumberFormat>();
const numberFormat = (language: ReportLanguage, decimals: number): Intl.NumberFormat => {
  const key = `${language}:${decimals}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true });
    numberFormats.set(key, format);
  }
  return format;
};

/**
 * A percentage rounded half up to one decimal. The double is first snapped to nine decimals, as
 * the index engine's roundPercent does, so 80.25 exactly shows 80.3 and float noise such as
 * 80.2499999999 from a sum of shares does not round the other way.
 */
export function roundPercent1(value: number): number {
  const snapped = Number(value.toFixed(9));
  return Math.round(snapped * 10) / 10;
}

/** `79,9 %` in Vietnamese (comma, no-break space before the sign), `79.9%` in English; `—` without a value. */
export function formatPercent(value: number | null | undefined, language: ReportLanguage): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  const figure = numberFormat(language, 1).format(roundPercent1(value));
  return language === 'vi' ? `${figure}\u00a0%` : `${figure}%`;
}

/** A whole count with the language's grouping: `5.776` in Vietnamese, `5,776` in English. */
export function formatCount(value: number | null | undefined, language: ReportLanguage): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  return numberFormat(language, 0).format(value);
}

/** `240 / 300`. */
export const formatRatio = (part: number, whole: number, language: ReportLanguage): string =>
  `${formatCount(part, language)} / ${formatCount(whole, language)}`;

const dateTimeFormats = new Map<ReportLanguage, Intl.DateTimeFormat>();
const dayFormats = new Map<ReportLanguage, Intl.DateTimeFormat>();

/** A timestamp in the reader's time zone, `14:05 24/11/2025` (vi) or `24/11/2025, 14:05` (en); the text as given when it is not a date. */
export function formatDateTime(timestamp: string, language: ReportLanguage): string {
  const time = Date.parse(timestamp);
  if (Number.isNaN(time)) return timestamp;
  let format = dateTimeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    dateTimeFormats.set(language, format);
  }
  return format.format(time);
}

/** A calendar day `YYYY-MM-DD` as written in the language (`05/03/2024`, `5 Mar 2024`), read as that day whatever the time zone. */
export function formatDay(day: string, language: ReportLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  let format = dayFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeZone: 'UTC' });
    dayFormats.set(language, format);
  }
  return format.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A period key of the index engine in words: `2024-05` → `Tháng 5/2024` / `May 2024`,
 * `2024-Q2` → `Quý 2/2024` / `Q2 2024`, `2024-H1` → `6 tháng đầu năm 2024` / `H1 2024`, `2024`.
 */
export function formatPeriod(key: string, language: ReportLanguage): string {
  let match = /^(\d{4})-(\d{2})$/.exec(key);
  if (match) {
    const month = Number(match[2]);
    return language === 'en' ? `${MONTHS_EN[month - 1] ?? match[2]} ${match[1]}` : `Tháng ${month}/${match[1]}`;
  }
  match = /^(\d{4})-Q([1-4])$/.exec(key);
  if (match) return language === 'en' ? `Q${match[2]} ${match[1]}` : `Quý ${match[2]}/${match[1]}`;
  match = /^(\d{4})-H([12])$/.exec(key);
  if (match) {
    if (language === 'en') return `H${match[2]} ${match[1]}`;
    return `6 tháng ${match[2] === '1' ? 'đầu' : 'cuối'} năm ${match[1]}`;
  }
  return key;
}
