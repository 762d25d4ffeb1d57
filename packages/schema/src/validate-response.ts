/**
 * Checks one response against the questionnaire it answers: the response format, then every answer
 * against its question (type, choices, scale levels, rows, the rules that need no expression), the
 * response's unit, field and channel against the questionnaire's lists, and required questions
 * whose requiredness does not depend on other answers. Conditional visibility and requiredness
 * need the expression evaluator and are checked by @sipas/core on top of this.
 */
import validateResponseSchema from './generated/response-validator.js';
import { isIsoDate } from './dates.js';
import { validateWithFragment } from './fragment-validator.js';
import { toMessage } from './localize.js';
import { message, quote, type LocalizedMessage } from './messages.js';
import {
  answerValues,
  asBuiltIn,
  flattenHierarchy,
  isAnswerable,
  hasOtherOption,
  listQuestions,
  noOpinionValue,
  noneValue,
  type LocatedQuestion,
} from './questionnaire-model.js';
import { questionTypes } from './question-types.js';
import { translateSchemaErrors } from './schema-errors.js';
import { OTHER_SUFFIX, OTHER_VALUE } from './standard-scales.js';
import type { Answer, AnswerValue, BuiltInQuestion, Question, Questionnaire, Response, Validator } from './types.js';
import type { ValidateOptions } from './validate-questionnaire.js';
import { escapePointerToken, pointer, toResult, type ValidationError, type ValidationResult } from './validation-result.js';

/** A deliberately loose check: one @, no spaces, a dot in the domain. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TELEPHONE = /^\+?[0-9 ().-]{3,20}$/;
/** True when an answer counts as not given. */
export function isEmptyAnswer(answer: unknown): boolean {
  if (answer === undefined || answer === null || answer === '') return true;
  if (Array.isArray(answer)) return answer.length === 0;
  if (typeof answer === 'object') return Object.keys(answer).length === 0;
  return false;
}

const describe = (values: readonly AnswerValue[]): string => {
  const shown = values.slice(0, 12).map((v) => quote(v)).join(', ');
  return values.length > 12 ? `${shown}, ...` : shown;
};

class ResponseChecker {
  readonly errors: ValidationError[] = [];
  private readonly byName: Map<string, LocatedQuestion>;
  private readonly questionnaire: Questionnaire;
  private readonly response: Response;
  private readonly options: ValidateOptions;

  constructor(questionnaire: Questionnaire, response: Response, options: ValidateOptions) {
    this.questionnaire = questionnaire;
    this.response = response;
    this.options = options;
    this.byName = new Map(listQuestions(questionnaire).map((located) => [located.question.name, located]));
  }

  private fail(path: string, code: string, localized: LocalizedMessage): void {
    this.errors.push({ path, code, message: localized });
  }

