/**
 * The index report of a request: the selected responses are streamed from the database in
 * batches into one IndexAccumulator per version (each response counted with its own version's
 * logic), which are then merged (report-target.ts only selects versions whose counters line up).
 */
import { IndexAccumulator, IndexError, type Dimension, type IndexOptions, type IndexReport } from '@sipas/index';
import type { LocalizedString } from '@sipas/schema';
import type { Database } from '../db/database.js';
import { HttpError } from '../http/errors.js';
import type { ReportQuery } from './report-query.js';
import type { ReportTarget } from './report-target.js';
import { responseBatches, type ResponseSelection } from './response-selection.js';

/** What the report was asked for and what limited it, echoed in the report. */
export interface ReportFilters {
  /** As asked: `latest`, `all` or a version number. */
  version: 'latest' | 'all' | number;
  /** The versions whose responses are counted, newest first. */
  versions: number[];
  by: Dimension[];
  from?: string;
  to?: string;
  where: ReportQuery['where'];
  utcOffset: string;
  /** The units the account is limited to, as assigned (the units below them are included); null for every unit. */
  units: string[] | null;
}

/** The body of `GET /questionnaires/:id/report`. */
export type ReportBody = ReportHeading & Omit<IndexReport, 'questionnaire'>;

/** Where an option problem of the engine is, in the request's query string. */
function queryPath(enginePath: string): string {
  if (enginePath.startsWith('/by/')) return '/query/by';
  if (enginePath.startsWith('/where/')) return `/query/where.${enginePath.slice('/where/'.length)}`;
  return `/query${enginePath}`;
}

/** The engine's options for a request: its grouping, days and filters. */
export function engineOptions(query: ReportQuery): IndexOptions {
  const options: IndexOptions = { by: query.by, utcOffset: query.utcOffset };
  if (query.from !== undefined) options.from = query.from;
  if (query.to !== undefined) options.to = query.to;
  if (Object.keys(query.where).length > 0) options.where = query.where as Partial<Record<Dimension, string[]>>;
  return options;
}

/**
 * One accumulator per selected version. The older ones carry the primary version's number so that
 * the engine lets them merge (it refuses accumulators of different questionnaires); report-target.ts
 * has checked that their index model and the questions it reads are the same.
 */
export function createAccumulators(target: ReportTarget, options: IndexOptions): Map<number, IndexAccumulator> {
  const primary = target.versions[0].version;
  const accumulators = new Map<number, IndexAccumulator>();
  try {
    for (const entry of target.versions) accumulators.set(entry.version, new IndexAccumulator({ ...entry.document, version: primary }, options));
  } catch (error) {
    if (!(error instanceof IndexError)) throw error;
    const aboutOptions = error.code === 'unknown-dimension' || error.code === 'invalid-date' || error.code === 'invalid-utc-offset';
    throw new HttpError(aboutOptions ? 422 : 409, [{ path: aboutOptions ? queryPath(error.path) : error.path, code: error.code, message: error.localized }]);
  }
  return accumulators;
}

/** Streams the selection into the accumulators and gives the merged report. */
export async function computeReport(db: Database, target: ReportTarget, query: ReportQuery, selection: ResponseSelection): Promise<IndexReport> {
  const accumulators = createAccumulators(target, engineOptions(query));
  for await (const batch of responseBatches(db, selection)) {
    for (const row of batch) accumulators.get(row.questionnaire_version)?.add(row.document);
  }
  const [primary, ...older] = target.versions.map((entry) => accumulators.get(entry.version)!);
  for (const accumulator of older) primary!.merge(accumulator);
  return primary!.result();
}

/** What every report-like answer starts with: which questionnaire, when, and under which filters. */
export interface ReportHeading {
  questionnaire: { id: string; version: number; versions: number[]; title: LocalizedString };
  generatedAt: string;
  filters: ReportFilters;
}

export function reportHeading(target: ReportTarget, query: ReportQuery, accountUnits: string[] | null, now = new Date()): ReportHeading {
  const primary = target.versions[0];
  const filters: ReportFilters = {
    version: query.version.kind === 'exact' ? query.version.version : query.version.kind,
    versions: target.versions.map((entry) => entry.version),
    by: query.by,
    where: query.where,
    utcOffset: query.utcOffset,
    units: accountUnits,
  };
  if (query.from !== undefined) filters.from = query.from;
  if (query.to !== undefined) filters.to = query.to;
  return {
    questionnaire: { id: target.id, version: primary.version, versions: filters.versions, title: primary.document.title },
    generatedAt: now.toISOString(),
    filters,
  };
}

/** Wraps the engine's report with what the dashboard shows around it. */
export function reportBody(report: IndexReport, heading: ReportHeading): ReportBody {
  const { questionnaire: _engineQuestionnaire, ...figures } = report;
  return { ...heading, ...figures };
}
