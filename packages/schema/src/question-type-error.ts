import type { LocalizedMessage } from './messages.js';

/**
 * Registration that cannot be accepted: the reason in both languages. In its own module so that
 * code throwing it (the engine's type registry) does not bundle the schema-fragment interpreter.
 */
export class QuestionTypeError extends Error {
  readonly localized: LocalizedMessage;

  constructor(localized: LocalizedMessage) {
    super(localized.en);
    this.localized = localized;
  }
}
