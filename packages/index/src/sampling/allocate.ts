/**
 * Allocation of a sample over strata (units, fields, provinces…), in whole numbers that add up
 * exactly to the total, with every stratum between its lower bound min(minimum, population) and
 * its population.
 *
 * The share of each stratum is worked out exactly, in integer (BigInt) arithmetic:
 * 1. The real-valued shares are x_i = clamp(λ·w_i, lower_i, population_i) with one common λ chosen
 *    so that Σx_i = total; w_i is the population (proportional) or 1 (equal). λ is found by fixing
 *    the strata whose share falls outside their bounds, one side at a time, and sharing the rest
 *    again among the others (the side whose excess is larger is certainly clamped at the solution).
 * 2. Whole numbers by the largest-remainder (Hamilton) method: every stratum gets the integer part
 *    of its share, and the units left go to the largest fractional parts; ties go to the larger
 *    population, then to the key in code-unit order. Nothing depends on the order of the strata.
 *
 * When the total cannot be met:
 * - total > Σ population: every stratum gets its whole population (the total is capped) and the
 *   result says so (`total-capped`);
 * - Σ min(minimum, population) > total: the total is raised to that sum (`total-raised`), because
 *   a minimum per stratum is a rule of the survey design, usually stated for each unit's report to
 *   be readable; a stratum smaller than the minimum is taken whole (`stratum-below-minimum`).
 */
import { notice, samplingError, type SamplingNotice } from './errors.js';

export type AllocationMethod = 'proportional' | 'equal';

export interface StratumSize {
  key: string;
  population: number;
}

export interface AllocationOptions {
  /** `proportional` to population (the default) or `equal` across strata. */
  method?: AllocationMethod;
  /** The least sample of each stratum (capped at the stratum's population). Default 0. */
  minimum?: number;
}

export interface StratumAllocation {
  key: string;
  population: number;
  sample: number;
}

export interface Allocation {
  /** The total asked for. */
  requested: number;
  /** The total allocated: `requested`, unless capped or raised (see `notices`). */
  total: number;
  method: AllocationMethod;
  minimum: number;
  /** One entry per stratum, in the order given. */
  strata: StratumAllocation[];
  notices: SamplingNotice[];
}

/** Allocates `total` over `strata`; see the module comment for the method and the edge cases. */
export function allocate(total: number, strata: readonly StratumSize[], options: AllocationOptions = {}): Allocation {
  const { method = 'proportional', minimum = 0 } = options;
  checkInputs(total, strata, method, minimum);
  const notices: SamplingNotice[] = [];

  const lower = strata.map((stratum) => Math.min(minimum, stratum.population));
  const upper = strata.map((stratum) => stratum.population);
  const lowerSum = lower.reduce((sum, value) => sum + value, 0);
  const upperSum = upper.reduce((sum, value) => sum + value, 0);
  for (const stratum of strata) {
    if (stratum.population < minimum) {
      notices.push(
        notice(
          'stratum-below-minimum',
          `Tầng "${stratum.key}" chỉ có ${stratum.population}, ít hơn mức tối thiểu ${minimum}: lấy toàn bộ.`,
          `Stratum "${stratum.key}" has only ${stratum.population}, fewer than the minimum of ${minimum}: all are taken.`,
          stratum.key,
        ),
      );
    }
  }
  let target = total;
  if (total > upperSum) {
    target = upperSum;
    notices.push(notice('total-capped', `Cỡ mẫu yêu cầu ${total} lớn hơn tổng thể ${upperSum}: lấy toàn bộ ${upperSum}.`, `The requested total of ${total} exceeds the population of ${upperSum}: all ${upperSum} are taken.`));
  } else if (lowerSum > total) {
    target = lowerSum;
    notices.push(
      notice(
        'total-raised',
        `Mức tối thiểu ${minimum} cho mỗi tầng cần ${lowerSum}, nhiều hơn cỡ mẫu yêu cầu ${total}: cỡ mẫu được nâng lên ${lowerSum}.`,
        `A minimum of ${minimum} per stratum needs ${lowerSum}, more than the requested total of ${total}: the total is raised to ${lowerSum}.`,
      ),
    );
  }

  const sample = shareOut(target, strata, lower, upper, method);
  return {
    requested: total,
    total: target,
    method,
    minimum,
    strata: strata.map((stratum, index) => ({ key: stratum.key, population: stratum.population, sample: sample[index] as number })),
    notices,
  };
}

