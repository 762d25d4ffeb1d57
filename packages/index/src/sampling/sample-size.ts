/**
 * Sample sizes for a survey of N people or organisations (SIPAS-DOMAIN §5.1):
 * - Yamane/Slovin, the formula of MoHA's training material: n = N / (1 + N·e²);
 * - the classical 95 %-confidence formula for a proportion, as a cross-check:
 *   n0 = z²·p(1−p)/e², corrected for a finite population: n = n0 / (1 + (n0 − 1)/N).
 * Both are rounded up, so the margin of error is never worse than asked.
 */
import { samplingError } from './errors.js';

export interface ConfidenceSampleSizeOptions {
  /** Allowed error e, a fraction: 0.05 for ±5 percentage points. Default 0.05. */
  marginOfError?: number;
  /** Confidence level, a fraction: 0.90, 0.95 (default), 0.99 or any level strictly between 0 and 1. */
  confidence?: number;
  /** Expected proportion p; 0.5 (the default) gives the largest, safest size. */
  proportion?: number;
}

/**
 * Floating point turns 50 into 50.000000000000007 now and then; a size must not grow by one
 * because of that, so values within 1e−9 above an integer round down to it.
 */
const ROUNDING_TOLERANCE = 1e-9;
const roundUp = (value: number): number => Math.ceil(value - ROUNDING_TOLERANCE);

/**
 * Yamane's sample size n = N/(1 + N·e²), rounded up: 5,000 transactions at e = 5 % → 371.
 * `population` is a whole number ≥ 1, or `Infinity` (then n = 1/e²). The result is never above N.
 */
export function yamaneSampleSize(population: number, marginOfError = 0.05): number {
  checkPopulation(population);
  checkMarginOfError(marginOfError);
  const squaredError = marginOfError * marginOfError;
  const size = population === Infinity ? 1 / squaredError : population / (1 + population * squaredError);
  return Math.min(population, roundUp(size));
}

/**
 * The sample size that estimates a proportion within ±e at the given confidence:
 * n0 = z²·p(1−p)/e², then n = n0/(1 + (n0 − 1)/N), rounded up. With the defaults
 * (e = 0.05, 95 %, p = 0.5) n0 = 384.15, so N = 5,000 → 357 and an unlimited population → 385.
 * `population` is a whole number ≥ 1, or `Infinity` (no finite-population correction).
 */
export function confidenceSampleSize(population: number, options: ConfidenceSampleSizeOptions = {}): number {
  const { marginOfError = 0.05, confidence = 0.95, proportion = 0.5 } = options;
  checkPopulation(population);
  checkMarginOfError(marginOfError);
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
    throw samplingError('invalid-confidence', `Độ tin cậy phải là một tỉ lệ lớn hơn 0 và nhỏ hơn 1 (ví dụ 0,95), không phải ${String(confidence)}.`, `The confidence level must be a fraction above 0 and below 1 (such as 0.95), not ${String(confidence)}.`);
  }
  if (typeof proportion !== 'number' || !(proportion > 0 && proportion < 1)) {
    throw samplingError('invalid-proportion', `Tỉ lệ kỳ vọng p phải lớn hơn 0 và nhỏ hơn 1 (thường là 0,5), không phải ${String(proportion)}.`, `The expected proportion p must be above 0 and below 1 (usually 0.5), not ${String(proportion)}.`);
  }
  const z = zScore(confidence);
  const infiniteSize = (z * z * proportion * (1 - proportion)) / (marginOfError * marginOfError);
  const size = population === Infinity ? infiniteSize : infiniteSize / (1 + (infiniteSize - 1) / population);
  return Math.min(population, roundUp(size));
}

/** The two-sided critical value z of a confidence level: 0.90 → 1.6449, 0.95 → 1.9600, 0.99 → 2.5758. */
export function zScore(confidence: number): number {
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
    throw samplingError('invalid-confidence', `Độ tin cậy phải là một tỉ lệ lớn hơn 0 và nhỏ hơn 1, không phải ${String(confidence)}.`, `The confidence level must be a fraction above 0 and below 1, not ${String(confidence)}.`);
  }
  return normalQuantile((1 + confidence) / 2);
}

/**
 * The quantile function of the standard normal distribution (the x with Φ(x) = p).
 *
 * How: Φ is evaluated with Marsaglia's series (J. Stat. Software 11(4), 2004)
 *   Φ(x) = ½ + φ(x)·(x + x³/3 + x⁵/(3·5) + x⁷/(3·5·7) + …),
 * whose terms are all positive for x ≥ 0, so it converges without cancellation to full double
 * precision; the equation Φ(x) = p is then solved by Newton's method from x = 0. Φ is concave on
 * x ≥ 0, so the iterates rise monotonically to the root and never overshoot. Accurate to about
 * 1e−12 for the levels a survey uses; no table of constants is involved.
 */
export function normalQuantile(probability: number): number {
  if (typeof probability !== 'number' || !(probability > 0 && probability < 1)) {
    throw samplingError('invalid-probability', `Xác suất phải lớn hơn 0 và nhỏ hơn 1, không phải ${String(probability)}.`, `The probability must be above 0 and below 1, not ${String(probability)}.`);
  }
  if (probability < 0.5) return -normalQuantile(1 - probability);
  let x = 0;
  for (let iteration = 0; iteration < 200; iteration += 1) {
    const step = (normalCdf(x) - probability) / normalDensity(x);
    x -= step;
    if (Math.abs(step) < 1e-14 * Math.max(1, x)) break;
  }
  return x;
}

/** Φ(x) for x ≥ 0 by Marsaglia's series (see normalQuantile); by symmetry below 0. */
function normalCdf(x: number): number {
  if (x < 0) return 1 - normalCdf(-x);
  let term = x;
  let sum = x;
  const square = x * x;
  for (let k = 1; term > 1e-17 * sum; k += 1) {
    term *= square / (2 * k + 1);
    sum += term;
  }
  return 0.5 + normalDensity(x) * sum;
}

function normalDensity(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

function checkPopulation(population: number): void {
  if (typeof population !== 'number' || !((Number.isSafeInteger(population) && population >= 1) || population === Infinity)) {
    throw samplingError('invalid-population', `Tổng thể N phải là số nguyên từ 1 trở lên (số lượt giao dịch trong kỳ), không phải ${String(population)}.`, `The population N must be a whole number of at least 1 (the transactions in the period), not ${String(population)}.`);
  }
}

function checkMarginOfError(marginOfError: number): void {
  if (typeof marginOfError !== 'number' || !(marginOfError > 0 && marginOfError < 1)) {
    throw samplingError('invalid-margin-of-error', `Sai số cho phép e phải là một tỉ lệ lớn hơn 0 và nhỏ hơn 1 (5 % là 0,05), không phải ${String(marginOfError)}.`, `The margin of error e must be a fraction above 0 and below 1 (5 % is 0.05), not ${String(marginOfError)}.`);
  }
}
