/**
 * The dashboard's view model, DOM-free: it reads the index engine's report (and the questionnaire
 * for names the report does not carry) and returns plain rows for the figures, tables and charts.
 * The element only renders what comes out of here.
 */
import type { Dimension, GroupResult, IndexReport, NodeResult, RankingEntry } from '@sipas/index';
import {
  asBuiltIn,
  CHANNELS,
  flattenHierarchy,
  localize,
  noOpinionValue,
  noneValue,
  questionIndex,
  resolveScale,
  type Hierarchy,
  type IndexNode,
  type LocalizedString,
  type Questionnaire,
} from '@sipas/schema';
import { channelName, text, type ReportLanguage } from './i18n.js';
import { FILTER_NAMES, type CollectionProgress, type ReportFilters } from './types.js';

/** A report in one shape, whichever shape it came in. */
export interface NormalizedReport extends IndexReport {
  /** The questionnaire's title, when the server sent it. */
  title?: LocalizedString;
  /** When the server computed the report (ISO timestamp). */
  generatedAt?: string;
  /** The filters the server applied, as it echoed them. */
  filters?: Record<string, unknown>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isNode = (value: unknown): value is NodeResult => isObject(value) && typeof value.id === 'string';

const isGroup = (value: unknown): value is GroupResult => isObject(value) && isNode(value.root);

/**
 * The engine's report from what the `report` property or the server gave: an IndexReport, the
 * server's `{ questionnaire: { id, version, title }, generatedAt, filters, ...report }`, or the
 * same with the report under `report`. Undefined when it is none of these.
 */
export function normalizeReport(input: unknown): NormalizedReport | undefined {
  if (!isObject(input)) return undefined;
  const inner = isObject(input.report) && isGroup(input.report.overall) ? input.report : input;
  if (!isGroup(inner.overall)) return undefined;
  const outerQuestionnaire = isObject(input.questionnaire) ? input.questionnaire : {};
  const innerQuestionnaire = isObject(inner.questionnaire) ? inner.questionnaire : {};
  const questionnaire = { ...innerQuestionnaire, ...outerQuestionnaire } as Record<string, unknown>;
  const groups = Array.isArray(inner.groups) ? inner.groups.filter(isGroup) : [];
  const overall = inner.overall;
  const ranking = isObject(inner.ranking) && Array.isArray(inner.ranking.entries) ? (inner.ranking as unknown as IndexReport['ranking']) : undefined;
  const title = questionnaire.title;
  const generatedAt = input.generatedAt ?? inner.generatedAt;
  const filters = input.filters ?? inner.filters;
  return {
    questionnaire: { id: typeof questionnaire.id === 'string' ? questionnaire.id : '', ...(typeof questionnaire.version === 'number' ? { version: questionnaire.version } : {}) },
    options: isObject(inner.options) ? (inner.options as IndexReport['options']) : {},
    responses: typeof inner.responses === 'number' ? inner.responses : overall.responses,
    overall: { ...overall, distributions: isObject(overall.distributions) ? overall.distributions : {} },
    groups,
    ...(ranking ? { ranking } : {}),
    ...(typeof title === 'string' || isObject(title) ? { title: title as LocalizedString } : {}),
    ...(typeof generatedAt === 'string' ? { generatedAt } : {}),
    ...(isObject(filters) ? { filters } : {}),
  };
}

// --- names --------------------------------------------------------------------------------------

const PERIOD_DIMENSIONS = new Set<string>(['month', 'quarter', 'half', 'year']);
const isUnitDimension = (dimension: string): boolean => dimension === 'unit' || dimension.startsWith('unit:');

const hierarchyLabels = (hierarchy: Hierarchy | undefined): Map<string, LocalizedString> =>
  new Map(flattenHierarchy(hierarchy).map((item) => [item.id, item.label]));

/** Names of nodes, units and fields in the dashboard's language: from the report, else the questionnaire, else the id. */
export class ReportLabels {
  private readonly units: Map<string, LocalizedString>;
  private readonly fields: Map<string, LocalizedString>;
  private readonly modelNodes = new Map<string, IndexNode>();

