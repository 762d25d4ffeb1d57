import type { LocalizedMessage } from './messages.js';

/** One problem found in a document, located by a JSON pointer into it. */
export interface ValidationError {
  /** JSON pointer (RFC 6901) to the value at fault, or to where a missing value belongs. */
  path: string;
  /** Stable machine-readable code, listed in docs/format.md. */
  code: string;
  message: LocalizedMessage;
}

export interface ValidationResult {
  valid: boolean;
  errors: ValidationError[];
}

/** Escapes one reference token of a JSON pointer. */
export const escapePointerToken = (token: string | number): string => {
  const text = String(token);
  return text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text;
};

/** Builds a JSON pointer from its tokens. */
export const pointer = (...tokens: (string | number)[]): string =>
  tokens.map((token) => `/${escapePointerToken(token)}`).join('');

/** Wraps a list of errors into a result. */
export const toResult = (errors: ValidationError[]): ValidationResult => ({ valid: errors.length === 0, errors });
