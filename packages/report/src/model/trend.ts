/** The index over periods. */
import type { Dimension } from '@sipas/index';
import { PERIOD_DIMENSIONS, ReportLabels } from './labels.js';
import type { NormalizedReport } from './normalize.js';

export interface TrendSeries {
  id: string;
  label: string;
  values: (number | null)[];
  nValid: number[];
}

export interface TrendView {
  dimension: string;
  /** Period keys in time order (`2024-01`, `2024-Q2`…). */
  periods: string[];
  /** The overall index first, then each component. */
  series: TrendSeries[];
}

/** The index by period, from the first report that has groups by exactly one period dimension. */
export function trendView(reports: (NormalizedReport | undefined)[], labels: ReportLabels): TrendView | undefined {
  for (const report of reports) {
    if (!report) continue;
    const byPeriod = report.groups.filter((group) => {
      const keys = Object.keys(group.key);
      return keys.length === 1 && PERIOD_DIMENSIONS.has(keys[0]!);
    });
    if (byPeriod.length === 0) continue;
    const dimension = Object.keys(byPeriod[0]!.key)[0] as Dimension;
    const sameDimension = byPeriod.filter((group) => group.key[dimension] !== undefined).sort((a, b) => (a.key[dimension]! < b.key[dimension]! ? -1 : 1));
    const periods = sameDimension.map((group) => group.key[dimension]!);
    const model = report.overall.root;
    const ids = [model.id, ...(model.children ?? []).map((child) => child.id)];
    const series = ids.map((id, position): TrendSeries => {
      const nodes = sameDimension.map((group) => (position === 0 ? group.root : group.root.children?.find((child) => child.id === id)));
      const named = position === 0 ? model : model.children![position - 1]!;
      return {
        id,
        label: labels.node(named),
        values: nodes.map((node) => (node && node.nValid > 0 ? node.index : null)),
        nValid: nodes.map((node) => node?.nValid ?? 0),
      };
    });
    return { dimension, periods, series };
  }
  return undefined;
}

// --- expectations -------------------------------------------------------------------------------
