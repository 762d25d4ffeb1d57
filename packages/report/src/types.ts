/**
 * What <sipas-report> takes in: the index engine's report (as computeIndex returns it, or as the
 * server wraps it), collection progress, and the filters it sends to the server.
 */
import type { IndexReport } from '@sipas/index';
import type { Channel, LocalizedString } from '@sipas/schema';

/** The filters of the dashboard's form, also the `detail` of `sipas-report-filter-change`. Empty ones are left out. */
export interface ReportFilters {
  /** First day, `YYYY-MM-DD`, inclusive. */
  from?: string;
  /** Last day, `YYYY-MM-DD`, inclusive. */
  to?: string;
  /** A unit id of the questionnaire's `sipas.units`. */
  unit?: string;
  /** A service field id of `sipas.serviceFields`. */
  field?: string;
  channel?: Channel;
}

/** The filter names, in the order of the form and of the query string. */
export const FILTER_NAMES = ['from', 'to', 'unit', 'field', 'channel'] as const;

export type FilterName = (typeof FILTER_NAMES)[number];

/**
 * A report as `GET /api/v1/questionnaires/:id/report` returns it: the engine's IndexReport with the
 * questionnaire's title, when it was computed and the filters applied.
 */
export type ServerReport = Omit<IndexReport, 'questionnaire'> & {
  questionnaire: { id: string; version?: number; versions?: number[]; title?: LocalizedString };
  generatedAt?: string;
  /** The server's echo: `{ version, versions, by, from, to, where: { unit: [...], … }, utcOffset, units }`. */
  filters?: Record<string, unknown>;
};

/** The same, with the engine's report nested under `report` instead of spread. */
export interface WrappedReport {
  questionnaire?: { id: string; version?: number; title?: LocalizedString };
  generatedAt?: string;
  filters?: Record<string, unknown>;
  report: IndexReport;
}

/** Anything the `report` property accepts. */
export type ReportInput = IndexReport | ServerReport | WrappedReport;

/** One unit's collection against its plan. */
export interface ProgressUnit {
  /** The unit id; null for the responses that name no unit. */
  unit: string | null;
  /** The unit's name; else the questionnaire's unit tree names it. */
  label?: LocalizedString | null;
  /** Responses planned (the unit's sample size); null or absent without a plan. */
  planned?: number | null;
  collected: number;
  /** collected / planned as a fraction (0.5 = half); worked out from the counts when both are there. */
  share?: number | null;
  /** Responses per channel (not shown per unit). */
  byChannel?: Partial<Record<Channel | string, number>>;
}

/** What `GET /api/v1/questionnaires/:id/progress` returns (its heading aside), and the `progress` property takes. */
export interface CollectionProgress {
  units: ProgressUnit[];
  /** Responses collected in all, or the totals with the plan. */
  total?: number | { planned?: number | null; collected: number; share?: number | null; byChannel?: Partial<Record<Channel | string, number>> };
  /** Responses collected per channel; channels at 0 are not shown. */
  byChannel?: Partial<Record<Channel | string, number>>;
  /** ISO timestamp of the last response received, or null. */
  lastReceivedAt?: string | null;
}
