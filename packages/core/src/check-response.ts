/**
 * The full check of a submitted response, as the collector server runs it: the format and every
 * answer (@sipas/schema), then the logic, which needs the engine: no answers to questions the
 * respondent could not see, every visible required question answered (except on paper, where blanks
 * are data), and the expression rules.
 */
import { message, OTHER_SUFFIX, questionIndex, quote, validateResponse, type Questionnaire, type Response, type ValidationResult } from '@sipas/schema';
import { Form } from './form/form.js';
import { coreTypes } from './question-types/core-types.js';
import type { CoreTypeRegistry } from './question-types/registry.js';

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
  // A question of a type this process does not know (its module not loaded) cannot be checked, answered or not.
  const types = options.types ?? coreTypes;
  // The questionnaire's cached index (the Form below reads it too), not a fresh walk per response.
  const unknown = [...questionIndex(questionnaire).values()].filter(({ question }) => !types.has(question.type));
  if (unknown.length > 0) {
    return {
      valid: false,
      errors: unknown.map(({ question }) => ({
        path: `/answers/${question.name}`,
        code: 'unknown-type',
        message: message(`Máy chủ chưa đăng ký loại câu hỏi ${quote(question.type)}`, `Question type ${quote(question.type)} is not registered here`),
      })),
    };
  }
  const { answers, channel, unit, serviceField, locale, responseId, submittedAt } = response as Response;
  const at = options.now ?? new Date(submittedAt);
  const form = new Form(questionnaire, { data: answers, channel, unit, serviceField, locale, responseId, now: () => at, ...(options.types ? { types: options.types } : {}) });
  const errors = [];
  if (questionnaire.settings?.clearHiddenValues !== 'never') {
    for (const key of Object.keys(answers)) {
      const name = key.endsWith(OTHER_SUFFIX) ? key.slice(0, -OTHER_SUFFIX.length) : key;
      if (!form.isVisible(name)) {
        errors.push({
          path: `/answers/${key}`,
          code: 'hidden-answered',
          message: message(`Câu ${quote(name)} bị ẩn theo các câu trả lời khác nên không được có câu trả lời`, `${quote(name)} is hidden by the other answers, so it cannot be answered`),
        });
      }
    }
  }
  if (questionnaire.settings?.clearHiddenValues !== 'never') errors.push(...hiddenItemsAnswered(form, answers));
  for (const [name, problems] of form.validate('all', { answersChecked: true })) {
    for (const problem of problems) {
      // On paper a blank (or an "other" ticked without its text) is data, not a typing mistake.
      if ((problem.code === 'required' || problem.code === 'other-text-missing') && channel === 'paper') continue;
      errors.push({ path: `/answers/${name}`, code: problem.code === 'required' ? 'missing-required' : problem.code, message: problem.message });
    }
  }
  return { valid: errors.length === 0, errors };
}

/** Choices and likert rows that were hidden by the other answers but are answered anyway. */
function hiddenItemsAnswered(form: Form, answers: Response['answers']) {
  const found = [];
  for (const [name, value] of Object.entries(answers)) {
    if (name.endsWith(OTHER_SUFFIX) || !form.isVisible(name)) continue;
    const hidden = (item: string | number) => !form.isItemVisible(name, item);
    const located: string[] = [];
    if (Array.isArray(value)) value.forEach((item, i) => hidden(item) && located.push(`/answers/${name}/${i}`));
    else if (typeof value === 'object' && value !== null) Object.keys(value).forEach((row) => hidden(row) && located.push(`/answers/${name}/${row}`));
    else if ((typeof value === 'string' || typeof value === 'number') && hidden(value)) located.push(`/answers/${name}`);
    for (const path of located) {
      found.push({ path, code: 'hidden-answered', message: message('Lựa chọn hoặc hàng này bị ẩn theo các câu trả lời khác nên không được chọn', 'This choice or row is hidden by the other answers, so it cannot be answered') });
    }
  }
  return found;
}
