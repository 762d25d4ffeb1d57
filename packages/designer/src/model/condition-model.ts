/**
 * The visual form of a condition: rules (`{question} operator value`) joined by `and` or `or`,
 * with nested groups. The expression text stays the stored truth; this model is read from it when
 * the expression fits and written back as text, so the builder and the raw text box can edit the
 * same condition.
 */
import { parseExpression, type ExpressionNode } from '@sipas/schema';
import { ELEMENT_NAME } from './values.js';

/** Operators a rule can use; `<>` is "not equal" (the parser's `!=`). */
export const CONDITION_OPERATORS = ['=', '<>', '<', '<=', '>', '>=', 'contains', 'notcontains', 'anyof', 'allof', 'empty', 'notempty'] as const;

export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** Operators written after the reference alone, with no value. */
export const VALUELESS_OPERATORS: readonly ConditionOperator[] = ['empty', 'notempty'];

/** Operators whose value is naturally a list (`{q} anyof ['a', 'b']`). */
export const LIST_OPERATORS: readonly ConditionOperator[] = ['anyof', 'allof'];

export type ScalarValue = string | number | boolean;
export type RuleValue = ScalarValue | (string | number)[];

export interface ConditionRule {
  /** The question (or response variable) referred to. */
  question: string;
  /** The likert row, for `{question.row}`. */
  row?: string;
  operator: ConditionOperator;
  /** Absent for `empty` and `notempty`. */
  value?: RuleValue;
}

export interface ConditionGroup {
  join: 'and' | 'or';
  items: ConditionItem[];
}

export type ConditionItem = ConditionRule | ConditionGroup;

/** The whole condition is its outermost group. */
export type ConditionModel = ConditionGroup;

export const isGroup = (item: ConditionItem): item is ConditionGroup => 'items' in item;


export const emptyCondition = (): ConditionModel => ({ join: 'and', items: [] });

// ——— text → model ———

const OPERATOR_OF_NODE: Readonly<Record<string, ConditionOperator>> = {
  '=': '=',
  '!=': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  contains: 'contains',
  notcontains: 'notcontains',
  anyof: 'anyof',
  allof: 'allof',
};

function valueOf(node: ExpressionNode): RuleValue | undefined {
  if (node.kind === 'literal') return node.value === null || (typeof node.value === 'number' && !Number.isFinite(node.value)) ? undefined : node.value;
  if (node.kind !== 'array') return undefined;
  const items: (string | number)[] = [];
  for (const item of node.items) {
    if (item.kind !== 'literal' || (typeof item.value !== 'string' && typeof item.value !== 'number')) return undefined;
    items.push(item.value);
  }
  return items;
}

function ruleOf(node: ExpressionNode): ConditionRule | undefined {
  if (node.kind === 'unary' && (node.operator === 'empty' || node.operator === 'notempty')) {
    const target = node.operand;
    if (target.kind !== 'variable' || target.other) return undefined;
    return target.row === undefined ? { question: target.name, operator: node.operator } : { question: target.name, row: target.row, operator: node.operator };
  }
  if (node.kind !== 'binary' || !Object.hasOwn(OPERATOR_OF_NODE, node.operator)) return undefined;
  const { left, right } = node;
  if (left.kind !== 'variable' || left.other) return undefined;
  const value = valueOf(right);
  if (value === undefined) return undefined;
  const rule: ConditionRule = { question: left.name, operator: OPERATOR_OF_NODE[node.operator]!, value };
  if (left.row !== undefined) rule.row = left.row;
  return rule;
}

/** The operands of a run of the same logical operator (`a and b and c`), in order. */
function chain(node: ExpressionNode, join: 'and' | 'or'): ExpressionNode[] {
  return node.kind === 'binary' && node.operator === join ? [...chain(node.left, join), ...chain(node.right, join)] : [node];
}

function itemOf(node: ExpressionNode): ConditionItem | undefined {
  if (node.kind === 'binary' && (node.operator === 'and' || node.operator === 'or')) return groupOf(node, node.operator);
  return ruleOf(node);
}

function groupOf(node: ExpressionNode, join: 'and' | 'or'): ConditionGroup | undefined {
  const items: ConditionItem[] = [];
  for (const operand of chain(node, join)) {
    const item = itemOf(operand);
    if (!item) return undefined;
    items.push(item);
  }
  return { join, items };
}

