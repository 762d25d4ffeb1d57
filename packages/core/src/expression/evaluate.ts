/**
 * The expression evaluator of @sipas/core: walks the syntax tree from @sipas/schema's parser and
 * gives every construct the meaning survey-core gives it (docs/expressions.md#evaluation, decision
 * 0012), without eval or new Function, so it runs under a strict Content-Security-Policy.
 */
import { parseExpression, type ExpressionNode, type LocalizedMessage, type VariableNode } from '@sipas/schema';
import type { Clock } from './dates.js';
import { isEmptyValue } from './emptiness.js';
import { callFunction } from './functions.js';
import { looselyEqual } from './javascript-coercion.js';
import { applyBinary, arithmetic } from './operators.js';
import { resolveReference, type ExpressionValues } from './references.js';

export type { ExpressionValues } from './references.js';

export interface EvaluateOptions {
  /** The moment today() and age() measure from; new Date() when absent. */
  now?: Date;
}

/** What one evaluation needs besides the tree: the values, and a clock read at most once. */
class EvaluationScope implements Clock {
  readonly values: ExpressionValues;
  private readonly fixedNow: Date | undefined;
  private currentNow: Date | undefined;

  constructor(values: ExpressionValues, options: EvaluateOptions | undefined) {
    this.values = values;
    this.fixedNow = options?.now;
  }

  now(): Date {
    this.currentNow ??= this.fixedNow ?? new Date();
    return this.currentNow;
  }
}

function evaluateNode(node: ExpressionNode, scope: EvaluationScope): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'variable':
      return resolveReference(node, scope.values);
    case 'array': {
      const items = new Array<unknown>(node.items.length);
      for (let i = 0; i < node.items.length; i++) items[i] = evaluateNode(node.items[i]!, scope);
      return items;
    }
    case 'unary': {
      const operand = evaluateNode(node.operand, scope);
      switch (node.operator) {
        case 'not':
          return !operand;
        case 'empty':
          return isEmptyValue(operand);
        case 'notempty':
          return !isEmptyValue(operand);
        case 'negate':
          // Our own construct (survey-core has no unary minus): `-x` is `0 - x`.
          return arithmetic('-', 0, operand);
      }
      break;
    }
    case 'binary': {
      const left = evaluateNode(node.left, scope);
      // and/or need the right side only when the left one decides alone: a non-empty left operand
      // is used as it is (an empty one takes the right side's shape, see operators.ts).
      if (node.operator === 'and' && !left && !isEmptyValue(left)) return left;
      if (node.operator === 'or' && left && !isEmptyValue(left)) return left;
      return applyBinary(node.operator, left, evaluateNode(node.right, scope), scope);
    }
    case 'call': {
      if (node.name === 'iif') {
        // All three arguments exist (the parser checks arities); only the chosen one is evaluated.
        const chosen = evaluateNode(node.args[0]!, scope) ? node.args[1] : node.args[2];
        return chosen === undefined ? undefined : evaluateNode(chosen, scope);
      }
      const args = new Array<unknown>(node.args.length);
      for (let i = 0; i < node.args.length; i++) args[i] = evaluateNode(node.args[i]!, scope);
      return callFunction(node.name, args, scope);
    }
  }
  return undefined;
}

/** Parsed trees of the strings given to evaluate(), so a repeated string is parsed once; bounded. */
const parsedSources = new Map<string, ExpressionNode | null>();
const PARSED_SOURCES_LIMIT = 500;

function parseCached(source: string): ExpressionNode | null {
  let ast = parsedSources.get(source);
  if (ast === undefined) {
    const result = parseExpression(source);
    ast = result.ok ? result.ast : null;
    if (parsedSources.size >= PARSED_SOURCES_LIMIT) parsedSources.clear();
    parsedSources.set(source, ast);
  }
  return ast;
}

/**
 * The value of an expression over the answers. Never throws: an unparsable string gives
 * undefined, and every odd value (null, NaN, arrays, objects) has a defined result.
 */
export function evaluate(expression: string | ExpressionNode, values: ExpressionValues, options?: EvaluateOptions): unknown {
  const ast = typeof expression === 'string' ? parseCached(expression) : expression;
  if (!ast) return undefined;
  try {
    return evaluateNode(ast, new EvaluationScope(values, options));
  } catch {
    // Not reached by any input we know of (every JavaScript conversion is guarded); kept so that a
    // form never breaks on a value nobody foresaw.
    return undefined;
  }
}

/** survey-core's ConditionRunner rule: the condition holds when the value `== true` (true, 1, '1', [1]). */
export const isConditionMet = (value: unknown): boolean => looselyEqual(value, true);

/** Whether a condition (visibleIf, enableIf, requiredIf, a validation rule) holds. */
export function evaluateCondition(expression: string | ExpressionNode, values: ExpressionValues, options?: EvaluateOptions): boolean {
  return isConditionMet(evaluate(expression, values, options));
}

/** A parsed expression, to evaluate many times. */
export interface CompiledExpression {
  readonly source: string;
  /** Every `{…}` reference, in order of appearance. */
  readonly references: VariableNode[];
  evaluate(values: ExpressionValues, options?: EvaluateOptions): unknown;
  test(values: ExpressionValues, options?: EvaluateOptions): boolean;
}

/** Thrown by compileExpression for source that does not parse. */
export class ExpressionCompileError extends Error {
  readonly source: string;
  /** 0-based position of the problem in the source. */
  readonly offset: number;
  readonly localized: LocalizedMessage;

  constructor(source: string, offset: number, localized: LocalizedMessage) {
    super(`Syntax error at character ${offset + 1} of ${JSON.stringify(source)}: ${localized.en}`);
    this.name = 'ExpressionCompileError';
    this.source = source;
    this.offset = offset;
    this.localized = localized;
  }
}

class ParsedExpression implements CompiledExpression {
  readonly source: string;
  readonly references: VariableNode[];
  private readonly ast: ExpressionNode;

  constructor(source: string, ast: ExpressionNode, references: VariableNode[]) {
    this.source = source;
    this.ast = ast;
    this.references = references;
  }

  evaluate(values: ExpressionValues, options?: EvaluateOptions): unknown {
    return evaluate(this.ast, values, options);
  }

  test(values: ExpressionValues, options?: EvaluateOptions): boolean {
    return isConditionMet(evaluate(this.ast, values, options));
  }
}

/** Parses once for many evaluations; throws an ExpressionCompileError (located, in both languages) if the source does not parse. */
export function compileExpression(source: string): CompiledExpression {
  const result = parseExpression(source);
  if (!result.ok) throw new ExpressionCompileError(source, result.error.offset, result.error.message);
  return new ParsedExpression(source, result.ast, result.references);
}