  constructor(
    readonly questionnaire: Questionnaire | undefined,
    progress: CollectionProgress | undefined,
    readonly language: ReportLanguage,
  ) {
    this.units = hierarchyLabels(questionnaire?.sipas?.units);
    for (const unit of progress?.units ?? []) {
      if (typeof unit?.unit === 'string' && unit.label !== undefined && unit.label !== null && !this.units.has(unit.unit)) this.units.set(unit.unit, unit.label);
    }
    this.fields = hierarchyLabels(questionnaire?.sipas?.serviceFields);
    const visit = (node: IndexNode | undefined) => {
      if (!node) return;
      this.modelNodes.set(node.id, node);
      node.children?.forEach(visit);
    };
    visit(questionnaire?.sipas?.index?.root);
  }

  localize(value: LocalizedString | undefined, fallback: string): string {
    if (value === undefined || value === null) return fallback;
    return localize(value, this.language) || fallback;
  }

  node(node: NodeResult): string {
    return this.localize(node.label ?? this.modelNodes.get(node.id)?.label, node.id);
  }

  unit(id: string): string {
    return this.localize(this.units.get(id), id);
  }

  field(id: string): string {
    return this.localize(this.fields.get(id), id);
  }

  /** The name of a grouping: `unit:province` reads as the level's label ("Tỉnh/Thành phố…"). */
  dimension(dimension: string): string {
    if (dimension.startsWith('unit:')) {
      const level = this.questionnaire?.sipas?.units?.levels?.find((candidate) => candidate.id === dimension.slice(5));
      return level ? this.localize(level.label, level.id) : dimension.slice(5);
    }
    if (dimension === 'unit') return text('unit', this.language);
    if (dimension === 'field') return text('field', this.language);
    if (dimension === 'channel') return text('channel', this.language);
    return dimension;
  }
}

// --- index figures ------------------------------------------------------------------------------

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

const SPECIAL_KEYS = new Set(['blank', 'spoiled', 'filtered', 'invalid', 'answered']);

export interface ExpectationItem {
  key: string;
  label: string;
  count: number;
  /** Percent of the responses that answered the question, or null when none did. */
  share: number | null;
}

export interface ExpectationLevel {
  value: string;
  label: string;
}

export interface ExpectationRow {
  key: string;
  label: string;
  counts: number[];
  /** Answers with one of the levels (the base of the shares). */
  valid: number;
  shares: (number | null)[];
}

export type ExpectationView =
  | { kind: 'multiple'; question: string; title?: string; base: number; items: ExpectationItem[] }
  | { kind: 'likert'; question: string; title?: string; levels: ExpectationLevel[]; rows: ExpectationRow[] };

const EXPECTATION_NAME = /expect|mong[-_ ]?doi|priorit/i;
const EXPECTATION_TITLE = /mong đợi|mong muốn|ưu tiên|cải thiện|expect|improv/i;

/** The distribution question that holds people's expectations (what to improve). */
export function findExpectationQuestion(report: NormalizedReport, questionnaire: Questionnaire | undefined, preferred?: string): string | undefined {
  const distributions = report.overall.distributions;
  // A likert grid's rows are keyed `name.row`.
  const names = new Set(Object.keys(distributions).map((key) => key.split('.')[0]!));
  if (preferred) return names.has(preferred) ? preferred : undefined;
  const declared = questionnaire?.sipas?.index?.distributions?.filter((name) => names.has(name)) ?? [...names];
  const questions = questionnaire ? questionIndex(questionnaire) : undefined;
  const question = (name: string) => {
    const found = questions?.get(name)?.question;
    return found ? asBuiltIn(found) : undefined;
  };
  const byName = declared.find((name) => EXPECTATION_NAME.test(name));
  if (byName) return byName;
  const byScale = declared.find((name) => {
    const found = question(name);
    return found?.type === 'likert' && typeof found.scale === 'string' && EXPECTATION_NAME.test(found.scale);
  });
  if (byScale) return byScale;
  return declared.find((name) => {
    const found = question(name);
    if (found?.type !== 'multiple' && found?.type !== 'likert') return false;
    return EXPECTATION_TITLE.test(localize(found.title, 'vi')) || EXPECTATION_TITLE.test(localize(found.title, 'en'));
  });
}

/** Shares of the expectation question: bars per choice (multiple choice) or per item and level (a likert grid). */
export function expectationView(report: NormalizedReport, labels: ReportLabels, preferred?: string): ExpectationView | undefined {
  const questionnaire = labels.questionnaire;
  const name = findExpectationQuestion(report, questionnaire, preferred);
  if (!name) return undefined;
  const distributions = report.overall.distributions;
  const located = questionnaire ? questionIndex(questionnaire).get(name)?.question : undefined;
  const question = located ? asBuiltIn(located) : undefined;
  const title = located ? labels.localize(located.title, name) : undefined;

  const rowKeys = Object.keys(distributions).filter((key) => key.startsWith(`${name}.`));
  if (question?.type === 'likert' || (!question && rowKeys.length > 0 && !Object.hasOwn(distributions, name))) {
    const scale = question?.type === 'likert' && questionnaire ? resolveScale(questionnaire, question.scale) : undefined;
    let levels: ExpectationLevel[] = scale ? scale.levels.map((level) => ({ value: String(level.value), label: labels.localize(level.text, String(level.value)) })) : [];
    if (question?.type === 'likert') {
      const noOpinion = noOpinionValue(question);
      if (noOpinion !== undefined) {
        const custom = typeof question.noOpinion === 'object' ? question.noOpinion.text : undefined;
        levels.push({ value: String(noOpinion), label: labels.localize(custom, text('noOpinion', labels.language)) });
      }
    }
    if (levels.length === 0) {
      const seen = new Set<string>();
      for (const key of rowKeys) for (const value of Object.keys(distributions[key] ?? {})) if (!SPECIAL_KEYS.has(value)) seen.add(value);
      levels = [...seen].map((value) => ({ value, label: value }));
    }
    const rowOrder = question?.type === 'likert' ? question.rows.map((row) => ({ key: `${name}.${row.value}`, label: labels.localize(row.text, String(row.value)) })) : [];
    for (const key of rowKeys) if (!rowOrder.some((row) => row.key === key)) rowOrder.push({ key, label: key.slice(name.length + 1) });
    const rows = rowOrder
      .filter((row) => distributions[row.key] !== undefined)
      .map((row): ExpectationRow => {
        const counts = levels.map((level) => distributions[row.key]?.[level.value] ?? 0);
        const valid = counts.reduce((sum, count) => sum + count, 0);
        return { key: row.key, label: row.label, counts, valid, shares: counts.map((count) => (valid > 0 ? (count / valid) * 100 : null)) };
      });
    // The scale lists the mildest level first: the items most wanted strongly come first.
    const strongest = scale ? scale.levels.length - 1 : levels.length - 1;
    rows.sort((a, b) => (b.shares[strongest] ?? -1) - (a.shares[strongest] ?? -1));
    return { kind: 'likert', question: name, ...(title ? { title } : {}), levels, rows };
  }

  const counts = distributions[name];
  if (!counts) return undefined;
  const order: { key: string; label: string }[] = [];
  if (question?.type === 'multiple' || question?.type === 'single' || question?.type === 'dropdown') {
    for (const choice of question.choices ?? []) order.push({ key: String(choice.value), label: labels.localize(choice.text, String(choice.value)) });
    const none = noneValue(question);
    if (none !== undefined) {
      const custom = question.type === 'multiple' && typeof question.none === 'object' ? question.none.text : undefined;
      order.push({ key: String(none), label: labels.localize(custom, text('none', labels.language)) });
    }
    if (question.other) {
      const custom = typeof question.other === 'object' ? question.other.text : undefined;
      order.push({ key: 'other', label: labels.localize(custom, text('other', labels.language)) });
    }
  }
  for (const key of Object.keys(counts)) {
    if (SPECIAL_KEYS.has(key) || order.some((item) => item.key === key)) continue;
    order.push({ key, label: key === 'other' ? text('other', labels.language) : key });
  }
  const special = ['blank', 'spoiled', 'filtered', 'invalid'];
  const base =
    counts.answered ??
    Object.entries(counts)
      .filter(([key]) => !special.includes(key))
      .reduce((sum, [, count]) => sum + count, 0);
  const items = order
    .filter((item) => counts[item.key] !== undefined)
    .map((item): ExpectationItem => ({ ...item, count: counts[item.key]!, share: base > 0 ? (counts[item.key]! / base) * 100 : null }))
    // "Other" keeps its place at the end whatever its share: it is not one improvement.
    .sort((a, b) => (a.key === 'other' ? 1 : b.key === 'other' ? -1 : b.count - a.count));
  return { kind: 'multiple', question: name, ...(title ? { title } : {}), base, items };
}

// --- collection progress ------------------------------------------------------------------------

export interface ProgressRow {
  unit: string;
  label: string;
  planned: number | undefined;
  collected: number;
  /** Percent of the plan collected, or null without a plan. */
  share: number | null;
}

export interface ProgressView {
  rows: ProgressRow[];
  planned: number | undefined;
  collected: number;
  share: number | null;
  channels: { channel: string; label: string; count: number }[];
  lastReceivedAt?: string;
}

const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);

