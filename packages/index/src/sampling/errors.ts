import { message, type LocalizedMessage } from '@sipas/schema';

/** Stable codes of the inputs the sampling helpers refuse to work with. */
export type SamplingErrorCode =
  | 'invalid-population'
  | 'invalid-margin-of-error'
  | 'invalid-confidence'
  | 'invalid-proportion'
  | 'invalid-probability'
  | 'invalid-total'
  | 'invalid-minimum'
  | 'invalid-method'
  | 'invalid-stratum'
  | 'duplicate-stratum'
  | 'invalid-size'
  | 'invalid-share'
  | 'invalid-seed'
  | 'missing-id'
  | 'empty-frame'
  | 'invalid-date'
  | 'invalid-window';

/**
 * An input the sampling helpers cannot work with (a population of 0, an error margin of 5 instead
 * of 0.05, a frame with no rows…): coded and translated. The English text is also the `message`
 * of the Error, so a stack trace stays readable; `localized` carries both languages, like
 * `IndexError` and `SurveyJSImportError` do.
 */
export class SamplingError extends Error {
  readonly code: SamplingErrorCode;
  readonly localized: LocalizedMessage;

  constructor(code: SamplingErrorCode, localized: LocalizedMessage) {
    super(localized.en);
    this.name = 'SamplingError';
    this.code = code;
    this.localized = localized;
  }
}

export const samplingError = (code: SamplingErrorCode, vi: string, en: string): SamplingError => new SamplingError(code, message(vi, en));

/** Stable codes of what a sampling result reports without failing. */
export type SamplingNoticeCode =
  | 'total-capped'
  | 'total-raised'
  | 'stratum-below-minimum'
  | 'reserve-shortfall'
  | 'duplicate-ids';

/**
 * Something the caller asked for that could not be met exactly, and what was done instead
 * (a total larger than the frame is capped, a minimum per stratum raises the total, a small
 * stratum gets fewer reserves than officials…). Results always carry these; nothing is silent.
 */
export interface SamplingNotice {
  code: SamplingNoticeCode;
  /** The stratum concerned, when the notice is about one. */
  stratum?: string;
  message: LocalizedMessage;
}

export const notice = (code: SamplingNoticeCode, vi: string, en: string, stratum?: string): SamplingNotice =>
  stratum === undefined ? { code, message: message(vi, en) } : { code, stratum, message: message(vi, en) };
