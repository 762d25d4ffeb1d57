/**
 * Checks one response against the questionnaire it answers: the response format, then every answer
 * against its question (answer-checks.ts), the response's unit, field and channel against the
 * questionnaire's lists, and required questions whose requiredness does not depend on other
 * answers. Conditional visibility and requiredness need the expression evaluator and are checked
 * by @sipas/core on top of this.
 */
import validateResponseSchema from './generated/response-validator.js';
import { AnswerChecker, checkAnswer, isEmptyAnswer, type CustomAnswerCheck } from './answer-checks.js';
import { validateWithFragment } from './fragment-validator.js';
import { toMessage } from './localize.js';
import { message, quote } from './messages.js';
import { asBuiltIn, flattenHierarchy, isAnswerable } from './questionnaire-model.js';
import { questionTypes } from './question-types.js';
import { OTHER_VALUE } from './standard-scales.js';
import { translateSchemaErrors } from './schema-errors.js';
import type { Answer, Questionnaire, Response } from './types.js';
import type { ValidateOptions } from './validate-questionnaire.js';
import { pointer, toResult, type ValidationError, type ValidationResult } from './validation-result.js';

export { isEmptyAnswer };

/** Checks custom-type answers with the fragments of the registry in use. */
function registryAnswerCheck(options: ValidateOptions): CustomAnswerCheck {
  return (question, answer, path) => {
    const definition = (options.types ?? questionTypes).get(question.type);
    if (!definition) return undefined;
    if (definition.answer) return validateWithFragment(answer, definition.answer, path);
    if (typeof answer === 'object') {
      return [{ path, code: 'answer-type', message: message('Câu trả lời phải là chữ, số hoặc true/false', 'The answer must be text, a number or true/false') }];
    }
    return [];
  };
}

class ResponseChecker extends AnswerChecker {
  private readonly response: Response;

  constructor(questionnaire: Questionnaire, response: Response, options: ValidateOptions) {
    super(questionnaire, response.answers, registryAnswerCheck(options));
    this.response = response;
  }

