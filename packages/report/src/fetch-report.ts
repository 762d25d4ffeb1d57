/**
 * Fetching mode: the report, the trend by period and the collection progress of one questionnaire
 * from the SIPAS server, with the staff member's session cookie, and what went wrong in words.
 */
import type { LocalizedString, Questionnaire } from '@sipas/schema';
import { bothLanguages } from './i18n.js';
import { normalizeReport, type NormalizedReport } from './report-model.js';
import { FILTER_NAMES, type CollectionProgress, type ReportFilters } from './types.js';

export type ReportErrorKind = 'unauthorized' | 'forbidden' | 'not-found' | 'http' | 'network' | 'invalid';

/** Why the report could not be shown: a stable kind, the HTTP status, and the message in both languages. */
export interface ReportLoadProblem {
  kind: ReportErrorKind;
  /** HTTP status, 0 when the server was not reached. */
  status: number;
  message: { vi: string; en: string };
  /** What the server said, when it said something readable. */
  detail?: LocalizedString;
}

export interface ReportRequest {
  /** Base URL of the server (`https://sipas.example.gov.vn`); empty for the page's own origin. */
  server: string;
  questionnaireId: string;
  filters: ReportFilters;
  /** Dimension of the ranking (`unit`, `unit:province`). */
  by: string;
  /** Dimension of the trend (`month`, `quarter`, `half`, `year`). */
  period: string;
  /** Also fetch the published questionnaire, for names the report does not carry. */
  withQuestionnaire: boolean;
  signal: AbortSignal;
}

export interface FetchedReport {
  report: NormalizedReport;
  trend?: NormalizedReport;
  progress?: CollectionProgress;
  questionnaire?: Questionnaire;
}

export class ReportFetchError extends Error {
  constructor(readonly problem: ReportLoadProblem) {
    super(problem.message.en);
    this.name = 'ReportFetchError';
  }
}

/**
 * The server's name of each filter: days as they are, the others as `where.<dimension>` (the
 * server refuses unknown parameters, so a misspelt filter never widens a report).
 */
export const FILTER_PARAMETERS = { from: 'from', to: 'to', unit: 'where.unit', field: 'where.field', channel: 'where.channel' } as const satisfies Record<
  (typeof FILTER_NAMES)[number],
  string
>;

/** `${server}/api/v1/questionnaires/${id}${path}` with the filters (and extra parameters) in the query. */
export function reportUrl(server: string, questionnaireId: string, path: string, filters: ReportFilters, extra: Record<string, string> = {}): string {
  const base = server.trim().replace(/\/+$/, '');
  const query = new URLSearchParams(extra);
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value) query.set(FILTER_PARAMETERS[name], value);
  }
  const search = query.toString();
  return `${base}/api/v1/questionnaires/${encodeURIComponent(questionnaireId)}${path}${search ? `?${search}` : ''}`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isLocalized = (value: unknown): value is LocalizedString => typeof value === 'string' || (isObject(value) && typeof value.vi === 'string');

/** The readable part of an error body: `{ errors: [{ message }] }`, `{ message }` or `{ error }`, else short plain text. */
function errorDetail(body: string): LocalizedString | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (isObject(parsed)) {
      const first = Array.isArray(parsed.errors) ? parsed.errors[0] : undefined;
      if (isObject(first) && isLocalized(first.message)) return first.message;
      if (isLocalized(parsed.message)) return parsed.message;
      if (isLocalized(parsed.error)) return parsed.error;
      if (isObject(parsed.error) && isLocalized(parsed.error.message)) return parsed.error.message;
    }
  } catch {
    // Not JSON: a proxy's or a static server's text.
  }
  const plain = body.trim();
  // An HTML page (a portal's login page, a proxy error) is not a message to show.
  if (plain === '' || plain.length > 300 || plain.startsWith('<')) return undefined;
  return plain;
}

function problemOf(status: number, questionnaireId: string, detail: LocalizedString | undefined): ReportLoadProblem {
  const withDetail = detail === undefined ? {} : { detail };
  if (status === 401) return { kind: 'unauthorized', status, message: bothLanguages('errorUnauthorized'), ...withDetail };
  if (status === 403) return { kind: 'forbidden', status, message: bothLanguages('errorForbidden'), ...withDetail };
  if (status === 404) return { kind: 'not-found', status, message: bothLanguages('errorNotFound', questionnaireId), ...withDetail };
  return { kind: 'http', status, message: bothLanguages('errorHttp', status), ...withDetail };
}

async function getJson(url: string, questionnaireId: string, signal: AbortSignal): Promise<unknown> {
  let reply: Response;
  try {
    reply = await fetch(url, { credentials: 'include', headers: { Accept: 'application/json' }, signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ReportFetchError({ kind: 'network', status: 0, message: bothLanguages('errorNetwork') });
  }
  const body = await reply.text();
  if (!reply.ok) throw new ReportFetchError(problemOf(reply.status, questionnaireId, errorDetail(body)));
  try {
    return JSON.parse(body);
  } catch {
    throw new ReportFetchError({ kind: 'invalid', status: reply.status, message: bothLanguages('errorInvalid') });
  }
}

/** Undefined instead of an error, for the parts the dashboard can do without. */
const optional = <T>(promise: Promise<T>, signal: AbortSignal): Promise<T | undefined> =>
  promise.catch((error: unknown) => {
    if (signal.aborted) throw error;
    return undefined;
  });

/**
 * Fetches the report (ranking by `by`), the trend (by `period`), the progress and, when asked, the
 * questionnaire, in parallel. Only the report is required: without it this rejects with a
 * ReportFetchError; the other parts are left out when the server does not have them.
 */
export async function fetchReport(request: ReportRequest): Promise<FetchedReport> {
  const { server, questionnaireId, filters, signal } = request;
  const reportPromise = getJson(reportUrl(server, questionnaireId, '/report', filters, { by: request.by }), questionnaireId, signal);
  const trendPromise = optional(getJson(reportUrl(server, questionnaireId, '/report', filters, { by: request.period }), questionnaireId, signal), signal);
  const progressPromise = optional(getJson(reportUrl(server, questionnaireId, '/progress', filters), questionnaireId, signal), signal);
  const questionnairePromise = request.withQuestionnaire
    ? optional(getJson(reportUrl(server, questionnaireId, '', {}), questionnaireId, signal), signal)
    : Promise.resolve(undefined);
  // Settle everything before answering, so nothing is left running (or rejecting unheard) behind a failed report.
  const [report, trend, progress, questionnaire] = await Promise.allSettled([reportPromise, trendPromise, progressPromise, questionnairePromise]);
  if (report.status === 'rejected') throw report.reason;
  const normalized = normalizeReport(report.value);
  if (!normalized) throw new ReportFetchError({ kind: 'invalid', status: 200, message: bothLanguages('errorInvalid') });
  const value = <T>(settled: PromiseSettledResult<T>): T | undefined => (settled.status === 'fulfilled' ? settled.value : undefined);
  const trendReport = normalizeReport(value(trend));
  const progressValue = value(progress);
  const questionnaireValue = value(questionnaire);
  return {
    report: normalized,
    ...(trendReport ? { trend: trendReport } : {}),
    ...(isObject(progressValue) && Array.isArray(progressValue.units) ? { progress: progressValue as unknown as CollectionProgress } : {}),
    ...(isObject(questionnaireValue) && Array.isArray(questionnaireValue.pages) ? { questionnaire: questionnaireValue as unknown as Questionnaire } : {}),
  };
}