/**
 * The condition as rules and groups, or undefined when the expression does not parse or uses
 * anything a rule cannot show (arithmetic, functions, `not`, two references compared, null…).
 * A blank or missing expression is the empty condition.
 */
export function toConditionModel(expression: string | undefined): ConditionModel | undefined {
  if (expression === undefined || expression.trim() === '') return emptyCondition();
  const parsed = parseExpression(expression);
  if (!parsed.ok) return undefined;
  const item = itemOf(parsed.ast);
  if (!item) return undefined;
  return isGroup(item) ? item : { join: 'and', items: [item] };
}

// ——— model → text ———

/**
 * A string literal the tokenizer reads back exactly. A backslash escapes only a quote, so every
 * quote gets one; a backslash that ends the text would escape the closing quote and cannot be
 * written (see `canWriteText`).
 */
export function quoteText(text: string): string {
  return `'${text.replace(/['"]/g, (quote) => `\\${quote}`)}'`;
}

/** Whether a text value can be written as a string literal (it must not end with a backslash). */
export const canWriteText = (text: string): boolean => !text.endsWith('\\');

const writeScalar = (value: string | number | boolean): string =>
  typeof value === 'string' ? quoteText(value) : String(value);

export function writeValue(value: RuleValue): string {
  return Array.isArray(value) ? `[${value.map(writeScalar).join(', ')}]` : writeScalar(value);
}

const validNumber = (value: unknown) => typeof value !== 'number' || Number.isFinite(value);

/** Whether a rule says enough to be written: a valid name, and a writable value unless the operator takes none. */
export function isCompleteRule(rule: ConditionRule): boolean {
  if (!ELEMENT_NAME.test(rule.question) || (rule.row !== undefined && !ELEMENT_NAME.test(rule.row))) return false;
  if (VALUELESS_OPERATORS.includes(rule.operator)) return true;
  const { value } = rule;
  if (value === undefined) return false;
  const scalars = Array.isArray(value) ? value : [value];
  return scalars.every((scalar) => validNumber(scalar) && (typeof scalar !== 'string' || canWriteText(scalar)));
}

export function writeRule(rule: ConditionRule): string {
  const reference = rule.row === undefined ? `{${rule.question}}` : `{${rule.question}.${rule.row}}`;
  return VALUELESS_OPERATORS.includes(rule.operator) ? `${reference} ${rule.operator}` : `${reference} ${rule.operator} ${writeValue(rule.value!)}`;
}

function writeGroup(group: ConditionGroup, nested: boolean): string | undefined {
  const parts = group.items.flatMap((item) => {
    if (!isGroup(item)) return isCompleteRule(item) ? [writeRule(item)] : [];
    const text = writeGroup(item, true);
    return text === undefined ? [] : [text];
  });
  if (parts.length === 0) return undefined;
  const text = parts.join(` ${group.join} `);
  return nested && parts.length > 1 ? `(${text})` : text;
}

/**
 * The expression text of a condition: rules joined by their group's word, nested groups in
 * brackets, strings quoted, numbers as numbers, lists as `['a', 'b']`. Rules that are not complete
 * yet and empty groups are left out; undefined when nothing is left.
 */
export function fromConditionModel(model: ConditionModel): string | undefined {
  return writeGroup(model, false);
}

/**
 * The model as it reads back from its own text: incomplete rules and empty groups dropped, a
 * group of one item replaced by that item, a group inside a group with the same word merged into
 * it (brackets do not survive in the syntax tree, and `a and (b and c)` means `a and b and c`).
 */
export function normalizeCondition(model: ConditionModel): ConditionModel {
  const normalizeItem = (item: ConditionItem): ConditionItem[] => {
    if (!isGroup(item)) return isCompleteRule(item) ? [item] : [];
    const group = normalizeGroup(item);
    if (group.items.length === 0) return [];
    return group.items.length === 1 ? group.items : [group];
  };
  const normalizeGroup = (group: ConditionGroup): ConditionGroup => ({
    join: group.join,
    items: group.items.flatMap(normalizeItem).flatMap((item) => (isGroup(item) && item.join === group.join ? item.items : [item])),
  });
  const top = normalizeGroup(model);
  if (top.items.length === 0) return emptyCondition();
  if (top.items.length === 1) {
    const only = top.items[0]!;
    return isGroup(only) ? only : { join: 'and', items: [only] };
  }
  return top;
}
