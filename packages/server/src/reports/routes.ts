/**
 * Reports and exports of a questionnaire's responses, for admins and analysts (401 anonymous,
 * 403 other roles). Registered under /api/v1:
 *
 * - `GET /questionnaires/:id/report`: the index report (JSON) — `version`, `by`, `from`, `to`,
 *   `where.unit`, `where.unit:<level>`, `where.field`, `where.channel`, `utcOffset`;
 * - `GET /questionnaires/:id/progress`: responses per unit and channel against the planned sample —
 *   the same filters but `by` (every published version unless `version` says otherwise);
 * - `GET /questionnaires/:id/export/responses.csv|.xlsx`: one row per response — the report's
 *   filters, plus `titles=vi|en` (CSV: a second header row of question titles);
 * - `GET /questionnaires/:id/export/index.csv|.xlsx`: the index tables — the report's parameters
 *   plus `lang=vi|en` for node labels.
 *
 * An account limited to units sees only their responses (unit-scope.ts).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../auth/require-role.js';
import type { Database } from '../db/database.js';
import { attachment } from './content-disposition.js';
import { computeReport, reportBody, reportHeading } from './compute-report.js';
import { CSV_CONTENT_TYPE } from './csv-text.js';
import { indexCsv, indexXlsx, responsesCsv, responsesXlsx, textStream } from './exports.js';
import { countResponses, progressFigures } from './progress.js';
import { parseReportQuery, type OptionalParameter, type ReportQuery, type VersionSelector } from './report-query.js';
import { loadReportTarget, requireIndexModel, type AllVersions, type ReportTarget } from './report-target.js';
import { responseColumns } from './response-columns.js';
import { buildSelection, type ResponseSelection } from './response-selection.js';
import { checkRequestedUnits, checkUnitLevels, visibleUnits } from './unit-scope.js';
import { XLSX_CONTENT_TYPE } from './xlsx-writer.js';

interface IdRoute {
  Params: { id: string };
}
type IdRequest = FastifyRequest<IdRoute>;

interface PreparedRequest {
  query: ReportQuery;
  target: ReportTarget;
  /** Units the account may see (its own and those below), or null for every unit. */
  scope: ReadonlySet<string> | null;
  selection: ResponseSelection;
  /** The account's units as assigned, echoed in `filters.units`. */
  accountUnits: string[] | null;
}

interface PrepareOptions {
  accepts: readonly OptionalParameter[];
  defaultVersion?: VersionSelector;
  all?: AllVersions;
}

/** Reads the query, loads the questionnaire and works out the account's units: every refusal happens here, before any response is read. */
async function prepare(db: Database, request: IdRequest, options: PrepareOptions): Promise<PreparedRequest> {
  const query = parseReportQuery(request.query, options.accepts, options.defaultVersion);
  const target = await loadReportTarget(db, request.params.id, query.version, options.all);
  const trees = target.versions.map((entry) => entry.document.sipas?.units);
  checkUnitLevels(query.where, target.versions[0].document.sipas?.units);
  const accountUnits = request.user!.units;
  const scope = accountUnits === null ? null : visibleUnits(accountUnits, trees);
  checkRequestedUnits(scope, query.where, trees);
  return { query, target, scope, selection: buildSelection(target, query, scope), accountUnits };
}

function download(reply: FastifyReply, contentType: string, filename: string): FastifyReply {
  return reply.header('Content-Type', contentType).header('Content-Disposition', attachment(filename));
}

export const reportRoutes: FastifyPluginAsync<{ db: Database; now?: () => Date }> = async (app, { db, now = () => new Date() }) => {
  const analysts = { preHandler: requireRole('admin', 'analyst') };
  const reportParameters: OptionalParameter[] = ['by'];

  app.get<IdRoute>('/questionnaires/:id/report', analysts, async (request) => {
    const prepared = await prepare(db, request, { accepts: reportParameters });
    requireIndexModel(prepared.target);
    const report = await computeReport(db, prepared.target, prepared.query, prepared.selection);
    return reportBody(report, reportHeading(prepared.target, prepared.query, prepared.accountUnits, now()));
  });

  app.get<IdRoute>('/questionnaires/:id/progress', analysts, async (request) => {
    const prepared = await prepare(db, request, { accepts: [], defaultVersion: { kind: 'all' }, all: 'every' });
    const counts = await countResponses(db, prepared.selection);
    const units = prepared.target.latest.document.sipas?.units;
    return { ...reportHeading(prepared.target, prepared.query, prepared.accountUnits, now()), ...progressFigures(counts, prepared.target.plannedSample, units, prepared.scope) };
  });

  app.get<IdRoute>('/questionnaires/:id/export/responses.csv', analysts, async (request, reply) => {
    const { target, selection, query } = await prepare(db, request, { accepts: ['titles'] });
    const columns = responseColumns(target.versions[0].document);
    return download(reply, CSV_CONTENT_TYPE, `${target.id}-responses.csv`).send(textStream(responsesCsv(db, selection, columns, query.titles)));
  });

  app.get<IdRoute>('/questionnaires/:id/export/responses.xlsx', analysts, async (request, reply) => {
    const { target, selection } = await prepare(db, request, { accepts: [] });
    const columns = responseColumns(target.versions[0].document);
    return download(reply, XLSX_CONTENT_TYPE, `${target.id}-responses.xlsx`).send(responsesXlsx(db, selection, columns));
  });

  app.get<IdRoute>('/questionnaires/:id/export/index.csv', analysts, async (request, reply) => {
    const prepared = await prepare(db, request, { accepts: [...reportParameters, 'lang'] });
    requireIndexModel(prepared.target);
    const report = await computeReport(db, prepared.target, prepared.query, prepared.selection);
    return download(reply, CSV_CONTENT_TYPE, `${prepared.target.id}-index.csv`).send(indexCsv(report, prepared.query.lang));
  });

  app.get<IdRoute>('/questionnaires/:id/export/index.xlsx', analysts, async (request, reply) => {
    const prepared = await prepare(db, request, { accepts: [...reportParameters, 'lang'] });
    requireIndexModel(prepared.target);
    const report = await computeReport(db, prepared.target, prepared.query, prepared.selection);
    return download(reply, XLSX_CONTENT_TYPE, `${prepared.target.id}-index.xlsx`).send(indexXlsx(report, prepared.query.lang));
  });
};
