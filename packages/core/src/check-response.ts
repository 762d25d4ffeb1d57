/**
 * The full check of a submitted response, as the collector server runs it: the format and every
 * answer (@sipas/schema), then the logic, which needs the engine: no answers to questions the
 * respondent could not see, every visible required question answered (except on paper, where blanks
 * are data), and the expression rules.
 */
import { message, quote, validateResponse, type Questionnaire, type Response, type ValidationResult } from '@sipas/schema';
import { Form } from './form/form.js';
import type { CoreTypeRegistry } from './question-types/index.js';

export interface CheckResponseOptions {
  types?: CoreTypeRegistry;
  /**
   * The moment conditions with today() or age() are judged at. A response is judged as it was when
   * submitted, so its submittedAt is the default; a later check must not drop it for having aged.
   */
  now?: Date;
}

export function checkResponse(questionnaire: Questionnaire, response: unknown, options: CheckResponseOptions = {}): ValidationResult {
  const checked = validateResponse(questionnaire, response, options.types ? { types: options.types.schemas } : {});
  if (!checked.valid) return checked;
  const { answers, channel, unit, serviceField, locale, responseId, submittedAt } = response as Response;
  const at = options.now ?? new Date(submittedAt);
  const form = new Form(questionnaire, { data: answers, channel, unit, serviceField, locale, responseId, now: () => at, ...(options.types ? { types: options.types } : {}) });
  const errors = [];
  if (questionnaire.settings?.clearHiddenValues !== 'never') {
    for (const key of Object.keys(answers)) {
      const name = key.replace(/-other$/, '');
      if (!form.isVisible(name)) {
        errors.push({
          path: `/answers/${key}`,
          code: 'hidden-answered',
          message: message(`Câu ${quote(name)} bị ẩn theo các câu trả lời khác nên không được có câu trả lời`, `${quote(name)} is hidden by the other answers, so it cannot be answered`),
        });
      }
    }
  }
  for (const [name, problems] of form.validate('all', { answersChecked: true })) {
    for (const problem of problems) {
      if (problem.code === 'required' && channel === 'paper') continue;
      errors.push({ path: `/answers/${name}`, code: problem.code === 'required' ? 'missing-required' : problem.code, message: problem.message });
    }
  }
  return { valid: errors.length === 0, errors };
}