  run(): ValidationError[] {
    this.checkEnvelope();
    for (const [key, answer] of Object.entries(this.answers)) this.checkAnswer(key, answer);
    if (this.response.channel !== 'paper') this.checkRequired();
    this.checkPaper();
    return this.errors;
  }
  /** Which questionnaire, when, through which channel, for which unit and field. */
  private checkEnvelope(): void {
    const { questionnaire, response } = this;
    if (response.questionnaire.id !== questionnaire.id) {
      this.fail('/questionnaire/id', 'questionnaire-mismatch', message(
        `Phiếu trả lời bảng hỏi ${quote(response.questionnaire.id)}, không phải ${quote(questionnaire.id)}`,
        `The response answers questionnaire ${quote(response.questionnaire.id)}, not ${quote(questionnaire.id)}`,
      ));
    }
    if (questionnaire.version !== undefined && response.questionnaire.version !== questionnaire.version) {
      this.fail('/questionnaire/version', 'version-mismatch', message(
        `Phiếu trả lời phiên bản ${response.questionnaire.version}, bảng hỏi là phiên bản ${questionnaire.version}`,
        `The response answers version ${response.questionnaire.version}, the questionnaire is version ${questionnaire.version}`,
      ));
    }
    // The format accepts what RFC 3339 accepts; a leap second or year 0 has no instant in
    // JavaScript or PostgreSQL, so such a time could be neither evaluated nor stored.
    for (const field of ['submittedAt', 'startedAt'] as const) {
      const time = response[field];
      if (time !== undefined && !isUsableInstant(time)) {
        this.fail(`/${field}`, 'unusable-date-time', message(
          `Thời điểm ${quote(time)} không dùng được (giây nhuận hoặc năm 0)`,
          `The time ${quote(time)} cannot be used (a leap second or year 0)`,
        ));
      }
    }
    const channels = questionnaire.sipas?.survey?.channels;
    if (channels && !channels.includes(response.channel)) {
      this.fail('/channel', 'channel-not-allowed', message(
        `Bảng hỏi không thu phiếu qua kênh ${quote(response.channel)} (chỉ: ${channels.join(', ')})`,
        `The questionnaire does not collect through ${quote(response.channel)} (only: ${channels.join(', ')})`,
      ));
    }
    for (const [field, list] of [['unit', 'units'], ['serviceField', 'serviceFields']] as const) {
      const id = response[field];
      const hierarchy = questionnaire.sipas?.[list];
      if (id === undefined || !hierarchy) continue;
      if (!flattenHierarchy(hierarchy).some((item) => item.id === id)) {
        this.fail(`/${field}`, field === 'unit' ? 'unknown-unit' : 'unknown-service-field', message(
          `Mã ${quote(id)} không có trong danh sách sipas.${list} của bảng hỏi`,
          `The id ${quote(id)} is not in the questionnaire's sipas.${list}`,
        ));
      }
    }
    for (const { question } of this.byName.values()) {
      const builtIn = asBuiltIn(question);
      if (builtIn?.type !== 'dropdown' || !builtIn.choicesFrom) continue;
      const field = builtIn.choicesFrom.list === 'units' ? 'unit' : 'serviceField';
      const chosen = (Object.hasOwn(response.answers, builtIn.name) ? response.answers[builtIn.name] : undefined);
      // "Other" names no unit, so the page's unit stands.
      if (chosen !== undefined && chosen !== OTHER_VALUE && response[field] !== undefined && chosen !== response[field]) {
        this.fail(`/${field}`, 'unit-mismatch', message(
          `${field} là ${quote(response[field])} nhưng câu ${quote(builtIn.name)} chọn ${quote(chosen)}`,
          `${field} is ${quote(response[field])} but ${quote(builtIn.name)} chose ${quote(chosen)}`,
        ));
      }
    }
    if (response.startedAt && Date.parse(response.startedAt) > Date.parse(response.submittedAt)) {
      this.fail('/startedAt', 'time-order', message('Thời điểm bắt đầu sau thời điểm gửi', 'Started after it was submitted'));
    }
  }
  /** Required questions whose requiredness and visibility depend on no answer at all. */
  private checkRequired(): void {
    for (const { question, page, section } of this.byName.values()) {
      const builtIn = asBuiltIn(question);
      if (!isAnswerable(question) || question.required !== true) continue;
      if (question.requiredIf || question.visibleIf || question.enableIf || section.visibleIf || page.visibleIf) continue;
      const answer = (Object.hasOwn(this.answers, question.name) ? this.answers[question.name] : undefined);
      const missing = isEmptyAnswer(answer);
      const rowsMissing =
        !missing && builtIn?.type === 'likert' && builtIn.allRowsRequired === true
          ? builtIn.rows.filter((row) => !row.visibleIf && isEmptyAnswer((answer as Record<string, unknown>)[row.value]))
          : [];
      if (missing || rowsMissing.length > 0) {
        const fallback = rowsMissing.length > 0
          ? message(`Chưa trả lời các hàng: ${rowsMissing.map((r) => r.value).join(', ')}`, `Rows not answered: ${rowsMissing.map((r) => r.value).join(', ')}`)
          : message(`Câu ${quote(question.name)} là bắt buộc`, `${quote(question.name)} is required`);
        this.fail(pointer('answers', question.name), 'missing-required', question.requiredMessage ? toMessage(question.requiredMessage) : fallback);
      }
    }
  }
  private checkPaper(): void {
    const { paper, channel } = this.response;
    if (!paper) return;
    if (channel !== 'paper') {
      this.fail('/paper', 'paper-only', message('Thông tin phiếu giấy chỉ dùng cho kênh "paper"', 'Paper form details belong to the "paper" channel only'));
    }
    paper.spoiled?.forEach((item, i) => {
      const [name, row] = item.split('.') as [string, string | undefined];
      const question = this.byName.get(name)?.question;
      const rowExists = row === undefined || (question?.type === 'likert' && (question as { rows: { value: string }[] }).rows.some((r) => r.value === row));
      if (!question || question.type === 'info' || !rowExists) {
        this.fail(`/paper/spoiled/${i}`, 'unknown-question', message(`Không có câu hỏi hoặc hàng ${quote(item)}`, `No question or row ${quote(item)}`));
        return;
      }
      const answer = (Object.hasOwn(this.answers, name) ? this.answers[name] : undefined);
      const rowAnswer = row !== undefined && typeof answer === 'object' && answer !== null && Object.hasOwn(answer, row) ? (answer as Record<string, unknown>)[row] : undefined;
      const answered = row === undefined ? !isEmptyAnswer(answer) : !isEmptyAnswer(rowAnswer);
      if (answered) {
        this.fail(`/paper/spoiled/${i}`, 'spoiled-with-answer', message(
          `Mục ${quote(item)} được đánh dấu hỏng nhưng vẫn có câu trả lời`,
          `${quote(item)} is marked spoiled but still has an answer`,
        ));
      }
    });
  }}

/**
 * Checks one answer (or the text of an "other" option, under `<name>-other`) against its question:
 * type, choices, scale levels, rows and the rules that need no expression. `answers` gives the
 * other answers of the response, which an "other" text needs. Errors are located under /answers.
 */
export function validateAnswer(
  questionnaire: Questionnaire,
  key: string,
  answer: Answer,
  answers: Record<string, Answer> = { [key]: answer },
  options: ValidateOptions = {},
): ValidationError[] {
  return checkAnswer(questionnaire, key, answer, answers, registryAnswerCheck(options));
}

/**
 * Checks a response against the questionnaire it answers (which must itself be valid).
 * Never throws; errors are located by JSON pointers into the response.
 */
/** A date-time JavaScript reads as a real instant, in year 1 or later. */
function isUsableInstant(text: string): boolean {
  const time = Date.parse(text);
  return !Number.isNaN(time) && new Date(time).getUTCFullYear() >= 1 && !/T23:59:60/i.test(text);
}

export function validateResponse(questionnaire: Questionnaire, response: unknown, options: ValidateOptions = {}): ValidationResult {
  if (!validateResponseSchema(response)) {
    return toResult(translateSchemaErrors(validateResponseSchema.errors ?? []));
  }
  return toResult(new ResponseChecker(questionnaire, response as Response, options).run());
}
