/**
 * The index report's further tables for exports: the ranking and the distributions. The main
 * table (one row per group and node) is @sipas/index's `indexTable`, shared with the CLI.
 */
import { roundPercent, type Dimension, type IndexReport } from '@sipas/index';
import type { Cell } from './response-columns.js';

/** The ranking (when `by` is one unit dimension) as rows: rank, unit, index, n_valid. */
export function rankingTable(report: IndexReport): { header: string[]; rows: Cell[][] } | undefined {
  if (!report.ranking) return undefined;
  return {
    header: ['rank', report.ranking.dimension, 'index', 'n_valid'],
    rows: report.ranking.entries.map((entry) => [entry.rank, entry.key, entry.index === null ? null : roundPercent(entry.index), entry.nValid]),
  };
}

/** The distributions (expectations and the like) as rows: group keys, question (or `name.row`), answer, count. */
export function distributionTable(report: IndexReport): { header: string[]; rows: Cell[][] } {
  const dimensions: Dimension[] = report.options.by ?? [];
  const rows: Cell[][] = [];
  for (const group of [report.overall, ...report.groups]) {
    for (const [question, counts] of Object.entries(group.distributions)) {
      for (const [answer, count] of Object.entries(counts)) rows.push([...dimensions.map((d) => group.key[d] ?? null), question, answer, count]);
    }
  }
  return { header: [...dimensions, 'question', 'answer', 'count'], rows };
}
