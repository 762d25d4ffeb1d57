/**
 * The conditions of a questionnaire compiled once, and the index from each value to the conditions
 * that read it, so that setting one answer re-evaluates only what depends on it.
 */
import { asBuiltIn, listQuestions, type Questionnaire } from '@sipas/schema';
import { compileExpression, type CompiledExpression } from '../expression/evaluate.js';

export type ConditionKind = 'visible' | 'enabled' | 'required' | 'choiceVisible' | 'rowVisible';

export interface Condition {
  kind: ConditionKind;
  /** The page, section or question the condition belongs to. */
  element: string;
  /** The choice value or likert row value, for choice and row conditions. */
  item?: string | number;
  expression: CompiledExpression;
}

/** The key a reference reads in the evaluation scope: `{q.row}` reads q, `{q-other}` reads q-other. */
export const scopeKey = (reference: { name: string; other?: boolean }): string => (reference.other ? `${reference.name}-other` : reference.name);

export interface ConditionIndex {
  all: Condition[];
  /** Conditions by the scope key they read. */
  byKey: Map<string, Condition[]>;
}

/** Compiles every visibleIf, enableIf and requiredIf of a (valid) questionnaire. */
export function compileConditions(questionnaire: Questionnaire): ConditionIndex {
  const all: Condition[] = [];
  const add = (kind: ConditionKind, element: string, source: string | undefined, item?: string | number) => {
    if (source === undefined) return;
    const condition: Condition = { kind, element, expression: compileExpression(source) };
    if (item !== undefined) condition.item = item;
    all.push(condition);
  };
  for (const page of questionnaire.pages) {
    add('visible', page.name, page.visibleIf);
    for (const section of page.sections) add('visible', section.name, section.visibleIf);
  }
  for (const { question } of listQuestions(questionnaire)) {
    add('visible', question.name, question.visibleIf);
    if (question.type === 'info') continue;
    const answerable = question as { enableIf?: string; requiredIf?: string };
    add('enabled', question.name, answerable.enableIf);
    add('required', question.name, answerable.requiredIf);
    const builtIn = asBuiltIn(question);
    if (builtIn && 'choices' in builtIn) builtIn.choices?.forEach((choice) => add('choiceVisible', question.name, choice.visibleIf, choice.value));
    if (builtIn?.type === 'likert') builtIn.rows.forEach((row) => add('rowVisible', question.name, row.visibleIf, row.value));
  }
  const byKey = new Map<string, Condition[]>();
  for (const condition of all) {
    const keys = new Set(condition.expression.references.map(scopeKey));
    for (const key of keys) {
      const list = byKey.get(key);
      if (list) list.push(condition);
      else byKey.set(key, [condition]);
    }
  }
  return { all, byKey };
}
