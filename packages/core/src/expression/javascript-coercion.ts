/**
 * JavaScript's own operators, for the places where survey-core relies on their conversions: `+`
 * between a number and a string, `<` between mixed types, `==`, `String(x)`. Using the very same
 * operators keeps every odd mix of types in agreement with survey-core. The only thing added is
 * safety: JavaScript throws when an object cannot become a primitive (a likert answer with rows
 * named `toString` and `valueOf` is such an object), and evaluation must never throw.
 */

/** `a + b` as JavaScript computes it (a number, or a string when either side becomes one); NaN if JavaScript throws. */
export function addLikeJavaScript(a: unknown, b: unknown): unknown {
  try {
    return (a as number) + (b as number);
  } catch {
    return NaN;
  }
}

/** `a - b`, `a * b`, `a / b`, `a % b` as JavaScript computes them; NaN if JavaScript throws. */
export function arithmeticLikeJavaScript(operator: '-' | '*' | '/' | '%', a: unknown, b: unknown): number {
  try {
    const x = a as number;
    const y = b as number;
    switch (operator) {
      case '-':
        return x - y;
      case '*':
        return x * y;
      case '/':
        return x / y;
      case '%':
        return x % y;
    }
  } catch {
    return NaN;
  }
}

/** `a > b` as JavaScript computes it; false if JavaScript throws. */
export function greaterLikeJavaScript(a: unknown, b: unknown): boolean {
  try {
    return (a as number) > (b as number);
  } catch {
    return false;
  }
}

/** `a < b` as JavaScript computes it; false if JavaScript throws. */
export function lessLikeJavaScript(a: unknown, b: unknown): boolean {
  try {
    return (a as number) < (b as number);
  } catch {
    return false;
  }
}

/** `a == b` (loose equality); false if JavaScript throws. */
export function looselyEqual(a: unknown, b: unknown): boolean {
  try {
    return a == b;
  } catch {
    return false;
  }
}

/** `String(value)`; '' if JavaScript throws. */
export function stringLikeJavaScript(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '';
  }
}

/** Global `isNaN(value)`, which converts its argument to a number first; true if that throws. */
export function isNaNLikeJavaScript(value: unknown): boolean {
  try {
    return isNaN(value as number);
  } catch {
    return true;
  }
}

/** Global `isFinite(value)`, which converts its argument to a number first; false if that throws. */
export function isFiniteLikeJavaScript(value: unknown): boolean {
  try {
    return isFinite(value as number);
  } catch {
    return false;
  }
}

/** `Number(value)`; NaN if JavaScript throws. */
export function numberLikeJavaScript(value: unknown): number {
  try {
    return Number(value);
  } catch {
    return NaN;
  }
}
