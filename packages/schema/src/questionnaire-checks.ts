/**
 * Semantic checks of a questionnaire that JSON Schema cannot express: unique names and codes,
 * expressions that parse and name real questions, known scales and types, choice values, rules
 * that fit their question, hierarchies, and an index model that points at real items.
 * They run only on documents that passed the JSON Schema, so shapes can be trusted here.
 */
import { isIsoDate } from './dates.js';
import { validateWithFragment } from './fragment-validator.js';
import { checkLogic } from './logic-checks.js';
import { message, quote } from './messages.js';
import { isBuiltInType, type QuestionTypeRegistry, type QuestionTypeSchema } from './question-types.js';
import {
  answerValues,
  asBuiltIn,
  flattenHierarchy,
  isAnswerable,
  hasOtherOption,
  listQuestions,
  noOpinionValue,
  noneValue,
  resolveScale,
  satisfiedValues,
  type LocatedQuestion,
} from './questionnaire-model.js';
import { OTHER_VALUE, RESPONSE_VARIABLES, STANDARD_SCALES } from './standard-scales.js';
import type { AnswerValue, BuiltInQuestion, Choice, Hierarchy, LikertQuestion, IndexModel, IndexNode, Question, Questionnaire, Scale, Validator } from './types.js';
import { pointer, type ValidationError } from './validation-result.js';

/** Property names every question may carry, whatever its type. */
export const COMMON_QUESTION_PROPERTIES: ReadonlySet<string> = new Set([
  'name', 'type', 'title', 'description', 'visibleIf', 'code', 'required', 'requiredIf', 'requiredMessage', 'enableIf', 'validators',
]);

/** Types that can feed an index item: their answers are levels or choices. */
const INDEXABLE_TYPES = new Set(['rating', 'likert', 'single', 'dropdown']);

class Checker {
  readonly errors: ValidationError[] = [];
  private readonly questions: LocatedQuestion[];
  private readonly questionsByName = new Map<string, LocatedQuestion>();
  /** The question bound to each hierarchy list (units, serviceFields). */
  private readonly boundLists = new Map<string, string>();
  private readonly questionnaire: Questionnaire;
  private readonly types: QuestionTypeRegistry;

  constructor(questionnaire: Questionnaire, types: QuestionTypeRegistry) {
    this.questionnaire = questionnaire;
    this.types = types;
    this.questions = listQuestions(questionnaire);
  }

  private fail(path: string, code: string, vi: string, en: string): void {
    this.errors.push({ path, code, message: message(vi, en) });
  }

  run(): ValidationError[] {
    this.checkNames();
    this.checkScales();
    this.checkHierarchy('units');
    this.checkHierarchy('serviceFields');
    this.checkCodes();
    this.checkPeriod();
    for (const located of this.questions) this.checkQuestion(located);
    // With a repeated name a reference is ambiguous; the duplicate is reported and cycles wait for the fix.
    this.errors.push(...checkLogic(this.questionnaire, { cycles: !this.errors.some((e) => e.code === 'duplicate-name') }));
    const index = this.questionnaire.sipas?.index;
    if (index) this.checkIndexModel(index);
    return this.errors;
  }

  /** Page, section and question names share one namespace; a repeat is reported where it comes second in the document. */
  private checkNames(): void {
    const seen = new Map<string, string>();
    const visit = (name: string, path: string) => {
      const first = seen.get(name);
      if (first !== undefined) {
        this.fail(`${path}/name`, 'duplicate-name', `Tên ${quote(name)} đã dùng tại ${first}`, `The name ${quote(name)} is already used at ${first}`);
      } else {
        seen.set(name, path);
      }
    };
    this.questionnaire.pages.forEach((page, p) => {
      visit(page.name, pointer('pages', p));
      page.sections.forEach((section, s) => {
        visit(section.name, pointer('pages', p, 'sections', s));
        section.questions.forEach((question, q) => visit(question.name, pointer('pages', p, 'sections', s, 'questions', q)));
      });
    });
    for (const located of this.questions) {
      const { name } = located.question;
      if (!this.questionsByName.has(name)) this.questionsByName.set(name, located);
      if (RESPONSE_VARIABLES.includes(name)) {
        this.fail(
          `${located.path}/name`,
          'reserved-name',
          `Tên ${quote(name)} được dành cho thông tin của phiếu (${RESPONSE_VARIABLES.join(', ')})`,
          `The name ${quote(name)} is reserved for response information (${RESPONSE_VARIABLES.join(', ')})`,
        );
      }
    }
  }

