import validateQuestionnaireSchema from './generated/questionnaire-validator.js';
import { checkQuestionnaireSemantics } from './questionnaire-checks.js';
import { questionTypes, type QuestionTypeRegistry } from './question-types.js';
import { translateSchemaErrors } from './schema-errors.js';
import type { Questionnaire } from './types.js';
import { toResult, type ValidationResult } from './validation-result.js';

export interface ValidateOptions {
  /** Custom question types to accept; the shared registry by default. */
  types?: QuestionTypeRegistry;
}

/**
 * Checks a questionnaire against the JSON Schema and then, once its shape is right, against the
 * rules the schema cannot state. Never throws; every error has a JSON pointer, a code and a
 * message in Vietnamese and English.
 */
export function validateQuestionnaire(document: unknown, options: ValidateOptions = {}): ValidationResult {
  if (!validateQuestionnaireSchema(document)) {
    return toResult(translateSchemaErrors(validateQuestionnaireSchema.errors ?? []));
  }
  return toResult(checkQuestionnaireSemantics(document as Questionnaire, options.types ?? questionTypes));
}

/** Narrows an unknown document to a Questionnaire when it is valid. */
export function isValidQuestionnaire(document: unknown, options: ValidateOptions = {}): document is Questionnaire {
  return validateQuestionnaire(document, options).valid;
}
