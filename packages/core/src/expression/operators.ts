/**
 * What each operator computes, as survey-core's OperandMaker does. Operands arrive evaluated;
 * references have already been read (numeric text is a number by now, string literals are not).
 */
import type { BinaryOperator } from '@sipas/schema';
import { alignDateOperands, type Clock } from './dates.js';
import { isEmptyValue } from './emptiness.js';
import { operandsEqual } from './equality.js';
import {
  addLikeJavaScript,
  arithmeticLikeJavaScript,
  greaterLikeJavaScript,
  lessLikeJavaScript,
  looselyEqual,
  numberLikeJavaScript,
  stringLikeJavaScript,
} from './javascript-coercion.js';
import { isNumeric, roundAfterAddition, roundAfterMultiplication } from './numbers.js';

/**
 * An empty operand of `and`, `or` or arithmetic takes the shape of the other side: 0 next to a
 * number, '' next to text, [] next to an array, 0 otherwise (and empty text stays ''). So a
 * missing answer counts as 0 in `{a} + 1` and as '' in `{a} + 'x'`.
 */
function fillEmptyOperand(value: unknown, other: unknown): unknown {
  if (!isEmptyValue(value)) return value;
  if (typeof other === 'number') return 0;
  if (typeof value === 'string') return value;
  if (typeof other === 'string') return '';
  if (Array.isArray(other)) return [];
  return 0;
}

/**
 * `+` (survey-core's Helpers.sumAnyValues): two numbers add (rounded, see numbers.ts); numeric
 * text added to anything stays JavaScript's `+` (so '1' + 2 is '12'); two arrays concatenate; an
 * array and text join as "a, b" + text; an array and a number add the array's numbers to it.
 */