  private checkPeriod(): void {
    const period = this.questionnaire.sipas?.survey?.period;
    if (period?.from && period.to && period.from > period.to) {
      this.fail(pointer('sipas', 'survey', 'period'), 'invalid-range', `Kỳ khảo sát bắt đầu (${period.from}) sau khi kết thúc (${period.to})`, `The survey period starts (${period.from}) after it ends (${period.to})`);
    }
  }

  private checkScales(): void {
    for (const [name, scale] of Object.entries(this.questionnaire.scales ?? {})) {
      const path = pointer('scales', name);
      if (Object.hasOwn(STANDARD_SCALES, name)) {
        this.fail(path, 'scale-redefined', `Thang đo chuẩn ${quote(name)} không được định nghĩa lại; hãy đặt tên khác`, `The standard scale ${quote(name)} cannot be redefined; choose another name`);
      }
      this.checkScale(scale, path);
    }
  }

  private checkScale(scale: Scale, path: string): void {
    this.checkUnique(scale.levels.map((l) => l.value), (i) => `${path}/levels/${i}/value`, 'duplicate-scale-value', ['Mức', 'Level']);
    const values = scale.levels.map((l) => l.value);
    scale.satisfied?.forEach((value, i) => {
      if (!values.includes(value)) {
        this.fail(`${path}/satisfied/${i}`, 'unknown-scale-value', `Mức ${quote(value)} không có trong thang đo`, `Level ${quote(value)} is not on the scale`);
      }
    });
  }

  /** Reports every value that repeats an earlier one. */
  private checkUnique(values: unknown[], pathOf: (index: number) => string, code: string, [viNoun, enNoun]: [string, string]): void {
    const seen = new Map<unknown, number>();
    values.forEach((value, i) => {
      const first = seen.get(value);
      if (first !== undefined) {
        this.fail(pathOf(i), code, `${viNoun} ${quote(value)} bị lặp (đã có ở vị trí ${first})`, `${enNoun} ${quote(value)} is repeated (first at index ${first})`);
      } else {
        seen.set(value, i);
      }
    });
  }

  private checkHierarchy(list: 'units' | 'serviceFields'): void {
    const hierarchy: Hierarchy | undefined = this.questionnaire.sipas?.[list];
    if (!hierarchy) return;
    const base = pointer('sipas', list);
    const levelIds = hierarchy.levels?.map((l) => l.id) ?? [];
    this.checkUnique(levelIds, (i) => `${base}/levels/${i}/id`, 'duplicate-id', ['Cấp', 'Level']);
    const seen = new Set<string>();
    const visit = (items: Hierarchy['items'], path: string) =>
      items.forEach((item, i) => {
        const itemPath = `${path}/${i}`;
        if (seen.has(item.id)) {
          this.fail(`${itemPath}/id`, 'duplicate-id', `Mã ${quote(item.id)} bị lặp trong danh sách`, `The id ${quote(item.id)} is repeated in the list`);
        }
        seen.add(item.id);
        if (item.level !== undefined && !levelIds.includes(item.level)) {
          this.fail(`${itemPath}/level`, 'unknown-level', `Cấp ${quote(item.level)} chưa được khai báo trong levels`, `The level ${quote(item.level)} is not declared in levels`);
        }
        if (item.children) visit(item.children, `${itemPath}/children`);
      });
    visit(hierarchy.items, `${base}/items`);
  }

  /** Criterion codes name index items: one code, one question or likert row. */
  private checkCodes(): void {
    const seen = new Map<string, string>();
    const visit = (code: string | undefined, path: string) => {
      if (code === undefined) return;
      const first = seen.get(code);
      if (first !== undefined) {
        this.fail(path, 'duplicate-code', `Mã tiêu chí ${quote(code)} đã dùng tại ${first}`, `The criterion code ${quote(code)} is already used at ${first}`);
      } else {
        seen.set(code, path);
      }
    };
    for (const { question, path } of this.questions) {
      if (isAnswerable(question)) visit(question.code, `${path}/code`);
      if (question.type === 'likert') {
        (question as { rows: { code?: string }[] }).rows.forEach((row, r) => visit(row.code, `${path}/rows/${r}/code`));
      }
    }
  }

