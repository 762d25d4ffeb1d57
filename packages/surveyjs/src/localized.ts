/**
 * Localized strings both ways. Ours: a plain string (Vietnamese) or `{ vi, en, … }`. SurveyJS's:
 * a plain string (every locale) or `{ default, <locale>: … }`, where `default` is the text of
 * SurveyJS's default locale (English unless the host changed `surveyLocalization.defaultLocale`).
 * We write every locale we have and add `default` = the text for that locale (Vietnamese when
 * missing), so survey-core shows Vietnamese with `locale: 'vi'` and English with `locale: 'en'`.
 */
import type { LocalizedString } from '@sipas/schema';
import type { SurveyJSText } from './surveyjs-json.js';

/** The locale SurveyJS calls `default` unless a host says otherwise. */
export const SURVEYJS_DEFAULT_LOCALE = 'en';

const LOCALE = /^[a-z]{2,3}(-[A-Z]{2})?$/;

export function toSurveyText(text: LocalizedString, defaultLocale: string): SurveyJSText {
  if (typeof text === 'string') return text;
  const result: Record<string, string> = { default: text[defaultLocale] || text.vi };
  for (const [locale, value] of Object.entries(text)) result[locale] = value;
  return result;
}

export interface ReadTextOutcome {
  text: LocalizedString | undefined;
  /** Keys that are not locale codes of our format and were left out. */
  droppedKeys: string[];
  /** True when the text carried a `vi` translation. */
  hadVietnamese: boolean;
}

/** `zh-cn` (SurveyJS's spelling) → `zh-CN`; undefined for keys that cannot be a locale of ours. */
function normalizeLocale(key: string): string | undefined {
  const [language, region, ...rest] = key.split('-');
  if (rest.length > 0 || language === undefined) return undefined;
  const normalized = region === undefined ? language.toLowerCase() : `${language.toLowerCase()}-${region.toUpperCase()}`;
  return LOCALE.test(normalized) ? normalized : undefined;
}

/**
 * Reads a SurveyJS localizable string. Vietnamese comes from `vi`, else from `default`; the
 * `default` text also becomes the default locale's translation when that one is missing and it
 * differs from the Vietnamese. Empty texts count as absent.
 */
export function fromSurveyText(value: unknown, defaultLocale: string): ReadTextOutcome {
  if (typeof value === 'string') return { text: value === '' ? undefined : value, droppedKeys: [], hadVietnamese: false };
  if (typeof value === 'number') return { text: String(value), droppedKeys: [], hadVietnamese: false };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { text: undefined, droppedKeys: [], hadVietnamese: false };
  const translations: Record<string, string> = {};
  const droppedKeys: string[] = [];
  let fallback: string | undefined;
  for (const [key, text] of Object.entries(value as Record<string, unknown>)) {
    if (typeof text !== 'string') {
      droppedKeys.push(key);
      continue;
    }
    if (key === 'default') {
      fallback = text;
      continue;
    }
    const locale = normalizeLocale(key);
    if (locale === undefined) droppedKeys.push(key);
    else translations[locale] = text;
  }
  const hadVietnamese = translations.vi !== undefined && translations.vi !== '';
  if (!hadVietnamese) {
    const vietnamese = fallback || Object.values(translations).find((text) => text !== '');
    if (!vietnamese) return { text: undefined, droppedKeys, hadVietnamese };
    translations.vi = vietnamese;
  } else if (fallback && fallback !== translations.vi && translations[defaultLocale] === undefined) {
    translations[defaultLocale] = fallback;
  }
  const locales = Object.keys(translations);
  if (locales.length === 1 && Object.keys(value).every((key) => key === 'default')) return { text: translations.vi!, droppedKeys, hadVietnamese };
  const { vi, ...others } = translations;
  return { text: { vi: vi!, ...others }, droppedKeys, hadVietnamese };
}

/** Every text a LocalizedString holds, for checks that look inside texts. */
export const textsOf = (text: LocalizedString): string[] => (typeof text === 'string' ? [text] : Object.values(text));
