/**
 * Expressions both ways. Our language is grouped the way SurveyJS's grammar groups what both
 * accept (decision 0012), but a few spellings exist only in ours: the word `not`, `-` before
 * something other than a number, `+` prefix, numbers such as `.5`, `1.` or `1e3`, `empty` after a
 * parenthesised expression, upper-case function names, spaces inside `{ }`; and `{name-other}` is
 * `{name-Comment}` in SurveyJS. So an expression goes out as a fresh print of its syntax tree in
 * the spelling SurveyJS reads, and comes back by renaming references and parsing with our parser.
 */
import { message, parseExpression, type BinaryOperator, type ExpressionNode, type LocalizedMessage } from '@sipas/schema';

/** SurveyJS stores the text of an "other" option under `<name>-Comment` (`settings.commentSuffix`). */
export const SURVEYJS_COMMENT_SUFFIX = '-Comment';
const OTHER_SUFFIX = '-other';

class NotConvertible extends Error {
  readonly reason: LocalizedMessage;

  constructor(reason: LocalizedMessage) {
    super(reason.en);
    this.reason = reason;
  }
}

type LiteralNode = Extract<ExpressionNode, { kind: 'literal' }>;

const literal = (value: LiteralNode['value']): LiteralNode => ({ kind: 'literal', value, start: 0, end: 0 });

/** survey-core 3.1 reads a list (array or arguments) whose first item is `null` as an empty list. */
function refuseLeadingNull(items: ExpressionNode[]): void {
  const first = items[0];
  if (first?.kind === 'literal' && first.value === null) {
    throw new NotConvertible(
      message('SurveyJS đọc một danh sách bắt đầu bằng null thành danh sách rỗng', 'SurveyJS reads a list that starts with null as an empty list'),
    );
  }
}

/** Rewrites a tree into the shapes SurveyJS's grammar has; throws NotConvertible when there is none. */
function toSurveyShape(node: ExpressionNode): ExpressionNode {
  switch (node.kind) {
    case 'literal':
      if (typeof node.value === 'number' && !Number.isFinite(node.value)) {
        throw new NotConvertible(message('Số quá lớn', 'A number is too large'));
      }
      if (typeof node.value === 'string' && node.value.endsWith('\\')) {
        throw new NotConvertible(message('SurveyJS không viết được chuỗi kết thúc bằng "\\"', 'SurveyJS cannot write a text ending in "\\"'));
      }
      return node;
    case 'variable':
      return node;
    case 'array':
      refuseLeadingNull(node.items);
      return { ...node, items: node.items.map(toSurveyShape) };
    case 'call':
      refuseLeadingNull(node.args);
      return { ...node, args: node.args.map(toSurveyShape) };
    case 'binary':
      return { ...node, left: toSurveyShape(node.left), right: toSurveyShape(node.right) };
    case 'unary': {
      const operand = toSurveyShape(node.operand);
      if (node.operator === 'negate') {
        // SurveyJS has a minus sign only on numbers; elsewhere `-x` becomes `0 - x`.
        if (operand.kind === 'literal' && typeof operand.value === 'number') return literal(-operand.value);
        return { kind: 'binary', operator: '-', left: literal(0), right: operand, start: node.start, end: node.end };
      }
      if ((node.operator === 'empty' || node.operator === 'notempty') && operand.kind !== 'variable' && !(operand.kind === 'literal')) {
        throw new NotConvertible(
          message(
            `SurveyJS chỉ cho phép "${node.operator}" sau một tham chiếu hoặc một giá trị`,
            `SurveyJS allows "${node.operator}" only after a reference or a value`,
          ),
        );
      }
      return { ...node, operand };
    }
  }
}