  private checkQuestion({ question, path }: LocatedQuestion): void {
    const builtIn = asBuiltIn(question);
    if (!builtIn) {
      this.checkCustomQuestion(question, path);
      return;
    }
    switch (builtIn.type) {
      case 'single':
      case 'multiple':
        this.checkChoices(builtIn.choices, `${path}/choices`, builtIn);
        break;
      case 'dropdown':
        if (builtIn.choices) this.checkChoices(builtIn.choices, `${path}/choices`, builtIn);
        if (builtIn.choicesFrom) {
          this.checkChoicesFrom(builtIn.choicesFrom, `${path}/choicesFrom`);
          // The answer becomes the response's unit (or field): two such questions would contradict each other.
          const first = this.boundLists.get(builtIn.choicesFrom.list);
          if (first !== undefined) {
            this.fail(`${path}/choicesFrom`, 'list-bound-twice', `Danh sách sipas.${builtIn.choicesFrom.list} đã gắn với câu ${first}; mỗi danh sách chỉ gắn với một câu hỏi`, `sipas.${builtIn.choicesFrom.list} is already bound to ${first}; each list binds one question`);
          } else {
            this.boundLists.set(builtIn.choicesFrom.list, builtIn.name);
          }
          if (builtIn.other && flattenHierarchy(this.questionnaire.sipas?.[builtIn.choicesFrom.list]).some((item) => item.id === OTHER_VALUE)) {
            this.fail(`${path}/other`, 'reserved-choice-value', `Danh sách sipas.${builtIn.choicesFrom.list} có mã "other", trùng với lựa chọn "khác"`, `sipas.${builtIn.choicesFrom.list} has an item "other", which the "other" option also uses`);
          }
        }
        break;
      case 'rating':
      case 'likert': {
        const scale = this.checkScaleRef(builtIn.scale, `${path}/scale`);
        if (builtIn.type === 'likert') {
          this.checkUnique(builtIn.rows.map((r) => r.value), (i) => `${path}/rows/${i}/value`, 'duplicate-row-value', ['Hàng', 'Row']);
          const noOpinion = noOpinionValue(builtIn);
          if (scale && noOpinion !== undefined && scale.levels.some((l) => l.value === noOpinion)) {
            const where = typeof builtIn.noOpinion === 'object' && builtIn.noOpinion.value !== undefined ? `${path}/noOpinion/value` : `${path}/noOpinion`;
            this.fail(where, 'reserved-choice-value', `Giá trị "không có ý kiến" ${quote(noOpinion)} trùng với một mức của thang đo`, `The "no opinion" value ${quote(noOpinion)} equals a level of the scale`);
          }
        }
        break;
      }
      default:
        break;
    }
    if (builtIn.type !== 'info') builtIn.validators?.forEach((validator, v) => this.checkValidator(builtIn, validator, `${path}/validators/${v}`));
  }

  private checkCustomQuestion(question: Question, path: string): void {
    const definition = this.types.get(question.type);
    if (!definition) {
      const known = this.types.names();
      this.fail(
        `${path}/type`,
        'unknown-type',
        `Loại câu hỏi ${quote(question.type)} không có sẵn và chưa được đăng ký${known.length ? ` (đã đăng ký: ${known.join(', ')})` : ''}`,
        `Question type ${quote(question.type)} is neither built in nor registered${known.length ? ` (registered: ${known.join(', ')})` : ''}`,
      );
      return;
    }
    const shape = validateWithFragment(question, definition.properties, path, { alsoAllowed: COMMON_QUESTION_PROPERTIES, closed: true });
    this.errors.push(...shape);
    if (shape.length === 0 && definition.checkQuestion) this.checkWithType(definition.checkQuestion, question, path);
    // Which rules fit a custom type only its author knows; what can be checked here is that they make sense.
    if (isAnswerable(question)) question.validators?.forEach((validator, v) => this.checkRuleConsistency(validator, `${path}/validators/${v}`));
  }

