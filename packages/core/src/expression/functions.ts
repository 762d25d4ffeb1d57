/**
 * What the functions of the expression language compute (names and arities are fixed by
 * EXPRESSION_FUNCTIONS in @sipas/schema), as survey-core's FunctionFactory registrations do.
 * `iif` is not here: it chooses which argument to evaluate, so evaluate.ts handles it.
 */
import { age, today, type Clock } from './dates.js';
import { addLikeJavaScript, arithmeticLikeJavaScript, greaterLikeJavaScript, lessLikeJavaScript } from './javascript-coercion.js';
import { isNumeric, readNumber, roundAfterAddition } from './numbers.js';

/**
 * The values the aggregate functions see: arrays flattened at any depth, null and undefined
 * dropped, and numeric values read as numbers ("5" is 5); text and booleans stay as they are.
 */
function flattenArguments(args: readonly unknown[], into: unknown[] = []): unknown[] {
  for (const value of args) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) flattenArguments(value, into);
    else into.push(isNumeric(value) ? readNumber(value) : value);
  }
  return into;
}

/** Adds with `+` one value after another from 0, so text makes the total text ('0abc'), true counts 1. */
function total(values: readonly unknown[]): unknown {
  let sum: unknown = 0;
  for (const value of values) sum = roundAfterAddition(sum, value, addLikeJavaScript(sum, value));
  return sum;
}

/** The first value, replaced by each later one that is smaller (larger) by JavaScript's `<`; undefined when there are none. */
function extreme(values: readonly unknown[], smallest: boolean): unknown {
  let best: unknown = undefined;
  for (const value of values) {
    if (best === undefined) best = value;
    if (smallest ? greaterLikeJavaScript(best, value) : lessLikeJavaScript(best, value)) best = value;
  }
  return best;
}

/**
 * round(x) and round(x, digits): half away from zero (a tiny epsilon absorbs binary noise, so
 * round(1.005, 2) is 1.01). The arguments are flattened first, so round([2.5]) is 3 and a null x
 * is skipped. NaN when x or digits is not a number.
 */
function round(args: readonly unknown[]): number {
  const values = flattenArguments(args);
  if (values.length === 0) return NaN;
  const value = values[0];
  const digits = values[1] || 0;
  if (!isNumeric(value) || !isNumeric(digits)) return NaN;
  const scale = Math.pow(10, digits as number);
  return Math.round((value as number) * scale * (1 + Number.EPSILON)) / scale;
}

/** Every function but iif, by its lower-case name, over evaluated arguments. */
export function callFunction(name: string, args: readonly unknown[], clock: Clock): unknown {
  switch (name) {
    case 'count':
      return flattenArguments(args).length;
    case 'sum':
      return total(flattenArguments(args));
    case 'avg': {
      const values = flattenArguments(args);
      return values.length > 0 ? arithmeticLikeJavaScript('/', total(values), values.length) : 0;
    }
    case 'min':
      return extreme(flattenArguments(args), true);
    case 'max':
      return extreme(flattenArguments(args), false);
    case 'round':
      return round(args);
    case 'age':
      return age(args[0], clock.now());
    case 'today':
      return today(clock.now(), args);
    default:
      // The parser accepts no other name; an AST built by hand gets what survey-core gives an unknown function.
      return null;
  }
}