const BINARY_LEVEL: Readonly<Record<BinaryOperator, number>> = {
  or: 1,
  and: 2,
  '=': 4,
  '!=': 4,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
  contains: 7,
  notcontains: 7,
  anyof: 7,
  allof: 7,
};
/** Comparisons and membership operators take at most one per operand. */
const NON_ASSOCIATIVE_LEVELS = new Set([4, 7]);
const PREFIX_LEVEL = 8;
const POSTFIX_LEVEL = 9;
const OPERAND_LEVEL = 10;

function level(node: ExpressionNode): number {
  if (node.kind === 'binary') return BINARY_LEVEL[node.operator];
  if (node.kind === 'unary') return node.operator === 'empty' || node.operator === 'notempty' ? POSTFIX_LEVEL : PREFIX_LEVEL;
  if (node.kind === 'literal' && typeof node.value === 'number' && (node.value < 0 || Object.is(node.value, -0))) return PREFIX_LEVEL;
  return OPERAND_LEVEL;
}

/** A number without exponent (SurveyJS reads digits, one optional fraction, no exponent). */
export function plainDecimal(value: number): string {
  const text = String(Math.abs(value));
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const match = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return sign + text;
  const digits = match[1]! + (match[2] ?? '');
  const point = match[1]!.length + Number(match[3]);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A quoted text as both grammars read it: a backslash escapes only a quote. */
const quoteText = (value: string): string => `'${value.replace(/['"]/g, (quote) => `\\${quote}`)}'`;

interface PrintStyle {
  otherSuffix: string;
  /** Parenthesise every compound operand, for grammars that might group differently. */
  full: boolean;
}

function print(node: ExpressionNode, minimumLevel: number, style: PrintStyle): string {
  const text = printBare(node, style);
  const compound = node.kind === 'binary' || (node.kind === 'unary' && node.operator === 'not');
  return level(node) < minimumLevel || (style.full && compound && minimumLevel > 0) ? `(${text})` : text;
}

function printBare(node: ExpressionNode, style: PrintStyle): string {
  switch (node.kind) {
    case 'literal':
      if (typeof node.value === 'number') return plainDecimal(node.value);
      if (typeof node.value === 'string') return quoteText(node.value);
      return String(node.value);
    case 'variable':
      return `{${node.name}${node.row !== undefined ? `.${node.row}` : node.other ? style.otherSuffix : ''}}`;
    case 'array':
      return `[${node.items.map((item) => print(item, 0, style)).join(', ')}]`;
    case 'call':
      return `${node.name.toLowerCase()}(${node.args.map((arg) => print(arg, 0, style)).join(', ')})`;
    case 'unary':
      if (node.operator === 'not') return `!${print(node.operand, PREFIX_LEVEL, style)}`;
      if (node.operator === 'negate') return `-${print(node.operand, PREFIX_LEVEL, style)}`;
      // The operand is a reference or a value (toSurveyShape); `-1 empty` is `(-1) empty` in both grammars.
      return `${printBare(node.operand, style)} ${node.operator}`;
    case 'binary': {
      const own = BINARY_LEVEL[node.operator];
      const leftLevel = NON_ASSOCIATIVE_LEVELS.has(own) ? own + 1 : own;
      return `${print(node.left, leftLevel, style)} ${node.operator} ${print(node.right, own + 1, style)}`;
    }
  }
}

/** Same tree, ignoring positions and how references were spelled. */
function sameTree(a: ExpressionNode, b: ExpressionNode): boolean {
  switch (a.kind) {
    case 'literal':
      return b.kind === 'literal' && Object.is(a.value, b.value);
    case 'variable':
      return b.kind === 'variable' && a.name === b.name && a.row === b.row && !!a.other === !!b.other;
    case 'array':
      return b.kind === 'array' && a.items.length === b.items.length && a.items.every((item, i) => sameTree(item, b.items[i]!));
    case 'call':
      return b.kind === 'call' && a.name === b.name && a.args.length === b.args.length && a.args.every((arg, i) => sameTree(arg, b.args[i]!));
    case 'unary':
      return b.kind === 'unary' && a.operator === b.operator && sameTree(a.operand, b.operand);
    case 'binary':
      return b.kind === 'binary' && a.operator === b.operator && sameTree(a.left, b.left) && sameTree(a.right, b.right);
  }
}

export type ExpressionConversion = { ok: true; expression: string } | { ok: false; reason: LocalizedMessage };

/** Our expression in SurveyJS's spelling, or why there is none. */
export function expressionToSurveyJS(source: string): ExpressionConversion {
  const parsed = parseExpression(source);
  if (!parsed.ok) return { ok: false, reason: parsed.error.message };
  let shaped: ExpressionNode;
  try {
    shaped = toSurveyShape(parsed.ast);
  } catch (error) {
    if (error instanceof NotConvertible) return { ok: false, reason: error.reason };
    throw error;
  }
  // Print with as few parentheses as the grammar needs, and prove it by parsing the print back.
  for (const full of [false, true]) {
    const reparsed = parseExpression(print(shaped, 0, { otherSuffix: OTHER_SUFFIX, full }));
    if (reparsed.ok && sameTree(reparsed.ast, shaped)) {
      return { ok: true, expression: print(shaped, 0, { otherSuffix: SURVEYJS_COMMENT_SUFFIX, full }) };
    }
  }
  return { ok: false, reason: message('Không viết lại được theo cú pháp SurveyJS', 'It cannot be written in SurveyJS syntax') };
}

/**
 * Rewrites every `{reference}` outside quoted texts through `rewrite` (which gets the text between
 * the braces, trimmed, and returns the new one or undefined to keep it).
 */
export function rewriteReferences(source: string, rewrite: (reference: string) => string | undefined): string {
  let result = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === '\\' && (source[j + 1] === "'" || source[j + 1] === '"') ? 2 : 1;
      result += source.slice(i, j + 1);
      i = j + 1;
    } else if (c === '{') {
      const close = source.indexOf('}', i + 1);
      if (close < 0) return result + source.slice(i);
      const inner = source.slice(i + 1, close);
      result += `{${rewrite(inner.trim()) ?? inner}}`;
      i = close + 1;
    } else {
      result += c;
      i++;
    }
  }
  return result;
}

