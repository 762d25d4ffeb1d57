/**
 * The logic of a questionnaire: every expression parses, names real questions, likert rows and
 * "other" options, and no condition depends on itself through a chain of others. Light on purpose
 * (no compiled JSON Schema), so the form runtime can run it on every questionnaire it loads.
 */
import { parseExpression } from './expression/parser.js';
import { message, quote } from './messages.js';
import { asBuiltIn, hasOtherOption, isAnswerable, listQuestions, type LocatedQuestion } from './questionnaire-model.js';
import { RESPONSE_VARIABLES } from './standard-scales.js';
import type { Questionnaire } from './types.js';
import { pointer, type ValidationError } from './validation-result.js';

class LogicChecker {
  readonly errors: ValidationError[] = [];
  private readonly questionnaire: Questionnaire;
  private readonly questions: LocatedQuestion[];
  private readonly questionsByName = new Map<string, LocatedQuestion>();

  constructor(questionnaire: Questionnaire) {
    this.questionnaire = questionnaire;
    this.questions = listQuestions(questionnaire);
    for (const located of this.questions) if (!this.questionsByName.has(located.question.name)) this.questionsByName.set(located.question.name, located);
  }

  private boundTo(list: 'units' | 'serviceFields'): string[] {
    return this.questions.flatMap(({ question }) => {
      const builtIn = asBuiltIn(question);
      return builtIn?.type === 'dropdown' && builtIn.choicesFrom?.list === list ? [builtIn.name] : [];
    });
  }

  private fail(path: string, code: string, vi: string, en: string): void {
    this.errors.push({ path, code, message: message(vi, en) });
  }