  /** A custom type's own checks of a question; a check that throws is reported, not let through. */
  private checkWithType(check: NonNullable<QuestionTypeSchema['checkQuestion']>, question: Question, path: string): void {
    try {
      const inside = (at: string) => (at === '' || at.startsWith('/') ? at : `/${at}`);
      this.errors.push(...check(question).map((problem) => ({ ...problem, path: `${path}${inside(problem.path)}` })));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.fail(path, 'type-check-failed', `Kiểm tra của loại ${quote(question.type)} bị lỗi: ${reason}`, `The check of type ${quote(question.type)} failed: ${reason}`);
    }
  }

  private checkChoices(choices: Choice[], path: string, question: BuiltInQuestion): void {
    this.checkUnique(choices.map((c) => c.value), (i) => `${path}/${i}/value`, 'duplicate-choice-value', ['Giá trị lựa chọn', 'Choice value']);
    const none = noneValue(question);
    if (none === OTHER_VALUE && hasOtherOption(question)) {
      this.fail(`${path.replace(/\/choices$/, '')}/none`, 'reserved-choice-value', 'Lựa chọn "không chọn gì" không thể có giá trị "other" khi câu hỏi có lựa chọn "khác"', 'The "none" option cannot have the value "other" when the question has an "other" option');
    }
    choices.forEach((choice, i) => {
      const reserved = (hasOtherOption(question) && choice.value === OTHER_VALUE) || (none !== undefined && choice.value === none);
      if (reserved) {
        this.fail(
          `${path}/${i}/value`,
          'reserved-choice-value',
          `Giá trị ${quote(choice.value)} được dành cho lựa chọn "khác" hoặc "không chọn gì"`,
          `The value ${quote(choice.value)} is taken by the "other" or "none" option`,
        );
      }
    });
  }

  private checkChoicesFrom(choicesFrom: { list: 'units' | 'serviceFields'; level?: string }, path: string): void {
    const hierarchy = this.questionnaire.sipas?.[choicesFrom.list];
    if (!hierarchy) {
      this.fail(`${path}/list`, 'missing-hierarchy', `Bảng hỏi chưa khai báo danh sách sipas.${choicesFrom.list}`, `The questionnaire declares no sipas.${choicesFrom.list} list`);
      return;
    }
    if (choicesFrom.level !== undefined && !hierarchy.levels?.some((l) => l.id === choicesFrom.level)) {
      this.fail(`${path}/level`, 'unknown-level', `Cấp ${quote(choicesFrom.level)} chưa được khai báo trong sipas.${choicesFrom.list}.levels`, `The level ${quote(choicesFrom.level)} is not declared in sipas.${choicesFrom.list}.levels`);
    }
  }

  private checkScaleRef(ref: string | Scale, path: string): Scale | undefined {
    const scale = resolveScale(this.questionnaire, ref);
    if (!scale) {
      const available = [...new Set([...Object.keys(STANDARD_SCALES), ...Object.keys(this.questionnaire.scales ?? {})])].join(', ');
      this.fail(path, 'unknown-scale', `Thang đo ${quote(ref)} không tồn tại (có: ${available})`, `Unknown scale ${quote(ref)} (available: ${available})`);
    } else if (typeof ref !== 'string') {
      this.checkScale(scale, path);
    }
    return scale;
  }

  /** Which rule fits which question: a count of a text field or a length of a choice means nothing. */
  private checkValidator(question: Exclude<BuiltInQuestion, { type: 'info' }>, validator: Validator, path: string): void {
    const inputType = question.type === 'text' ? (question.inputType ?? 'text') : undefined;
    const isTextual = question.type === 'comment' || (inputType !== undefined && inputType !== 'number' && inputType !== 'date');
    const applies: Record<Validator['type'], boolean> = {
      range: inputType === 'number' || inputType === 'date',
      length: isTextual,
      pattern: isTextual,
      count: question.type === 'multiple',
      expression: true,
    };
    if (!applies[validator.type]) {
      this.fail(
        `${path}/type`,
        'validator-not-applicable',
        `Quy tắc ${quote(validator.type)} không áp dụng cho câu hỏi loại ${quote(question.type)}${inputType ? ` (${inputType})` : ''}`,
        `A ${quote(validator.type)} rule does not apply to a ${quote(question.type)} question${inputType ? ` (${inputType})` : ''}`,
      );
      return;
    }
    if (validator.type === 'range') this.checkRangeBounds(validator, inputType === 'date' ? 'date' : 'number', path);
    this.checkRuleConsistency(validator, path);
  }

