/**
 * An index report as a table: one row per group and node (overall, components, criteria), with
 * the method, n_valid and satisfied count next to every index. The CLI's CSV and the server's
 * exports both write it, so their files line up column for column.
 */
import { localize, type MessageLanguage } from '@sipas/schema';
import { roundPercent } from './format.js';
import type { Dimension, GroupResult, IndexReport, NodeResult } from './types.js';

export type IndexTableCell = string | number | null;

export interface IndexTable {
  header: string[];
  rows: IndexTableCell[][];
  /** Position of the index column (rounded to two decimals, as displayed: 14.375 → 14.38). */
  indexColumn: number;
}

/** A node and every node below it, depth first, with its depth (0 for the node itself). */
export function flattenNodes(node: NodeResult, depth = 0): { node: NodeResult; depth: number }[] {
  return [{ node, depth }, ...(node.children ?? []).flatMap((child) => flattenNodes(child, depth + 1))];
}

export function indexTable(report: IndexReport, lang: MessageLanguage): IndexTable {
  const dimensions: Dimension[] = report.options.by ?? [];
  const header = [...dimensions, 'responses', 'node', 'depth', 'label', 'method', 'index', 'n_valid', 'satisfied'];
  const rows: IndexTableCell[][] = [];
  for (const group of [report.overall, ...report.groups] as GroupResult[]) {
    for (const { node, depth } of flattenNodes(group.root)) {
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
