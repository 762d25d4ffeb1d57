/** The index figures (overall and components) and the criteria table. */
import type { NodeResult } from '@sipas/index';
import { text, type ReportLanguage } from '../i18n.js';
import { ReportLabels } from './labels.js';
import type { NormalizedReport } from './normalize.js';

export interface FigureView {
  id: string;
  label: string;
  index: number | null;
  nValid: number;
  satisfied: number;
  /** How the figure is computed, in words. */
  method: string;
  /** Parts left out of a mean because they have no data. */
  skipped: number;
  overall: boolean;
}

/** How a node's index is computed, in the dashboard's language. */
export function methodText(node: NodeResult, language: ReportLanguage): string {
  switch (node.method) {
    case 'share':
      return text('methodShare', language);
    case 'source':
      return text('methodSource', language);
    case 'pooled':
      return text('methodPooled', language);
    case 'mean': {
      const parts = node.children ?? [];
      const weighted = parts.some((child) => child.weight !== parts[0]?.weight);
      return text(weighted ? 'methodWeightedMean' : 'methodMean', language, parts.length);
    }
    default:
      return String(node.method);
  }
}

const figureOf = (node: NodeResult, labels: ReportLabels, overall: boolean): FigureView => ({
  id: node.id,
  label: labels.node(node),
  index: node.nValid > 0 ? node.index : null,
  nValid: node.nValid,
  satisfied: node.satisfied,
  method: methodText(node, labels.language),
  // Worth saying only when some parts did count: with none, the figure's "—" says it all.
  skipped: node.nValid > 0 ? (node.skipped?.length ?? 0) : 0,
  overall,
});

/** The overall index, then each component (the root's children). */
export function indexFigures(report: NormalizedReport, labels: ReportLabels): FigureView[] {
  const root = report.overall.root;
  return [figureOf(root, labels, true), ...(root.children ?? []).map((child) => figureOf(child, labels, false))];
}

// --- criteria -----------------------------------------------------------------------------------

export interface CriterionRow {
  code: string;
  text: string;
  index: number | null;
  nValid: number;
  satisfied: number;
}

export interface CriterionGroup {
  id: string;
  label: string;
  index: number | null;
  nValid: number;
  satisfied: number;
  /** The root itself holds criteria: the group needs no heading row (its figure is the overall one). */
  isRoot: boolean;
  rows: CriterionRow[];
}

/** The criteria (the tree's leaves), grouped under the node they belong to, in the model's order. */
export function criteriaGroups(report: NormalizedReport, labels: ReportLabels): CriterionGroup[] {
  const root = report.overall.root;
  const groups: CriterionGroup[] = [];
  const row = (node: NodeResult): CriterionRow => ({
    code: node.id,
    text: labels.node(node),
    index: node.nValid > 0 ? node.index : null,
    nValid: node.nValid,
    satisfied: node.satisfied,
  });
  if (!root.children?.length) {
    return [{ id: root.id, label: labels.node(root), index: root.index, nValid: root.nValid, satisfied: root.satisfied, isRoot: true, rows: [row(root)] }];
  }
  const visit = (node: NodeResult) => {
    let group: CriterionGroup | undefined;
    for (const child of node.children ?? []) {
      if (child.children?.length) {
        visit(child);
        continue;
      }
      if (!group) {
        group = { id: node.id, label: labels.node(node), index: node.nValid > 0 ? node.index : null, nValid: node.nValid, satisfied: node.satisfied, isRoot: node === root, rows: [] };
        groups.push(group);
      }
      group.rows.push(row(child));
    }
  };
  visit(root);
  return groups;
}

// --- ranking ------------------------------------------------------------------------------------