  /** A pattern that compiles and bounds in order. */
  private checkRuleConsistency(validator: Validator, path: string): void {
    if (validator.type === 'pattern') {
      try {
        new RegExp(validator.pattern, 'u');
      } catch {
        this.fail(`${path}/pattern`, 'invalid-pattern', 'Biểu thức chính quy không hợp lệ', 'Not a valid regular expression');
      }
    }
    if ('min' in validator && 'max' in validator && validator.min !== undefined && validator.max !== undefined && validator.min > validator.max) {
      this.fail(path, 'invalid-range', `Giá trị nhỏ nhất ${quote(validator.min)} lớn hơn giá trị lớn nhất ${quote(validator.max)}`, `The minimum ${quote(validator.min)} is above the maximum ${quote(validator.max)}`);
    }
  }

  private checkRangeBounds(validator: Extract<Validator, { type: 'range' }>, kind: 'date' | 'number', path: string): void {
    for (const bound of ['min', 'max'] as const) {
      const value = validator[bound];
      if (value === undefined) continue;
      const fits = kind === 'number' ? typeof value === 'number' : isIsoDate(value);
      if (!fits) {
        this.fail(
          `${path}/${bound}`,
          kind === 'date' && typeof value === 'string' ? 'invalid-format' : 'type',
          kind === 'number' ? 'Giới hạn của câu hỏi số phải là số' : 'Giới hạn của câu hỏi ngày phải là một ngày có thật, dạng YYYY-MM-DD',
          kind === 'number' ? 'A bound of a number question must be a number' : 'A bound of a date question must be a real calendar date as YYYY-MM-DD',
        );
      }
    }
  }





  private checkIndexModel(model: IndexModel): void {
    const base = pointer('sipas', 'index');
    const ids = new Map<string, string>();
    const visit = (node: IndexNode, path: string) => {
      const first = ids.get(node.id);
      if (first !== undefined) {
        this.fail(`${path}/id`, 'duplicate-id', `Mã nút chỉ số ${quote(node.id)} đã dùng tại ${first}`, `The index node id ${quote(node.id)} is already used at ${first}`);
      } else {
        ids.set(node.id, path);
      }
      this.checkIndexNode(node, path, model);
      node.children?.forEach((child, c) => visit(child, `${path}/children/${c}`));
    };
    visit(model.root, `${base}/root`);
    for (const list of ['distributions', 'breakdowns'] as const) {
      model[list]?.forEach((name, i) => {
        const question = this.questionsByName.get(name)?.question;
        if (!question || question.type === 'info') {
          this.fail(`${base}/${list}/${i}`, 'index-unknown-question', `Không có câu hỏi ${quote(name)} có câu trả lời`, `No answerable question is named ${quote(name)}`);
        }
      });
    }
  }

