/**
 * The functions the expression language knows, with how many arguments each takes.
 * The format defines the names and arities; @sipas/core defines what they compute.
 */
export interface FunctionSignature {
  minArgs: number;
  /** Infinity for functions over any number of values. */
  maxArgs: number;
}

export const EXPRESSION_FUNCTIONS: Readonly<Record<string, FunctionSignature>> = {
  iif: { minArgs: 3, maxArgs: 3 },
  count: { minArgs: 1, maxArgs: 1 },
  sum: { minArgs: 1, maxArgs: Infinity },
  min: { minArgs: 1, maxArgs: Infinity },
  max: { minArgs: 1, maxArgs: Infinity },
  avg: { minArgs: 1, maxArgs: Infinity },
  round: { minArgs: 1, maxArgs: 2 },
  age: { minArgs: 1, maxArgs: 1 },
  today: { minArgs: 0, maxArgs: 1 },
};

export const isKnownFunction = (name: string): boolean => Object.hasOwn(EXPRESSION_FUNCTIONS, name.toLowerCase());
