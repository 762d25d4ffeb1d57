/**
 * How survey-core reads a value as a number, and how it rounds away floating-point noise after
 * + - and *. Answers arrive as text from many inputs ("10", " 5 ", "1,5"), so these rules decide
 * what `{a} + 1` and `sum({a})` give.
 */
import { isFiniteLikeJavaScript, stringLikeJavaScript } from './javascript-coercion.js';

/** toFixed accepts at most 100 digits; survey-core would throw beyond that, we round to 100. */
const MAX_FRACTION_DIGITS = 100;

const isDigitsOnly = (text: string): boolean => /^[0-9]+$/.test(text);

/** "2*3", "10%" or "1/2" are not numbers, though parseFloat would read their first digits. */
function hasOperatorCharacter(text: string): boolean {
  if (text.lastIndexOf('-') > 0 || text.lastIndexOf('+') > 0) return false;
  return /[*^/%]/.test(text);
}

/** A single comma is a decimal comma ("1,5" is 1.5); two or more are left alone. */
function decimalCommaAsPoint(text: string): string {
  const comma = text.indexOf(',');
  return comma > -1 && text.indexOf(',', comma + 1) < 0 ? text.replace(',', '.') : text;
}

/**
 * The number a value reads as, or NaN (survey-core's Helpers.getNumber). Text is trimmed; "0x1F"
 * is hexadecimal; "1,5" is 1.5; "1e3" is 1000; digit strings longer than 15 characters, text with
 * an operator character, "Infinity" and partial numbers ("5abc") are not numbers. Other values go
 * through parseFloat, so `[5]` reads as 5 and booleans, null and objects as NaN.
 */
export function readNumber(value: unknown): number {
  let candidate: unknown = value;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return NaN;
    if (text.startsWith('0x')) return text.length > 32 ? NaN : parseInt(text);
    if (text.length > 15 && isDigitsOnly(text)) return NaN;
    if (hasOperatorCharacter(text)) return NaN;
    candidate = decimalCommaAsPoint(text);
  }
  const parsed = parseFloat(stringLikeJavaScript(candidate));
  if (Number.isNaN(parsed) || !isFiniteLikeJavaScript(candidate)) return NaN;
  return parsed;
}

/** True when {@link readNumber} gives a number. */
export const isNumeric = (value: unknown): boolean => !Number.isNaN(readNumber(value));

/**
 * How many digits a value shows after its decimal point (survey-core's countDecimals): 0 for
 * integers and non-numbers; for numeric text and arrays, the digits of the text as written.
 */
export function decimalPlaces(value: unknown): number {
  if (!isNumeric(value)) return 0;
  if (typeof value === 'number' && Number.isInteger(value)) return 0;
  const fraction = stringLikeJavaScript(value).split('.')[1];
  return fraction ? fraction.length : 0;
}

function roundTo(result: unknown, digits: number): unknown {
  // survey-core calls toFixed on the result and would throw on anything but a number.
  if (digits <= 0 || typeof result !== 'number') return result;
  return parseFloat(result.toFixed(Math.min(digits, MAX_FRACTION_DIGITS)));
}

/** After `a + b` or `a - b`: round to the larger number of decimals of the operands, so 0.1 + 0.2 is 0.3. */
export const roundAfterAddition = (a: unknown, b: unknown, result: unknown): unknown =>
  roundTo(result, Math.max(decimalPlaces(a), decimalPlaces(b)));

/** After `a * b`: round to the sum of the decimals of the operands, so 1.1 * 3 is 3.3. */
export const roundAfterMultiplication = (a: unknown, b: unknown, result: unknown): unknown =>
  roundTo(result, decimalPlaces(a) + decimalPlaces(b));
