import type { LocalizedMessage, ValidationError } from '@sipas/schema';

/** Why `fromSurveyJS` gave up; stable codes. */
export type SurveyJSImportErrorCode = 'not-an-object' | 'pages-not-array' | 'no-pages' | 'no-questions' | 'invalid-result';

/**
 * Thrown by `fromSurveyJS` when the input cannot become a questionnaire at all: it is not an
 * object, its `pages` is not an array, it has neither pages nor elements, or nothing in it
 * converts. Anything smaller is a warning, never an exception.
 */
export class SurveyJSImportError extends Error {
  readonly code: SurveyJSImportErrorCode;
  /** JSON pointer into the SurveyJS JSON. */
  readonly path: string;
  readonly localized: LocalizedMessage;
  /** For `invalid-result`: what validateQuestionnaire still reported. */
  readonly errors: readonly ValidationError[];

  constructor(code: SurveyJSImportErrorCode, path: string, localized: LocalizedMessage, errors: readonly ValidationError[] = []) {
    super(localized.en);
    this.name = 'SurveyJSImportError';
    this.code = code;
    this.path = path;
    this.localized = localized;
    this.errors = errors;
  }
}