/** Percent of the plan: from the counts when there is a plan, else the given fraction. */
const shareOf = (collected: number, planned: number | undefined, given: unknown): number | null => {
  if (planned !== undefined && planned > 0) return (collected / planned) * 100;
  const fraction = count(given);
  return fraction === undefined ? null : fraction * 100;
};

export function progressView(progress: CollectionProgress | undefined, labels: ReportLabels): ProgressView | undefined {
  if (!isObject(progress) || !Array.isArray(progress.units)) return undefined;
  const rows = progress.units
    .filter((unit) => isObject(unit) && (typeof unit.unit === 'string' || unit.unit === null))
    .map((unit): ProgressRow => {
      const planned = count(unit.planned);
      const collected = count(unit.collected) ?? 0;
      // `unit: null` counts the responses that name no unit.
      const id = unit.unit ?? '';
      const label = unit.unit === null ? text('noUnit', labels.language) : unit.label ? labels.localize(unit.label, id) : labels.unit(id);
      return { unit: id, label, planned, collected, share: shareOf(collected, planned, unit.share) };
    });
  const total = progress.total;
  const summedPlan = rows.every((row) => row.planned !== undefined) && rows.length > 0 ? rows.reduce((sum, row) => sum + row.planned!, 0) : undefined;
  const collected = typeof total === 'number' ? total : isObject(total) ? (count(total.collected) ?? 0) : rows.reduce((sum, row) => sum + row.collected, 0);
  const planned = isObject(total) ? (count(total.planned) ?? summedPlan) : summedPlan;
  // Channels nobody used are left out (the server lists every channel of the format).
  const channels = Object.entries(isObject(progress.byChannel) ? progress.byChannel : {})
    .filter((entry): entry is [string, number] => (count(entry[1]) ?? 0) > 0)
    .map(([channel, value]) => ({ channel, label: channelName(channel, labels.language), count: value }));
  return {
    rows,
    planned,
    collected,
    share: shareOf(collected, planned, isObject(total) ? total.share : undefined),
    channels,
    ...(typeof progress.lastReceivedAt === 'string' ? { lastReceivedAt: progress.lastReceivedAt } : {}),
  };
}

