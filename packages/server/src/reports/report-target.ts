/**
 * What a report or export is about: the questionnaire, its planned sample, and the published
 * versions the request selects (the latest, one by number, or every version whose index can be
 * added to the latest's).
 */
import { message, type Questionnaire } from '@sipas/schema';
import type { Database } from '../db/database.js';
import { HttpError } from '../http/errors.js';
import { unknownQuestionnaire } from '../questionnaires/public-routes.js';
import { indexFingerprint } from './index-compatibility.js';
import type { VersionSelector } from './report-query.js';

export interface PublishedVersion {
  version: number;
  /** The published questionnaire, with `version` set to its version number. */
  document: Questionnaire;
}

export interface ReportTarget {
  id: string;
  /** Planned responses per unit id (`questionnaires.planned_sample`). */
  plannedSample: Record<string, number>;
  /** The newest published version: its title, units and index model describe the report. */
  latest: PublishedVersion;
  /** The versions selected, newest first; the first one describes the report (title, units, columns). */
  versions: [PublishedVersion, ...PublishedVersion[]];
}

interface QuestionnaireRow {
  planned_sample: unknown;
}

interface VersionRow {
  version: number;
  document: Questionnaire;
}

/** Unit id → planned count, keeping only whole numbers ≥ 0 (the column is free-form jsonb). */
function plannedCounts(value: unknown): Record<string, number> {
  const plan: Record<string, number> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return plan;
  for (const [unit, planned] of Object.entries(value as Record<string, unknown>)) {
    if (typeof planned === 'number' && Number.isInteger(planned) && planned >= 0) plan[unit] = planned;
  }
  return plan;
}

/**
 * What `version=all` takes: every published version whose index adds up with the latest's
 * (reports, exports), or every published version (collection progress).
 */
export type AllVersions = 'same-index' | 'every';

/** Loads the questionnaire and picks its versions; 404 when unknown or never published, 422 for a version that does not exist. */
export async function loadReportTarget(db: Database, id: string, selector: VersionSelector, all: AllVersions = 'same-index'): Promise<ReportTarget> {
  const [questionnaire] = (await db.query<QuestionnaireRow>('select planned_sample from questionnaires where id = $1', [id])).rows;
  if (!questionnaire) throw unknownQuestionnaire(id, '');
  const rows = (await db.query<VersionRow>('select version, document from questionnaire_versions where questionnaire_id = $1 order by version desc', [id])).rows;
  const published: PublishedVersion[] = rows.map((row) => ({ version: row.version, document: { ...row.document, version: row.version } }));
  const latest = published[0];
  if (!latest) {
    throw new HttpError(404, [{ path: '', code: 'not-published', message: message(`Bảng hỏi "${id}" chưa được phát hành`, `Questionnaire "${id}" has not been published`) }]);
  }
  let versions: [PublishedVersion, ...PublishedVersion[]];
  if (selector.kind === 'latest') {
    versions = [latest];
  } else if (selector.kind === 'exact') {
    const chosen = published.find((entry) => entry.version === selector.version);
    if (!chosen) {
      throw new HttpError(422, [{
        path: '/query/version',
        code: 'unknown-version',
        message: message(`Bảng hỏi chưa có phiên bản ${selector.version} (các phiên bản: ${published.map((p) => p.version).join(', ')})`, `The questionnaire has no version ${selector.version} (versions: ${published.map((p) => p.version).join(', ')})`),
      }]);
    }
    versions = [chosen];
  } else if (all === 'every') {
    versions = [latest, ...published.slice(1)];
  } else {
    const fingerprint = indexFingerprint(latest.document);
    // The latest is always its own match, so the list is never empty.
    versions = fingerprint === undefined ? [latest] : [latest, ...published.slice(1).filter((entry) => indexFingerprint(entry.document) === fingerprint)];
  }
  return { id, plannedSample: plannedCounts(questionnaire.planned_sample), latest, versions };
}

/** Reports need an index model; exports of responses do not. */
export function requireIndexModel(target: ReportTarget): void {
  if (!target.versions[0].document.sipas?.index) {
    throw new HttpError(409, [{
      path: '/sipas/index',
      code: 'no-index-model',
      message: message('Bảng hỏi không có mô hình chỉ số (sipas.index), nên không tính được chỉ số', 'The questionnaire has no index model (sipas.index), so no index can be computed'),
    }]);
  }
}
