/**
 * Checks of single answers against their questions: type, choices, scale levels, likert rows,
 * "other" texts and the rules that need no expression. Shared by validateResponse and the engine,
 * and light on purpose: it pulls in no compiled JSON Schema, so the form runtime can use it.
 */
import { isIsoDate } from './dates.js';
import { toMessage } from './localize.js';
import { message, quote, type LocalizedMessage } from './messages.js';
import { answerValues, asBuiltIn, hasOtherOption, isAnswerable, noOpinionValue, noneValue, questionIndex, type LocatedQuestion } from './questionnaire-model.js';
import { OTHER_SUFFIX, OTHER_VALUE } from './standard-scales.js';
import type { Answer, AnswerValue, BuiltInQuestion, Question, Questionnaire, Validator } from './types.js';
import { escapePointerToken, pointer, type ValidationError } from './validation-result.js';

/**
 * Checks the answer of a custom-type question; undefined when the type is unknown. Injected so that
 * this module does not depend on how custom types are registered.
 */
export type CustomAnswerCheck = (question: Question, answer: Answer, path: string) => ValidationError[] | undefined;

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

export class AnswerChecker {
  readonly errors: ValidationError[] = [];
  protected readonly byName: ReadonlyMap<string, LocatedQuestion>;
  protected readonly questionnaire: Questionnaire;
  protected readonly answers: Record<string, Answer>;
  private readonly customAnswer: CustomAnswerCheck;

  constructor(questionnaire: Questionnaire, answers: Record<string, Answer>, customAnswer: CustomAnswerCheck) {
    this.questionnaire = questionnaire;
    this.answers = answers;
    this.customAnswer = customAnswer;
    this.byName = questionIndex(questionnaire);
  }

  protected fail(path: string, code: string, localized: LocalizedMessage): void {
    this.errors.push({ path, code, message: localized });
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
    const chosen = (Object.hasOwn(this.answers, name) ? this.answers[name] : undefined);
    const otherChosen = Array.isArray(chosen) ? chosen.includes(OTHER_VALUE) : chosen === OTHER_VALUE;
    if (!otherChosen) {
      this.fail(path, 'other-not-chosen', message(
        `Có nội dung "khác" nhưng câu ${quote(name)} không chọn "khác"`,
        `There is "other" text but ${quote(name)} does not have "other" chosen`,
      ));
    }
  }
  protected wrongType(path: string, expected: LocalizedMessage): void {
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
  protected hasErrorAt(path: string): boolean {
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
    const problems = this.customAnswer(question, answer, path);
    if (problems === undefined) {
      this.fail(path, 'unknown-type', message(
        `Loại câu hỏi ${quote(question.type)} chưa được đăng ký nên không kiểm tra được câu trả lời`,
        `Question type ${quote(question.type)} is not registered, so its answer cannot be checked`,
      ));
      return;
    }
    this.errors.push(...problems);
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
  }}

/**
 * Checks one answer (or the text of an "other" option, under `<name>-other`) against its question.
 * `answers` gives the other answers of the response, which an "other" text needs. Errors are
 * located under /answers.
 */
export function checkAnswer(
  questionnaire: Questionnaire,
  key: string,
  answer: Answer,
  answers: Record<string, Answer>,
  customAnswer: CustomAnswerCheck,
): ValidationError[] {
  const checker = new AnswerChecker(questionnaire, answers, customAnswer);
  checker.checkAnswer(key, answer);
  return checker.errors;
}
