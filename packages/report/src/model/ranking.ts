/** Units ranked by their index. */
import { rank, type Dimension, type RankingEntry } from '@sipas/index';
import { isUnitDimension, ReportLabels } from './labels.js';
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
    // Ranked as the engine ranks (ties within float noise share a rank, then by key).
    entries = rank(
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
