/** Units ranked by their index. */
import type { Dimension, RankingEntry } from '@sipas/index';
import { ReportLabels, isUnitDimension } from './labels.js';
import type { NormalizedReport } from './normalize.js';

export interface RankingRow {
  key: string;
  label: string;
  index: number | null;
  nValid: number;
  rank: number;
}

export interface RankingView {
  dimension: string;
  rows: RankingRow[];
}

/** Indices within this many percentage points are tied, as in the index engine. */
const TIE = 1e-9;

/** Ranks by index, highest first; ties share a rank (1, 2, 2, 4); no index comes last. */
function rankEntries(entries: Omit<RankingEntry, 'rank'>[]): RankingEntry[] {
  const sorted = [...entries].sort((a, b) => {
    if (a.index === null || b.index === null) return a.index === null ? (b.index === null ? 0 : 1) : -1;
    return b.index - a.index;
  });
  let rank = 0;
  return sorted.map((entry, position) => {
    const previous = sorted[position - 1];
    const tied = previous !== undefined && (previous.index === null ? entry.index === null : entry.index !== null && Math.abs(previous.index - entry.index) <= TIE);
    if (!tied) rank = position + 1;
    return { ...entry, rank };
  });
}

/** The ranking of units: the engine's, or worked out from groups by exactly one unit dimension. */
export function rankingView(report: NormalizedReport, labels: ReportLabels): RankingView | undefined {
  let dimension: string | undefined = report.ranking?.dimension;
  let entries: RankingEntry[] | undefined = report.ranking?.entries;
  if (!entries) {
    const byUnit = report.groups.filter((group) => {
      const keys = Object.keys(group.key);
      return keys.length === 1 && isUnitDimension(keys[0]!);
    });
    if (byUnit.length === 0) return undefined;
    dimension = Object.keys(byUnit[0]!.key)[0]!;
    entries = rankEntries(
      byUnit.map((group) => ({ key: group.key[dimension as Dimension]!, index: group.root.nValid > 0 ? group.root.index : null, nValid: group.root.nValid })),
    );
  }
  if (entries.length === 0) return undefined;
  return {
    dimension: dimension ?? 'unit',
    rows: entries.map((entry) => ({ key: entry.key, label: labels.unit(entry.key), index: entry.nValid > 0 ? entry.index : null, nValid: entry.nValid, rank: entry.rank })),
  };
}

// --- trend --------------------------------------------------------------------------------------
