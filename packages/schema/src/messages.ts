/** A message in both languages of the product. */
export interface LocalizedMessage {
  vi: string;
  en: string;
}

export type MessageLanguage = keyof LocalizedMessage;

/** Builds a message from a Vietnamese and an English text. */
export const message = (vi: string, en: string): LocalizedMessage => ({ vi, en });

/** Quotes a value for a message, keeping it short enough to read. */
export function quote(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const shown = text === undefined ? String(value) : text;
  return `"${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}"`;
}
