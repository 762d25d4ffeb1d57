/** Small facts about document values that several parts of the designer need. */

/** A plain JSON object (not null, not an array). */
export const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A locale code the designer accepts for translations: `vi`, `en`, `zh-TW`… */
export const LOCALE_CODE = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/** The properties of a question that hold text shown to people (localized strings). */
export const QUESTION_TEXT_KEYS = ['title', 'description', 'text', 'placeholder', 'requiredMessage', 'labelTrue', 'labelFalse'] as const;
