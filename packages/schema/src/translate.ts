/**
 * Looking up a component's own words, shared by the form, its add-ons and the dashboard: each
 * keeps its table of Vietnamese and English strings, and this turns the table into a lookup with
 * {0}, {1}… filled in.
 */

/** A two-language message; anything but English reads Vietnamese, the fallback. */
export const inLanguage = (text: { vi: string; en: string }, locale: string): string => (locale === 'en' ? text.en : text.vi);

/** The language a `lang` value asks for, by its primary subtag: `en-US` is English. */
export const languageOf = (lang: string): string => lang.trim().toLowerCase().split('-')[0] || 'vi';

export function translator<Key extends string>(table: Record<Key, { vi: string; en: string }>) {
  return (key: Key, locale: string, ...args: (string | number)[]): string => {
    const text = inLanguage(table[key], locale);
    return args.length === 0 ? text : text.replace(/\{(\d)\}/g, (whole, index: string) => String(args[Number(index)] ?? whole));
  };
}
