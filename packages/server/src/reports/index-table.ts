/**
 * The index report as a table: one row per group and node (overall, components, criteria), with
 * the method, n_valid and satisfied count next to every index. The columns are those of
 * `sipas index --format csv`, so files from the CLI and from the server line up.
 *
 * Indices are rounded to two decimals here, for exports only (roundPercent: 14.375 → 14.38, as
 * displayed), and written as numbers in XLSX so that a spreadsheet shows what the report shows.
 */
import { roundPercent, type Dimension, type GroupResult, type IndexReport, type NodeResult } from '@sipas/index';
import { localize, type MessageLanguage } from '@sipas/schema';
import type { Cell } from './response-columns.js';

export interface IndexTable {
  header: string[];
  rows: Cell[][];
  /** Position of the index column, which CSV writes with two decimals. */
  indexColumn: number;
}

function flatten(node: NodeResult, depth = 0): { node: NodeResult; depth: number }[] {
  return [{ node, depth }, ...(node.children ?? []).flatMap((child) => flatten(child, depth + 1))];
}

export function indexTable(report: IndexReport, lang: MessageLanguage): IndexTable {
  const dimensions: Dimension[] = report.options.by ?? [];
  const header = [...dimensions, 'responses', 'node', 'depth', 'label', 'method', 'index', 'n_valid', 'satisfied'];
  const rows: Cell[][] = [];
  for (const group of [report.overall, ...report.groups] as GroupResult[]) {
    for (const { node, depth } of flatten(group.root)) {
      rows.push([
        ...dimensions.map((dimension) => group.key[dimension] ?? null),
        group.responses,
        node.id,
        depth,
        node.label === undefined ? null : localize(node.label, lang),
        node.method,
        node.index === null ? null : roundPercent(node.index),
        node.nValid,
        node.satisfied,
      ]);
    }
  }
  return { header, rows, indexColumn: dimensions.length + 5 };
}

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