/** Steps 1 and 2 of the module comment; `target` lies between Σlower and Σupper. */
function shareOut(target: number, strata: readonly StratumSize[], lower: number[], upper: number[], method: AllocationMethod): number[] {
  const weight = strata.map((stratum) => (method === 'equal' ? (stratum.population > 0 ? 1n : 0n) : BigInt(stratum.population)));
  // A stratum fixed at one of its bounds; strata with nothing to draw from are fixed at 0 from the start.
  const fixed: (number | undefined)[] = strata.map((stratum) => (stratum.population === 0 ? 0 : undefined));
  const freeIndices = (): number[] => fixed.flatMap((value, index) => (value === undefined ? [index] : []));
  const remaining = (): bigint => BigInt(target - fixed.reduce<number>((sum, value) => sum + (value ?? 0), 0));
  const weightOf = (index: number): bigint => weight[index] as bigint;
  const sumOf = (values: bigint[]): bigint => values.reduce((sum, value) => sum + value, 0n);

  // Step 1. The share of a free stratum i is R·w_i / W, compared with its bounds as fractions over W.
  for (;;) {
    const free = freeIndices();
    if (free.length === 0) break;
    const rest = remaining();
    const totalWeight = sumOf(free.map(weightOf));
    const belowLower = free.filter((index) => rest * weightOf(index) < BigInt(lower[index] as number) * totalWeight);
    const aboveUpper = free.filter((index) => rest * weightOf(index) > BigInt(upper[index] as number) * totalWeight);
    if (belowLower.length === 0 && aboveUpper.length === 0) break;
    const lowExcess = sumOf(belowLower.map((index) => BigInt(lower[index] as number) * totalWeight - rest * weightOf(index)));
    const highExcess = sumOf(aboveUpper.map((index) => rest * weightOf(index) - BigInt(upper[index] as number) * totalWeight));
    // If the strata below their minimum need more than the strata above their population give
    // back, the common factor must fall, so the low ones stay at their minimum; otherwise it must
    // rise, so the high ones stay at their population.
    if (belowLower.length > 0 && lowExcess >= highExcess) for (const index of belowLower) fixed[index] = lower[index];
    else for (const index of aboveUpper) fixed[index] = upper[index];
  }

  // Step 2. Integer parts, then the units left by largest remainder.
  const free = freeIndices();
  const rest = remaining();
  const totalWeight = sumOf(free.map(weightOf));
  const sample = fixed.map((value) => value ?? 0);
  const remainders = new Map<number, bigint>();
  let handedOut = 0n;
  for (const index of free) {
    const numerator = rest * weightOf(index);
    const whole = numerator / totalWeight;
    sample[index] = Number(whole);
    remainders.set(index, numerator % totalWeight);
    handedOut += whole;
  }
  const order = free.slice().sort((a, b) => {
    const byRemainder = (remainders.get(b) as bigint) - (remainders.get(a) as bigint);
    if (byRemainder !== 0n) return byRemainder > 0n ? 1 : -1;
    const byPopulation = (strata[b] as StratumSize).population - (strata[a] as StratumSize).population;
    if (byPopulation !== 0) return byPopulation;
    const keyA = (strata[a] as StratumSize).key;
    const keyB = (strata[b] as StratumSize).key;
    return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
  });
  // The remainders add up to exactly (units left)·W and each is below W, so at least that many
  // strata have a positive remainder, and one more unit keeps each of them within its population.
  const unitsLeft = Number(rest - handedOut);
  for (let position = 0; position < unitsLeft; position += 1) {
    const index = order[position] as number;
    sample[index] = (sample[index] as number) + 1;
  }
  return sample;
}

function checkInputs(total: number, strata: readonly StratumSize[], method: AllocationMethod, minimum: number): void {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw samplingError('invalid-total', `Cỡ mẫu cần phân bổ phải là số nguyên không âm, không phải ${String(total)}.`, `The total to allocate must be a whole number of 0 or more, not ${String(total)}.`);
  }
  if (method !== 'proportional' && method !== 'equal') {
    throw samplingError('invalid-method', `Cách phân bổ phải là "proportional" (theo tỉ lệ) hoặc "equal" (đều nhau), không phải ${String(method)}.`, `The allocation method must be "proportional" or "equal", not ${String(method)}.`);
  }
  if (!Number.isSafeInteger(minimum) || minimum < 0) {
    throw samplingError('invalid-minimum', `Mức tối thiểu mỗi tầng phải là số nguyên không âm, không phải ${String(minimum)}.`, `The minimum per stratum must be a whole number of 0 or more, not ${String(minimum)}.`);
  }
  const seen = new Set<string>();
  for (const stratum of strata) {
    if (typeof stratum.key !== 'string' || !Number.isSafeInteger(stratum.population) || stratum.population < 0) {
      throw samplingError('invalid-stratum', `Mỗi tầng cần một khoá (chuỗi) và tổng thể là số nguyên không âm: ${JSON.stringify(stratum)}.`, `Every stratum needs a text key and a population that is a whole number of 0 or more: ${JSON.stringify(stratum)}.`);
    }
    if (seen.has(stratum.key)) {
      throw samplingError('duplicate-stratum', `Tầng "${stratum.key}" xuất hiện hai lần.`, `Stratum "${stratum.key}" is listed twice.`);
    }
    seen.add(stratum.key);
  }
}