function plus(a: unknown, b: unknown): unknown {
  if (isNumeric(a) && isNumeric(b)) {
    if (typeof a === 'string' || typeof b === 'string') return addLikeJavaScript(a, b);
    return roundAfterAddition(a, b, addLikeJavaScript(a, b));
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.concat(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    const array = (Array.isArray(a) ? a : b) as unknown[];
    const other = array === a ? b : a;
    if (typeof other === 'string') {
      const joined = array.map(stringOrEmpty).join(', ');
      return array === a ? joined + other : other + joined;
    }
    if (typeof other === 'number') {
      let total: unknown = 0;
      for (const item of array) {
        if (typeof item === 'number') total = roundAfterAddition(total, item, addLikeJavaScript(total, item));
      }
      return roundAfterAddition(total, other, addLikeJavaScript(total, other));
    }
  }
  return addLikeJavaScript(a, b);
}

/** Array.prototype.join writes null and undefined as ''. */
const stringOrEmpty = (item: unknown): string => (item === null || item === undefined ? '' : stringLikeJavaScript(item));

/** `and`, `or` and arithmetic: both operands filled (see fillEmptyOperand), then combined. */
export function arithmetic(operator: 'and' | 'or' | '+' | '-' | '*' | '/' | '%', left: unknown, right: unknown): unknown {
  const a = fillEmptyOperand(left, right);
  const b = fillEmptyOperand(right, a);
  switch (operator) {
    case 'and':
      return a && b;
    case 'or':
      return a || b;
    case '+':
      return plus(a, b);
    case '-':
      return roundAfterAddition(a, b, arithmeticLikeJavaScript('-', a, b));
    case '*':
      return roundAfterMultiplication(a, b, arithmeticLikeJavaScript('*', a, b));
    case '/':
    case '%':
      // Division by zero (or by anything falsy: '', false, NaN) is null, not Infinity.
      return b ? arithmeticLikeJavaScript(operator, a, b) : null;
  }
}

const involvesDate = (left: unknown, right: unknown): boolean => left instanceof Date || right instanceof Date;

/**
 * `>` and `<`: false when either side is null or missing; otherwise JavaScript's comparison. When
 * a side is a date, both are first aligned as survey-core aligns them (dates.ts); only then is the
 * clock read.
 */
function greater(left: unknown, right: unknown, clock: Clock): boolean {
  if (left === null || left === undefined || right === null || right === undefined) return false;
  if (involvesDate(left, right)) [left, right] = alignDateOperands(left, right, clock.now());
  return greaterLikeJavaScript(left, right);
}

function less(left: unknown, right: unknown, clock: Clock): boolean {
  if (left === null || left === undefined || right === null || right === undefined) return false;
  if (involvesDate(left, right)) [left, right] = alignDateOperands(left, right, clock.now());
  return lessLikeJavaScript(left, right);
}

function equal(left: unknown, right: unknown, clock: Clock): boolean {
  if (involvesDate(left, right)) [left, right] = alignDateOperands(left, right, clock.now());
  return operandsEqual(left, right);
}

/**
 * `contains` / `notcontains` against one container (survey-core's containsCore). An empty array
 * contains nothing; an empty container gives false for both operators; a number or boolean is read
 * as its text. Text contains text case-insensitively (an empty needle gives false for both);
 * an array contains a value (or every value of an array) by equality.
 */
function containsCore(left: unknown, right: unknown, wantContains: boolean): boolean {
  if (Array.isArray(left) && left.length === 0) return !wantContains;
  if (!left && left !== 0 && left !== false) return false;
  // Anything without a truthy length (a number, a boolean, a date, an object) is searched as its text.
  const container = (left as { length?: unknown }).length ? left : stringLikeJavaScript(left);
  if (typeof container === 'string') {
    if (!right) return false;
    const found = container.toLowerCase().indexOf(stringLikeJavaScript(right).toLowerCase()) > -1;
    return wantContains ? found : !found;
  }
  const needles = Array.isArray(right) ? right : [right];
  for (const needle of needles) {
    const found = Array.isArray(container)
      ? container.some((item) => operandsEqual(item, needle))
      : walkArrayLike(container as Record<string, unknown>, needle);
    if (!found) return !wantContains;
  }
  return wantContains;
}

/**
 * survey-core looks for a needle in any container with a truthy `length` by walking indices
 * 0 … length-1 (`for (i = 0; i < length; i++)`) and calls it missing when the walk ends with
 * `i == length`. An object answer only gets here through a row named `length`; it has no index
 * keys, so the walk meets undefined at every index. This computes the walk's outcome without
 * walking (a length of 1e21 would otherwise never finish), including its quirks: a length of
 * 2.5 or 'b' ends with i != length, which survey-core reads as found.
 */
function walkArrayLike(container: Record<string, unknown>, needle: unknown): boolean {
  const length = container['length'];
  const end = numberLikeJavaScript(length);
  if (!(end > 0)) return !looselyEqual(0, length);
  if (!Number.isFinite(end)) return false;
  const indicesWalked = Math.ceil(end);
  let ownIndices = 0;
  for (const key of Object.keys(container)) {
    const index = Number(key);
    if (!Number.isInteger(index) || index < 0 || index >= end || String(index) !== key) continue;
    ownIndices++;
    if (operandsEqual(container[key], needle)) return true;
  }
  if (ownIndices < indicesWalked && operandsEqual(undefined, needle)) return true;
  return !looselyEqual(indicesWalked, length);
}

const contains = (left: unknown, right: unknown): boolean => containsCore(left, right, true);

function notContains(left: unknown, right: unknown): boolean {
  if (!left && !isEmptyValue(right)) return true;
  return containsCore(left, right, false);
}

/** Non-array text or object `length` of 0 ("has nothing to offer"). */
const hasZeroLength = (value: unknown): boolean =>
  !Array.isArray(value) && value !== null && value !== undefined && (value as { length?: unknown }).length === 0;

/**
 * `anyof`: both empty is true; an empty left is false; an empty right is true; a scalar on either
 * side is looked up in the other; otherwise true when the left array contains any right item.
 */
function anyOf(left: unknown, right: unknown): boolean {
  if (isEmptyValue(left) && isEmptyValue(right)) return true;
  if (isEmptyValue(left) || hasZeroLength(left)) return false;
  if (isEmptyValue(right)) return true;
  if (!Array.isArray(left)) return contains(right, left);
  if (!Array.isArray(right)) return contains(left, right);
  return right.some((item) => contains(left, item));
}

/** `allof`: a falsy left with a non-empty right is false; a scalar right is looked up; otherwise every right item must be contained. */
function allOf(left: unknown, right: unknown): boolean {
  if (!left && !isEmptyValue(right)) return false;
  if (!Array.isArray(right)) return contains(left, right);
  return right.every((item) => contains(left, item));
}

/** Every binary operator; the clock is for comparisons that involve dates. */
export function applyBinary(operator: BinaryOperator, left: unknown, right: unknown, clock: Clock): unknown {
  switch (operator) {
    case 'and':
    case 'or':
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
      return arithmetic(operator, left, right);
    case '=':
      return equal(left, right, clock);
    case '!=':
      return !equal(left, right, clock);
    case '<':
      return less(left, right, clock);
    case '>':
      return greater(left, right, clock);
    case '<=':
      return equal(left, right, clock) || less(left, right, clock);
    case '>=':
      return equal(left, right, clock) || greater(left, right, clock);
    case 'contains':
      return contains(left, right);
    case 'notcontains':
      return notContains(left, right);
    case 'anyof':
      return anyOf(left, right);
    case 'allof':
      return allOf(left, right);
  }
}