/** `{x-Comment}` → `{x-other}`: how our own export reads back when no name changed. */
export const commentToOther = (reference: string): string | undefined =>
  reference.endsWith(SURVEYJS_COMMENT_SUFFIX) ? reference.slice(0, -SURVEYJS_COMMENT_SUFFIX.length) + OTHER_SUFFIX : undefined;

/**
 * What to write for one of our expressions: the SurveyJS form (absent when there is none) and the
 * original to keep beside it when the SurveyJS form would not read back to exactly the same text.
 */
export function exportExpression(source: string): { native?: string; residue?: string; failure?: LocalizedMessage } {
  const converted = expressionToSurveyJS(source);
  if (!converted.ok) return { residue: source, failure: converted.reason };
  const readBack = rewriteReferences(converted.expression, commentToOther);
  return readBack === source ? { native: converted.expression } : { native: converted.expression, residue: source };
}

export type ExpressionReading = { ok: true; expression: string | undefined } | { ok: false; reason: LocalizedMessage; text: string };

/**
 * Reads an expression of a SurveyJS element back into ours. A residue (our original) wins while
 * the SurveyJS form is still exactly what we wrote for it; otherwise the SurveyJS text is read,
 * with references renamed by `rewrite`, and must parse in our language.
 */
export function readExpression(
  native: string | undefined,
  residue: string | undefined,
  rewrite: (reference: string) => string | undefined,
): ExpressionReading {
  if (residue !== undefined && exportExpression(residue).native === native) return { ok: true, expression: residue };
  if (native === undefined || native.trim() === '') return { ok: true, expression: undefined };
  const rewritten = rewriteReferences(native, rewrite);
  const parsed = parseExpression(rewritten);
  if (!parsed.ok) return { ok: false, reason: parsed.error.message, text: native };
  return { ok: true, expression: rewritten };
}
