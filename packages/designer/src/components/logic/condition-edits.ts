/**
 * Copy-on-write edits of a condition model at a path of item indexes ([] is the outer group,
 * [1, 0] the first item of the second item), for the builder's buttons and selects.
 */
import { isGroup, LIST_OPERATORS, VALUELESS_OPERATORS, type ConditionGroup, type ConditionItem, type ConditionOperator, type ConditionRule, type RuleValue } from '../../model/condition-model.js';

export type ItemPath = readonly number[];

/** The item at a path, or undefined. */
export function itemAt(group: ConditionGroup, path: ItemPath): ConditionItem | undefined {
  let current: ConditionItem = group;
  for (const index of path) {
    if (!isGroup(current)) return undefined;
    const next: ConditionItem | undefined = current.items[index];
    if (!next) return undefined;
    current = next;
  }
  return current;
}

/** The model with the item at `path` replaced by `update(item)`; `undefined` removes it. */
export function updateItem(group: ConditionGroup, path: ItemPath, update: (item: ConditionItem) => ConditionItem | undefined): ConditionGroup {
  if (path.length === 0) return (update(group) as ConditionGroup | undefined) ?? { join: group.join, items: [] };
  const [index, ...rest] = path as [number, ...number[]];
  const child = group.items[index];
  if (!child) return group;
  const items = [...group.items];
  if (rest.length === 0) {
    const next = update(child);
    if (next === undefined) items.splice(index, 1);
    else items[index] = next;
  } else if (isGroup(child)) {
    items[index] = updateItem(child, rest, update);
  }
  return { ...group, items };
}

export const newRule = (): ConditionRule => ({ question: '', operator: '=' });

/** The group at `path` with one more item at its end. */
export const appendItem = (group: ConditionGroup, path: ItemPath, item: ConditionItem): ConditionGroup =>
  updateItem(group, path, (target) => (isGroup(target) ? { ...target, items: [...target.items, item] } : target));

/** A rule with another question: its row and value belonged to the old one. */
export const withQuestion = (rule: ConditionRule, question: string): ConditionRule => ({ question, operator: rule.operator });

/** A rule with another operator; its value becomes a list, a single value or nothing to fit. */
export function withOperator(rule: ConditionRule, operator: ConditionOperator): ConditionRule {
  const next: ConditionRule = { question: rule.question, operator };
  if (rule.row !== undefined) next.row = rule.row;
  if (VALUELESS_OPERATORS.includes(operator) || rule.value === undefined) return next;
  const value: RuleValue = rule.value;
  if (LIST_OPERATORS.includes(operator)) next.value = Array.isArray(value) ? value : typeof value === 'boolean' ? [String(value)] : [value];
  else if (Array.isArray(value)) {
    if (value.length > 0) next.value = value[0]!;
  } else next.value = value;
  return next;
}

export function withRow(rule: ConditionRule, row: string | undefined): ConditionRule {
  const next: ConditionRule = { question: rule.question, operator: rule.operator };
  if (row) next.row = row;
  if (rule.value !== undefined) next.value = rule.value;
  return next;
}

export function withValue(rule: ConditionRule, value: RuleValue | undefined): ConditionRule {
  const next: ConditionRule = { question: rule.question, operator: rule.operator };
  if (rule.row !== undefined) next.row = rule.row;
  if (value !== undefined) next.value = value;
  return next;
}

/** Paths of every rule, depth first, with the rule. */
export function rulesOf(group: ConditionGroup, path: number[] = []): { path: number[]; rule: ConditionRule }[] {
  return group.items.flatMap((item, index) => (isGroup(item) ? rulesOf(item, [...path, index]) : [{ path: [...path, index], rule: item }]));
}

/** The number people read for an item: 1, 2, 2.1… */
export const itemNumber = (path: ItemPath): string => path.map((index) => index + 1).join('.');
