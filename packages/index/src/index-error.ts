import { message, type LocalizedMessage } from '@sipas/schema';

/** Stable codes of the problems the index engine refuses to work with. */
export type IndexErrorCode =
  | 'no-index-model'
  | 'index-method-mismatch'
  | 'index-unknown-question'
  | 'index-row-required'
  | 'index-unknown-row'
  | 'index-not-scored'
  | 'index-no-satisfied-set'
  | 'unknown-dimension'
  | 'invalid-date'
  | 'invalid-utc-offset'
  | 'incompatible-accumulator'
  | 'too-many-responses';

/**
 * A questionnaire or options the engine cannot compute with: located (a JSON pointer into the
 * questionnaire, or into the options object for option problems), coded and translated.
 */
export class IndexError extends Error {
  readonly code: IndexErrorCode;
  readonly path: string;
  readonly localized: LocalizedMessage;

  constructor(code: IndexErrorCode, path: string, localized: LocalizedMessage) {
    super(`${localized.en} (${code} at ${path || '/'})`);
    this.name = 'IndexError';
    this.code = code;
    this.path = path;
    this.localized = localized;
  }
}

export const indexError = (code: IndexErrorCode, path: string, vi: string, en: string): IndexError => new IndexError(code, path, message(vi, en));
