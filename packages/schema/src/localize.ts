import type { LocalizedMessage } from './messages.js';
import type { LocalizedString } from './types.js';

/** The text in the requested locale, falling back to Vietnamese (always present). */
export function localize(text: LocalizedString, locale: string): string {
  if (typeof text === 'string') return text;
  return (Object.hasOwn(text, locale) ? text[locale] : undefined) ?? text.vi;
}

/** A questionnaire text as a bilingual message (English falls back to Vietnamese). */
export const toMessage = (text: LocalizedString): LocalizedMessage => ({ vi: localize(text, 'vi'), en: localize(text, 'en') });