// --- filters ------------------------------------------------------------------------------------

export interface FilterOption {
  value: string;
  label: string;
  /** Depth in the unit tree (0 at the top), shown as an indent. */
  depth: number;
}

function hierarchyOptions(hierarchy: Hierarchy | undefined, language: ReportLanguage): FilterOption[] {
  const options: FilterOption[] = [];
  const visit = (items: Hierarchy['items'] | undefined, depth: number) =>
    items?.forEach((item) => {
      options.push({ value: item.id, label: localize(item.label, language) || item.id, depth });
      visit(item.children, depth + 1);
    });
  visit(hierarchy?.items, 0);
  return options;
}

const keysOf = (reports: (NormalizedReport | undefined)[], accept: (dimension: string) => boolean): string[] => {
  const keys = new Set<string>();
  for (const report of reports) {
    for (const group of report?.groups ?? []) for (const [dimension, value] of Object.entries(group.key)) if (accept(dimension) && value !== undefined) keys.add(value);
  }
  return [...keys].sort();
};

/** Units to filter by: the questionnaire's tree, else those the report and the progress mention. */
export function unitOptions(labels: ReportLabels, reports: (NormalizedReport | undefined)[], progress: CollectionProgress | undefined): FilterOption[] {
  const fromTree = hierarchyOptions(labels.questionnaire?.sipas?.units, labels.language);
  if (fromTree.length > 0) return fromTree;
  const keys = new Set(keysOf(reports, isUnitDimension));
  for (const unit of progress?.units ?? []) if (typeof unit?.unit === 'string') keys.add(unit.unit);
  return [...keys].sort().map((key) => ({ value: key, label: labels.unit(key), depth: 0 }));
}

