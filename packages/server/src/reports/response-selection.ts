/**
 * The responses a request covers, as SQL: questionnaire, versions, submission instants, units,
 * service fields, channels. They are read in batches by keyset pagination on `response_id` (no
 * server-side cursor, so it works alike on PGlite and on a PostgreSQL pool), so memory holds one
 * batch however many responses there are.
 */
import type { Response } from '@sipas/schema';
import type { Database } from '../db/database.js';
import { submittedRange, type ReportQuery } from './report-query.js';
import type { ReportTarget } from './report-target.js';
import { selectedUnits } from './unit-scope.js';

export interface ResponseSelection {
  questionnaireId: string;
  versions: number[];
  /** `submitted_at >= submittedFrom` (an instant with its offset). */
  submittedFrom?: string;
  /** `submitted_at < submittedBefore`. */
  submittedBefore?: string;
  /** Undefined: any unit, and none. Empty: nothing is selected. */
  units?: string[];
  fields?: string[];
  channels?: string[];
}

export interface ResponseRow {
  response_id: string;
  questionnaire_version: number;
  received_at: Date | string;
  unit: string | null;
  service_field: string | null;
  document: Response;
}

/** Responses per query: large enough to keep round trips few, small enough to keep memory flat. */
export const DEFAULT_BATCH_SIZE = 500;

/** The selection for a request: its filters, narrowed to the units the account may see (`scope`, null for all). */
export function buildSelection(target: ReportTarget, query: ReportQuery, scope: ReadonlySet<string> | null): ResponseSelection {
  const trees = target.versions.map((entry) => entry.document.sipas?.units);
  const range = submittedRange(query.from, query.to, query.utcOffset);
  const selection: ResponseSelection = { questionnaireId: target.id, versions: target.versions.map((entry) => entry.version) };
  if (range.start !== undefined) selection.submittedFrom = range.start;
  if (range.end !== undefined) selection.submittedBefore = range.end;
  const units = selectedUnits(scope, query.where, trees);
  if (units !== undefined) selection.units = [...units].sort();
  if (query.where.field) selection.fields = query.where.field;
  if (query.where.channel) selection.channels = query.where.channel;
  return selection;
}

/** The `where` conditions of a selection; its parameters are appended to `params` ($n numbering continues from there). */
export function selectionConditions(selection: ResponseSelection, params: unknown[]): string {
  const parameter = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions = [`questionnaire_id = ${parameter(selection.questionnaireId)}`, `questionnaire_version = any(${parameter(selection.versions)}::int[])`];
  if (selection.submittedFrom !== undefined) conditions.push(`submitted_at >= ${parameter(selection.submittedFrom)}::timestamptz`);
  if (selection.submittedBefore !== undefined) conditions.push(`submitted_at < ${parameter(selection.submittedBefore)}::timestamptz`);
  if (selection.units !== undefined) conditions.push(`unit = any(${parameter(selection.units)}::text[])`);
  if (selection.fields !== undefined) conditions.push(`service_field = any(${parameter(selection.fields)}::text[])`);
  if (selection.channels !== undefined) conditions.push(`channel = any(${parameter(selection.channels)}::text[])`);
  return conditions.join(' and ');
}

/** The selected responses in `response_id` order, one batch at a time. */
export async function* responseBatches(db: Database, selection: ResponseSelection, batchSize = DEFAULT_BATCH_SIZE): AsyncGenerator<ResponseRow[]> {
  let after: string | undefined;
  for (;;) {
    const params: unknown[] = [];
    let conditions = selectionConditions(selection, params);
    if (after !== undefined) {
      params.push(after);
      conditions += ` and response_id > $${params.length}`;
    }
    params.push(batchSize);
    const { rows } = await db.query<ResponseRow>(
      `select response_id, questionnaire_version, received_at, unit, service_field, document from responses where ${conditions} order by response_id limit $${params.length}`,
      params,
    );
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.response_id;
  }
}
