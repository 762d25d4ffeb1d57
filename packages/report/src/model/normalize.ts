/** A report in any shape the element accepts (the engine's, or the server's wrapped one), made one shape. */
import type { GroupResult, IndexReport, NodeResult } from '@sipas/index';
import { type LocalizedString } from '@sipas/schema';

/** A report in one shape, whichever shape it came in. */
export interface NormalizedReport extends IndexReport {
  /** The questionnaire's title, when the server sent it. */
  title?: LocalizedString;
  /** When the server computed the report (ISO timestamp). */
  generatedAt?: string;
  /** The filters the server applied, as it echoed them. */
  filters?: Record<string, unknown>;
}

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

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