  run(): ValidationError[] {
    this.checkEnvelope();
    for (const [key, answer] of Object.entries(this.response.answers)) this.checkAnswer(key, answer);
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
      const chosen = response.answers[builtIn.name];
      if (chosen !== undefined && response[field] !== undefined && chosen !== response[field]) {
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

  checkAnswer(key: string, answer: Answer): void {
    const path = pointer('answers', key);
    if (key.endsWith(OTHER_SUFFIX)) {
      this.checkOtherText(key.slice(0, -OTHER_SUFFIX.length), answer, path);
      return;
    }
    const located = this.byName.get(key);
    if (!located) {
      this.fail(path, 'unknown-question', message(`Bảng hỏi không có câu hỏi ${quote(key)}`, `The questionnaire has no question ${quote(key)}`));
      return;
    }
    const { question } = located;
    if (question.type === 'info') {
      this.fail(path, 'no-answer-expected', message(`Câu ${quote(key)} chỉ là phần thông tin, không có câu trả lời`, `${quote(key)} is information only and takes no answer`));
      return;
    }
    const builtIn = asBuiltIn(question);
    if (builtIn && builtIn.type !== 'info') this.checkBuiltInAnswer(builtIn, answer, path);
    else this.checkCustomAnswer(question, answer, path);
  }

  private checkOtherText(name: string, answer: Answer, path: string): void {
    const question = this.byName.get(name)?.question;
    if (!question || !hasOtherOption(question)) {
      this.fail(path, 'unknown-question', message(`Không có câu hỏi ${quote(name)} có lựa chọn "khác"`, `No question ${quote(name)} with an "other" option`));
      return;
    }
    if (typeof answer !== 'string') {
      this.fail(path, 'answer-type', message('Nội dung "khác" phải là chuỗi', 'The "other" text must be a string'));
      return;
    }
    const chosen = this.response.answers[name];
    const otherChosen = Array.isArray(chosen) ? chosen.includes(OTHER_VALUE) : chosen === OTHER_VALUE;
    if (!otherChosen) {
      this.fail(path, 'other-not-chosen', message(
        `Có nội dung "khác" nhưng câu ${quote(name)} không chọn "khác"`,
        `There is "other" text but ${quote(name)} does not have "other" chosen`,
      ));
    }
  }

  private wrongType(path: string, expected: LocalizedMessage): void {
    this.fail(path, 'answer-type', message(`Câu trả lời phải là ${expected.vi}`, `The answer must be ${expected.en}`));
  }

  private checkValueIn(value: unknown, allowed: readonly AnswerValue[], path: string, code: 'unknown-choice' | 'out-of-scale'): void {
    if (allowed.includes(value as AnswerValue)) return;
    this.fail(path, code, code === 'unknown-choice'
      ? message(`${quote(value)} không phải là một lựa chọn (có: ${describe(allowed)})`, `${quote(value)} is not one of the choices (${describe(allowed)})`)
      : message(`${quote(value)} không phải là một mức của thang đo (có: ${describe(allowed)})`, `${quote(value)} is not a level of the scale (${describe(allowed)})`));
  }

  private checkBuiltInAnswer(question: Exclude<BuiltInQuestion, { type: 'info' }>, answer: Answer, path: string): void {
    const values = answerValues(this.questionnaire, question) ?? [];
    const withOther = hasOtherOption(question) ? [...values, OTHER_VALUE] : values;
    switch (question.type) {
      case 'text':
        this.checkTextAnswer(question.inputType ?? 'text', answer, path);
        break;
      case 'comment':
        if (typeof answer !== 'string') this.wrongType(path, message('chuỗi', 'a string'));
        break;
      case 'boolean':
        if (typeof answer !== 'boolean') this.wrongType(path, message('true hoặc false', 'true or false'));
        break;
      case 'single':
      case 'dropdown':
        if (typeof answer !== 'string' && typeof answer !== 'number') this.wrongType(path, message('một giá trị lựa chọn', 'one choice value'));
        else this.checkValueIn(answer, withOther, path, 'unknown-choice');
        break;
      case 'rating':
        if (typeof answer !== 'string' && typeof answer !== 'number') this.wrongType(path, message('một mức của thang đo', 'one level of the scale'));
        else this.checkValueIn(answer, values, path, 'out-of-scale');
        break;
      case 'multiple':
        this.checkMultipleAnswer(question, answer, withOther, path);
        break;
      case 'likert':
        this.checkLikertAnswer(question, answer, values, path);
        break;
    }
    if (!this.hasErrorAt(path)) question.validators?.forEach((validator) => this.checkRule(validator, answer, path));
  }

  /** True when an error was already reported for this answer or inside it. */
  private hasErrorAt(path: string): boolean {
    return this.errors.some((e) => e.path === path || e.path.startsWith(`${path}/`));
  }

  private checkTextAnswer(inputType: string, answer: Answer, path: string): void {
    if (inputType === 'number') {
      if (typeof answer !== 'number' || !Number.isFinite(answer)) this.wrongType(path, message('một số', 'a number'));
      return;
    }
    if (typeof answer !== 'string') {
      this.wrongType(path, message('chuỗi', 'a string'));
      return;
    }
    if (answer === '') return;
    const formats: Record<string, [RegExp | ((value: string) => boolean), LocalizedMessage]> = {
      date: [isIsoDate, message('ngày dạng YYYY-MM-DD', 'a date as YYYY-MM-DD')],
      email: [EMAIL, message('địa chỉ email', 'an email address')],
      tel: [TELEPHONE, message('số điện thoại', 'a telephone number')],
    };
    const format = formats[inputType];
    if (!format) return;
    const [test, expected] = format;
    const fits = typeof test === 'function' ? test(answer) : test.test(answer);
    if (!fits) this.fail(path, 'answer-format', message(`Câu trả lời phải là ${expected.vi}`, `The answer must be ${expected.en}`));
  }

  private checkMultipleAnswer(question: Question, answer: Answer, allowed: AnswerValue[], path: string): void {
    if (!Array.isArray(answer)) {
      this.wrongType(path, message('một danh sách các lựa chọn', 'a list of choices'));
      return;
    }
    answer.forEach((value, i) => {
      if (answer.indexOf(value) < i) {
        this.fail(`${path}/${i}`, 'duplicate-item', message(`Lựa chọn ${quote(value)} bị lặp`, `The choice ${quote(value)} is repeated`));
      } else {
        this.checkValueIn(value, allowed, `${path}/${i}`, 'unknown-choice');
      }
    });
    const none = noneValue(question);
    if (none !== undefined && answer.includes(none) && answer.length > 1) {
      this.fail(path, 'exclusive-violated', message(
        `Lựa chọn ${quote(none)} không thể đi cùng các lựa chọn khác`,
        `The choice ${quote(none)} cannot be combined with other choices`,
      ));
    }
  }

  private checkLikertAnswer(question: Extract<BuiltInQuestion, { type: 'likert' }>, answer: Answer, levels: AnswerValue[], path: string): void {
    if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
      this.wrongType(path, message('một đối tượng {hàng: mức}', 'an object of {row: level}'));
      return;
    }
    const noOpinion = noOpinionValue(question);
    const allowed = noOpinion !== undefined ? [...levels, noOpinion] : levels;
    for (const [row, value] of Object.entries(answer)) {
      const rowPath = `${path}/${escapePointerToken(row)}`;
      if (!question.rows.some((r) => r.value === row)) {
        this.fail(rowPath, 'unknown-row', message(`Lưới không có hàng ${quote(row)}`, `The grid has no row ${quote(row)}`));
      } else {
        this.checkValueIn(value, allowed, rowPath, 'out-of-scale');
      }
    }
  }

  private checkCustomAnswer(question: Question, answer: Answer, path: string): void {
    const definition = (this.options.types ?? questionTypes).get(question.type);
    if (!definition) {
      this.fail(path, 'unknown-type', message(
        `Loại câu hỏi ${quote(question.type)} chưa được đăng ký nên không kiểm tra được câu trả lời`,
        `Question type ${quote(question.type)} is not registered, so its answer cannot be checked`,
      ));
      return;
    }
    if (definition.answer) this.errors.push(...validateWithFragment(answer, definition.answer, path));
    else if (typeof answer === 'object') this.wrongType(path, message('chữ, số hoặc true/false', 'text, a number or true/false'));
    if (!this.hasErrorAt(path) && isAnswerable(question)) question.validators?.forEach((validator) => this.checkRule(validator, answer, path));
  }

  /** The rules a single answer can be checked against without evaluating expressions. */
  private checkRule(validator: Validator, answer: Answer, path: string): void {
    const ruleFailed = (fallback: LocalizedMessage) =>
      this.fail(path, 'validation-rule', validator.message ? toMessage(validator.message) : fallback);
    const bounds = (v: { min?: unknown; max?: unknown }) => `${v.min ?? '...'} – ${v.max ?? '...'}`;
    switch (validator.type) {
      case 'length': {
        if (typeof answer !== 'string' || answer === '') return;
        const length = [...answer].length;
        if ((validator.min !== undefined && length < validator.min) || (validator.max !== undefined && length > validator.max)) {
          ruleFailed(message(`Độ dài phải trong khoảng ${bounds(validator)} ký tự`, `The length must be ${bounds(validator)} characters`));
        }
        return;
      }
      case 'pattern':
        if (typeof answer === 'string' && answer !== '' && !new RegExp(validator.pattern, 'u').test(answer)) {
          ruleFailed(message('Câu trả lời không đúng định dạng yêu cầu', 'The answer does not have the required form'));
        }
        return;
      case 'range': {
        if (typeof answer !== 'number' && typeof answer !== 'string') return;
        if (answer === '') return;
        const below = validator.min !== undefined && answer < validator.min;
        const above = validator.max !== undefined && answer > validator.max;
        if (below || above) ruleFailed(message(`Giá trị phải trong khoảng ${bounds(validator)}`, `The value must be within ${bounds(validator)}`));
        return;
      }
      case 'count': {
        if (!Array.isArray(answer)) return;
        if ((validator.min !== undefined && answer.length < validator.min) || (validator.max !== undefined && answer.length > validator.max)) {
          ruleFailed(message(`Số lựa chọn phải trong khoảng ${bounds(validator)}`, `Choose ${bounds(validator)} options`));
        }
        return;
      }
      case 'expression':
        return; // needs the evaluator (@sipas/core)
    }
  }

  /** Required questions whose requiredness and visibility depend on no answer at all. */
  private checkRequired(): void {
    for (const { question, page, section } of this.byName.values()) {
      const builtIn = asBuiltIn(question);
      if (!isAnswerable(question) || question.required !== true) continue;
      if (question.requiredIf || question.visibleIf || question.enableIf || section.visibleIf || page.visibleIf) continue;
      const answer = this.response.answers[question.name];
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
      const answer = this.response.answers[name];
      const answered = row === undefined ? !isEmptyAnswer(answer) : !isEmptyAnswer((answer as Record<string, unknown> | undefined)?.[row]);
      if (answered) {
        this.fail(`/paper/spoiled/${i}`, 'spoiled-with-answer', message(
          `Mục ${quote(item)} được đánh dấu hỏng nhưng vẫn có câu trả lời`,
          `${quote(item)} is marked spoiled but still has an answer`,
        ));
      }
    });
  }
}

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
  const checker = new ResponseChecker(questionnaire, { answers } as Response, options);
  checker.checkAnswer(key, answer);
  return checker.errors;
}

/**
 * Checks a response against the questionnaire it answers (which must itself be valid).
 * Never throws; errors are located by JSON pointers into the response.
 */
export function validateResponse(questionnaire: Questionnaire, response: unknown, options: ValidateOptions = {}): ValidationResult {
  if (!validateResponseSchema(response)) {
    return toResult(translateSchemaErrors(validateResponseSchema.errors ?? []));
  }
  return toResult(new ResponseChecker(questionnaire, response as Response, options).run());
}
