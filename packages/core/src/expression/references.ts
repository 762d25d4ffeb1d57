/**
 * What `{name}`, `{name.row}` and `{name-other}` read from the values, and how survey-core reads
 * an answer found there: text that spells a boolean or a number becomes one.
 */
import type { VariableNode } from '@sipas/schema';
import { isNumeric, readNumber } from './numbers.js';

/** Answers keyed by question name, plus `name-other` keys and the response variables. */
export type ExpressionValues = Record<string, unknown>;

const isQuote = (character: string | undefined): boolean => character === "'" || character === '"';

/**
 * An answer as an expression sees it (survey-core's Const.getCorrectValue): 'true'/'FALSE' (any
 * case) become booleans; text wrapped in quotes loses them ("'x'" is x); numeric text becomes a
 * number (" 5 " is 5, "1,5" is 1.5, "0x1F" is 31) unless it starts with a 0 that is not followed by
 * a decimal point ("01" and "007" stay text, "0.5" and "0" are numbers). Anything else is unchanged.
 */
export function readAnswerValue(value: unknown): unknown {
  if (typeof value !== 'string' || value === '') return value;
  const lower = value.toLowerCase();
  if (lower === 'true' || lower === 'false') return lower === 'true';
  if (value.length > 1 && isQuote(value[0]) && isQuote(value[value.length - 1])) return value.slice(1, -1);
  if (!isNumeric(value)) return value;
  const keepsLeadingZero = value.length > 1 && value[0] === '0' && !value.startsWith('0x') && value[1] !== '.' && value[1] !== ',';
  return keepsLeadingZero ? value : readNumber(value);
}

/** An own property only: `{constructor}` or a row named `toString` must not reach Object.prototype. */
function ownValue(container: object, key: string): unknown {
  return Object.hasOwn(container, key) ? (container as Record<string, unknown>)[key] : undefined;
}

/**
 * The value of a reference. A missing answer (absent or undefined) is null. `{name.row}` reads the
 * row of an object answer and is null when the answer is not an object; `{name.length}`, as in
 * survey-core, is the length of an array or text answer and 0 when there is none.
 */
export function resolveReference(reference: VariableNode, values: ExpressionValues): unknown {
  const row = reference.row;
  // `path` is `name` or `name-other`: the answer key itself.
  const answer = ownValue(values, row === undefined ? reference.path : reference.name);
  if (row === undefined) return answer === undefined ? null : readAnswerValue(answer);
  if (row === 'length') {
    if (Array.isArray(answer) || typeof answer === 'string') return answer.length;
    const length = answer !== null && typeof answer === 'object' ? ownValue(answer, row) : undefined;
    return length === undefined ? 0 : readAnswerValue(length);
  }
  if (answer === null || typeof answer !== 'object') return null;
  const value = ownValue(answer, row);
  return value === undefined ? null : readAnswerValue(value);
}
