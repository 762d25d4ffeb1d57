/**
 * Turning a group's counters into results: item shares, weighted means, pooled shares and
 * distributions. All arithmetic on counts happens here, at full precision; nothing is rounded.
 */
import { CATEGORY, CELL, type DistributionTarget, type PlanNode, type Tally } from './plan.js';
import { DISTRIBUTION_KEYS, type NodeResult, type RankingEntry } from './types.js';

/** A group's counters (Uint32Array), or sums of them (Float64Array). */
export type Counts = Uint32Array | Float64Array;

interface Figures {
  valid: number;
  satisfied: number;
}

/** Valid and satisfied answers of a node's own source. */
function sourceFigures(node: PlanNode, cells: Counts): Figures {
  const tally = node.tally!;
  const categories = node.categories!;
  const first = tally.base + tally.valuesOffset;
  let valid = 0;
  let satisfied = 0;
  for (let position = 0; position < categories.length; position++) {
    const count = cells[first + position]!;
    const category = categories[position];
    if (category === CATEGORY.excluded) continue;
    valid += count;
    if (category === CATEGORY.satisfied) satisfied += count;
  }
  return { valid, satisfied };
}

/** The share in percent: satisfied / valid × 100, or null without valid answers. */
export const share = (satisfied: number, valid: number): number | null => (valid > 0 ? (satisfied / valid) * 100 : null);

/** Counts per answer value of a tally, then the special counters. */
export function tallyDistribution(tally: Tally, cells: Counts): Record<string, number> {
  const distribution: Record<string, number> = {};
  const first = tally.base + tally.valuesOffset;
  tally.lookup.values.forEach((value, position) => {
    distribution[String(value)] = cells[first + position]!;
  });
  if (tally.valuesOffset > CELL.answered) distribution[DISTRIBUTION_KEYS.answered] = cells[tally.base + CELL.answered]!;
  distribution[DISTRIBUTION_KEYS.blank] = cells[tally.base + CELL.blank]!;
  distribution[DISTRIBUTION_KEYS.spoiled] = cells[tally.base + CELL.spoiled]!;
  distribution[DISTRIBUTION_KEYS.filtered] = cells[tally.base + CELL.filtered]!;
  const invalid = cells[tally.base + CELL.invalid]!;
  if (invalid > 0) distribution[DISTRIBUTION_KEYS.invalid] = invalid;
  return distribution;
}

export function nodeResult(node: PlanNode, cells: Counts): NodeResult {
  const children = node.children.map((child) => nodeResult(child, cells));
  let nValid = 0;
  let satisfied = 0;
  let index: number | null = null;
  let distribution: Record<string, number> | undefined;
  const skipped: string[] = [];
  switch (node.method) {
    case 'share':
    case 'source': {
      const figures = sourceFigures(node, cells);
      nValid = figures.valid;
      satisfied = figures.satisfied;
      index = share(satisfied, nValid);
      distribution = tallyDistribution(node.tally!, cells);
      break;
    }
    case 'pooled': {
      for (const leaf of node.leaves) {
        const figures = sourceFigures(leaf, cells);
        nValid += figures.valid;
        satisfied += figures.satisfied;
      }
      index = share(satisfied, nValid);
      break;
    }
    case 'mean': {
      let weighted = 0;
      let weights = 0;
      for (const child of children) {
        if (child.index === null) {
          skipped.push(child.id);
          continue;
        }
        if (!(child.weight > 0)) continue;
        weighted += child.weight * child.index;
        weights += child.weight;
        nValid += child.nValid;
        satisfied += child.satisfied;
      }
      index = weights > 0 ? weighted / weights : null;
      break;
    }
  }
  // Fields in reading order: who, how, the figure, what it rests on, then the details.
  const result: NodeResult = { id: node.id, ...(node.label !== undefined ? { label: node.label } : {}), method: node.method, index, nValid, satisfied, weight: node.weight };
  if (node.source !== undefined) result.source = { ...node.source };
  if (distribution !== undefined) result.distribution = distribution;
  if (skipped.length > 0) result.skipped = skipped;
  if (children.length > 0) result.children = children;
  return result;
}

export function distributionResults(targets: readonly DistributionTarget[], cells: Counts): Record<string, Record<string, number>> {
  const results: Record<string, Record<string, number>> = {};
  for (const target of targets) results[target.key] = tallyDistribution(target.tally, cells);
  return results;
}

/** Indices closer than this (in percentage points) share a rank: float noise must not split a tie. */
const RANK_TOLERANCE = 1e-9;

/** Highest index first; equal indices share a rank (1, 2, 2, 4); null indices last, sharing the rank after the rest. */
export function rank(entries: Omit<RankingEntry, 'rank'>[]): RankingEntry[] {
  const sorted = [...entries].sort((a, b) => {
    if (a.index === null || b.index === null) return a.index === b.index ? compareText(a.key, b.key) : a.index === null ? 1 : -1;
    return b.index - a.index || compareText(a.key, b.key);
  });
  const ranked: RankingEntry[] = [];
  sorted.forEach((entry, position) => {
    const previous = ranked[position - 1];
    const tied =
      previous !== undefined &&
      (entry.index === null ? previous.index === null : previous.index !== null && Math.abs(previous.index - entry.index) <= RANK_TOLERANCE);
    ranked.push({ ...entry, rank: tied ? previous.rank : position + 1 });
  });
  return ranked;
}

/** Code-point order, the same everywhere (no locale). */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