  private checkIndexNode(node: IndexNode, path: string, model: IndexModel): void {
    const method = node.method ?? (node.children ? 'mean' : 'share');
    if (method === 'share' && node.children) {
      this.fail(`${path}/method`, 'index-method-mismatch', 'Nút có nút con không thể tính theo "share"; dùng "mean", "pooled" hoặc "source"', 'A node with children cannot use "share"; use "mean", "pooled" or "source"');
      return;
    }
    if ((method === 'mean' || method === 'pooled') && !node.children) {
      this.fail(`${path}/method`, 'index-method-mismatch', `Phương pháp ${quote(method)} cần các nút con (children)`, `Method ${quote(method)} needs children`);
      return;
    }
    const needsSource = method === 'share' || method === 'source';
    if (!needsSource && node.source) {
      this.fail(`${path}/source`, 'index-method-mismatch', `Phương pháp ${quote(method)} tính từ các nút con, không dùng câu hỏi nguồn; dùng "source" để lấy câu hỏi hài lòng riêng của nút`, `Method ${quote(method)} works from the children and takes no source; use "source" for the node's own satisfaction question`);
      return;
    }
    if (needsSource && !node.source) {
      this.fail(`${path}/source`, 'index-method-mismatch', `Phương pháp ${quote(method)} cần câu hỏi nguồn (source)`, `Method ${quote(method)} needs a source question`);
    }
    if (!node.source) return;
    const values = this.checkIndexSource(node.source, `${path}/source`);
    if (!values) return;
    const noOpinion = this.noOpinionOf(node.source.question);
    for (const list of ['satisfied', 'excluded'] as const) {
      const allowed = list === 'excluded' && noOpinion !== undefined ? [...values, noOpinion] : values;
      node[list]?.forEach((value, i) => {
        if (!allowed.includes(value)) {
          this.fail(`${path}/${list}/${i}`, 'index-unknown-value', `Câu hỏi nguồn không có giá trị ${quote(value)}`, `The source question has no value ${quote(value)}`);
        }
      });
    }
    const satisfied = node.satisfied ?? model.satisfied ?? this.scaleSatisfied(node.source.question);
    const excluded = [...(model.excluded ?? []), ...(node.excluded ?? [])];
    // Exclusion wins over satisfaction, so an item needs a satisfied answer that is not also excluded.
    if (!satisfied?.some((value) => values.includes(value) && !excluded.includes(value))) {
      this.fail(
        `${path}/satisfied`,
        'index-no-satisfied-set',
        'Không câu trả lời nào của câu hỏi nguồn được tính là hài lòng: khai báo satisfied ở nút, ở mô hình chỉ số hoặc ở thang đo',
        'None of the source question\'s answers counts as satisfied: declare satisfied on the node, the index model or the scale',
      );
    }
  }

  private noOpinionOf(questionName: string): AnswerValue | undefined {
    const question = this.questionsByName.get(questionName)?.question;
    return question?.type === 'likert' ? noOpinionValue(question as LikertQuestion) : undefined;
  }

  private scaleSatisfied(questionName: string): AnswerValue[] | undefined {
    const question = this.questionsByName.get(questionName)?.question;
    return question && satisfiedValues(this.questionnaire, question, this.types);
  }

  /** Checks an index source and returns the values its answers can take. */
  private checkIndexSource(source: { question: string; row?: string }, path: string): AnswerValue[] | undefined {
    const located = this.questionsByName.get(source.question);
    if (!located) {
      this.fail(`${path}/question`, 'index-unknown-question', `Không có câu hỏi ${quote(source.question)}`, `No question is named ${quote(source.question)}`);
      return undefined;
    }
    const { question } = located;
    if (!isBuiltInType(question.type) && !this.types.get(question.type)) return undefined; // already reported as an unknown type
    const values = answerValues(this.questionnaire, question, this.types);
    if (!INDEXABLE_TYPES.has(question.type) && (isBuiltInType(question.type) || !values)) {
      this.fail(`${path}/question`, 'index-not-scored', `Câu hỏi loại ${quote(question.type)} không thể dùng để tính chỉ số`, `A ${quote(question.type)} question cannot be an index source`);
      return undefined;
    }
    if (question.type === 'likert') {
      if (source.row === undefined) {
        this.fail(`${path}/row`, 'index-row-required', 'Câu hỏi dạng lưới cần chỉ rõ hàng (row)', 'A likert grid source must name its row');
      } else if (!(question as { rows: { value: string }[] }).rows.some((r) => r.value === source.row)) {
        this.fail(`${path}/row`, 'index-unknown-row', `Lưới ${quote(question.name)} không có hàng ${quote(source.row)}`, `The grid ${quote(question.name)} has no row ${quote(source.row)}`);
      }
    } else if (source.row !== undefined) {
      this.fail(`${path}/row`, 'index-row-not-allowed', 'Chỉ câu hỏi dạng lưới mới có hàng', 'Only likert grids have rows');
    }
    return values;
  }
}

/** Runs the semantic checks on a questionnaire that already matches the JSON Schema. */
export function checkQuestionnaireSemantics(questionnaire: Questionnaire, types: QuestionTypeRegistry): ValidationError[] {
  return new Checker(questionnaire, types).run();
}
