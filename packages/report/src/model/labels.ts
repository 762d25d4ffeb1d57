/** Names for what a report holds: criteria, components, units, fields, periods, answer options. */
import type { NodeResult } from '@sipas/index';
import { flattenHierarchy, localize, type Hierarchy, type IndexNode, type LocalizedString, type Questionnaire } from '@sipas/schema';
import { text, type ReportLanguage } from '../i18n.js';
import type { CollectionProgress } from '../types.js';

export const PERIOD_DIMENSIONS = new Set<string>(['month', 'quarter', 'half', 'year']);
export const isUnitDimension = (dimension: string): boolean => dimension === 'unit' || dimension.startsWith('unit:');

export const hierarchyLabels = (hierarchy: Hierarchy | undefined): Map<string, LocalizedString> =>
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