export function fieldOptions(labels: ReportLabels, reports: (NormalizedReport | undefined)[]): FilterOption[] {
  const fromTree = hierarchyOptions(labels.questionnaire?.sipas?.serviceFields, labels.language);
  if (fromTree.length > 0) return fromTree;
  return keysOf(reports, (dimension) => dimension === 'field').map((key) => ({ value: key, label: labels.field(key), depth: 0 }));
}

export function channelOptions(labels: ReportLabels): FilterOption[] {
  const channels = labels.questionnaire?.sipas?.survey?.channels ?? CHANNELS;
  return channels.map((channel) => ({ value: channel, label: channelName(channel, labels.language), depth: 0 }));
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Filters with only known, non-empty values (`from`/`to` must be days). */
export function cleanFilters(input: Record<string, unknown> | undefined): ReportFilters {
  const filters: Record<string, string> = {};
  for (const name of FILTER_NAMES) {
    const value = input?.[name];
    if (typeof value !== 'string' || value.trim() === '') continue;
    if ((name === 'from' || name === 'to') && !DAY.test(value)) continue;
    filters[name] = value.trim();
  }
  return filters as ReportFilters;
}

/**
 * The filters a report was computed with, as far as the form can show them: the server's echo
 * (`filters: { from, to, where: { unit: [...] } }`), else the engine's options. A filter with
 * several values is left out (the form picks one).
 */
export function filtersOfReport(report: NormalizedReport | undefined): ReportFilters {
  if (!report) return {};
  const echoed = report.filters;
  const source: { from?: unknown; to?: unknown; where?: unknown } = echoed ?? report.options;
  const where = isObject(source.where) ? source.where : {};
  const only = (dimension: string) => {
    const values = where[dimension];
    return Array.isArray(values) && values.length === 1 ? values[0] : undefined;
  };
  return cleanFilters({
    from: source.from,
    to: source.to,
    unit: only('unit'),
    field: only('field'),
    channel: only('channel'),
    // A flat echo ({ unit: 'x' }) from a server that writes filters that way.
    ...(echoed ? Object.fromEntries(FILTER_NAMES.filter((name) => typeof echoed[name] === 'string').map((name) => [name, echoed[name]])) : {}),
  });
}

/** True when `from` is after `to` (both set). */
export const datesOutOfOrder = (filters: ReportFilters): boolean => filters.from !== undefined && filters.to !== undefined && filters.from > filters.to;