  /** Every expression in the document, with the pointer of the property holding it. */
  private expressions(): { source: string; path: string }[] {
    const found: { source: string; path: string }[] = [];
    const take = (holder: object, path: string) => {
      for (const key of ['visibleIf', 'enableIf', 'requiredIf'] as const) {
        const source = (holder as Record<string, unknown>)[key];
        if (typeof source === 'string') found.push({ source, path: `${path}/${key}` });
      }
    };
    this.questionnaire.pages.forEach((page, p) => {
      take(page, pointer('pages', p));
      page.sections.forEach((section, s) => take(section, pointer('pages', p, 'sections', s)));
    });
    for (const { question, path } of this.questions) {
      take(question, path);
      if (isAnswerable(question)) {
        question.validators?.forEach((validator, v) => {
          if (validator.type === 'expression') found.push({ source: validator.expression, path: `${path}/validators/${v}/expression` });
        });
      }
      const builtIn = asBuiltIn(question);
      if (!builtIn) continue;
      if ('choices' in builtIn) builtIn.choices?.forEach((choice, c) => take(choice, `${path}/choices/${c}`));
      if (builtIn.type === 'likert') builtIn.rows.forEach((row, r) => take(row, `${path}/rows/${r}`));
    }
    return found;
  }
  checkExpressions(): void {
    for (const { source, path } of this.expressions()) {
      const parsed = parseExpression(source);
      if (!parsed.ok) {
        const { offset, message: reason } = parsed.error;
        this.fail(path, 'expression-syntax', `Lỗi cú pháp ở ký tự ${offset + 1}: ${reason.vi}`, `Syntax error at character ${offset + 1}: ${reason.en}`);
        continue;
      }
      const reported = new Set<string>();
      for (const reference of parsed.references) {
        if (reported.has(reference.path)) continue;
        reported.add(reference.path);
        const problem = this.referenceProblem(reference.name, reference.row, reference.other === true);
        if (problem) {
          this.fail(path, 'unknown-reference', `Tham chiếu {${reference.path}}: ${problem.vi}`, `Reference {${reference.path}}: ${problem.en}`);
        }
      }
    }
  }
  /**
   * Whether a question is shown, enabled or required may depend on other answers, but never, even
   * through a chain, on its own: the engine could not settle such a form. Edges run from a question
   * to the questions named by its own conditions and those of its section, page, choices and rows.
   */
  checkDependencyCycles(): void {
    const edges = new Map<string, { target: string; path: string }[]>();
    const conditionsOf = (holder: object, path: string) =>
      (['visibleIf', 'enableIf', 'requiredIf'] as const).flatMap((key) => {
        const source = (holder as Record<string, unknown>)[key];
        return typeof source === 'string' ? [{ source, path: `${path}/${key}` }] : [];
      });
    for (const { question, path } of this.questions) {
      const located = this.questionsByName.get(question.name)!;
      const pageIndex = this.questionnaire.pages.indexOf(located.page);
      const sectionIndex = located.page.sections.indexOf(located.section);
      const conditions = [
        ...conditionsOf(question, path),
        ...conditionsOf(located.section, pointer('pages', pageIndex, 'sections', sectionIndex)),
        ...conditionsOf(located.page, pointer('pages', pageIndex)),
      ];
      const builtIn = asBuiltIn(question);
      if (builtIn && 'choices' in builtIn) builtIn.choices?.forEach((choice, c) => conditions.push(...conditionsOf(choice, `${path}/choices/${c}`)));
      if (builtIn?.type === 'likert') builtIn.rows.forEach((row, r) => conditions.push(...conditionsOf(row, `${path}/rows/${r}`)));
      const targets: { target: string; path: string }[] = [];
      for (const condition of conditions) {
        const parsed = parseExpression(condition.source);
        if (!parsed.ok) continue;
        for (const reference of parsed.references) {
          if (this.questionsByName.has(reference.name)) targets.push({ target: reference.name, path: condition.path });
          // {unit} and {serviceField} are set by the question bound to that list, if there is one.
          const list = reference.name === 'unit' ? 'units' : reference.name === 'serviceField' ? 'serviceFields' : undefined;
          if (list) for (const bound of this.boundTo(list)) targets.push({ target: bound, path: condition.path });
        }
      }
      edges.set(question.name, targets);
    }
    const state = new Map<string, 'visiting' | 'done'>();
    const trail: { name: string; path: string }[] = [];
    const reported = new Set<string>();
    const visit = (name: string) => {
      state.set(name, 'visiting');
      for (const edge of edges.get(name) ?? []) {
        trail.push({ name, path: edge.path });
        if (state.get(edge.target) === 'visiting') {
          const start = trail.findIndex((step) => step.name === edge.target);
          const cycle = trail.slice(start);
          const key = cycle.map((step) => step.name).sort().join(' ');
          if (!reported.has(key)) {
            reported.add(key);
            const chain = [...cycle.map((step) => step.name), edge.target].join(' → ');
            this.fail(cycle[0]!.path, 'dependency-cycle', `Vòng phụ thuộc giữa các điều kiện: ${chain}`, `The conditions depend on each other in a circle: ${chain}`);
          }
        } else if (!state.has(edge.target)) {
          visit(edge.target);
        }
        trail.pop();
      }
      state.set(name, 'done');
    };
    for (const name of edges.keys()) if (!state.has(name)) visit(name);
  }
  private referenceProblem(name: string, row: string | undefined, other: boolean): { vi: string; en: string } | undefined {
    if (RESPONSE_VARIABLES.includes(name) && row === undefined && !other) return undefined;
    const located = this.questionsByName.get(name);
    if (!located) return message('không có câu hỏi nào tên này', 'no question has this name');
    const { question } = located;
    if (question.type === 'info') return message('câu hỏi này không có câu trả lời', 'this question takes no answer');
    if (row !== undefined) {
      if (question.type !== 'likert') return message('chỉ câu hỏi dạng lưới (likert) mới có hàng', 'only likert grids have rows');
      if (!(question as { rows: { value: string }[] }).rows.some((r) => r.value === row)) {
        return message(`lưới không có hàng ${quote(row)}`, `the grid has no row ${quote(row)}`);
      }
    }
    if (other && !hasOtherOption(question)) return message('câu hỏi này không có lựa chọn "khác"', 'this question has no "other" option');
    return undefined;
  }}

/**
 * Checks the expressions of a questionnaire whose shape is valid. `cycles: false` skips the cycle
 * check (when names repeat, references are ambiguous).
 */
export function checkLogic(questionnaire: Questionnaire, options: { cycles?: boolean } = {}): ValidationError[] {
  const checker = new LogicChecker(questionnaire);
  checker.checkExpressions();
  if (options.cycles !== false) {
    try {
      checker.checkDependencyCycles();
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      checker.errors.push({ path: '', code: 'logic-too-deep', message: message('Chuỗi điều kiện phụ thuộc nhau quá dài để kiểm tra', 'The chain of dependent conditions is too long to check') });
    }
  }
  return checker.errors;
}
