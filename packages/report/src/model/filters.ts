/** The filter form: its options and the filters a report was computed with. */
import { CHANNELS, localize, type Hierarchy } from '@sipas/schema';
import { channelName, type ReportLanguage } from '../i18n.js';
import { FILTER_NAMES, type CollectionProgress, type ReportFilters } from '../types.js';
import { ReportLabels, isUnitDimension } from './labels.js';
import { type NormalizedReport, isObject } from './normalize.js';

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
