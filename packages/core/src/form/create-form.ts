import { validateQuestionnaire, type Questionnaire } from '@sipas/schema';
import { coreTypes } from '../question-types/core-types.js';
import { Form, QuestionnaireLoadError, type FormOptions } from './form.js';

/**
 * Loads a questionnaire into a live form after the full check of the format; throws
 * QuestionnaireLoadError with located errors when it is invalid. The form runtime, which only
 * receives questionnaires checked at publication, constructs `Form` directly and skips the
 * compiled JSON Schema (about 35 KB gzip); `Form` itself still refuses logic it cannot run.
 */
export function createForm(questionnaire: Questionnaire, options: FormOptions = {}): Form {
  const checked = validateQuestionnaire(questionnaire, { types: (options.types ?? coreTypes).schemas });
  if (!checked.valid) throw new QuestionnaireLoadError(checked.errors);
  return new Form(questionnaire, options);
}
