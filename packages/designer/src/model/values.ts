/** Small facts about document values that several parts of the designer need. */
import { localize, type LocalizedString } from '@sipas/schema';

/** A plain JSON object (not null, not an array). */
export const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The format's name of a page, section or question (`ElementName`): a letter, then letters, digits or underscores. */
export const ELEMENT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A locale code the designer accepts for translations: `vi`, `en`, `zh-TW`… */
export const LOCALE_CODE = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/** The properties of a question that hold text shown to people (localized strings). */
export const QUESTION_TEXT_KEYS = ['title', 'description', 'text', 'placeholder', 'requiredMessage', 'labelTrue', 'labelFalse'] as const;

/** Vietnamese text with its marks taken off the letters ("Phiếu mới" → "Phieu moi", đ → d), case kept. */
export const withoutDiacritics = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

/** A text in a language (Vietnamese as the fallback), trimmed; undefined when absent or blank. */
export const displayText = (text: LocalizedString | undefined, language: string): string | undefined =>
  text === undefined ? undefined : localize(text, language).trim() || undefined;
