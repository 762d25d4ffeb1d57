import type { Questionnaire } from '@sipas/schema';
import type { Database } from '../db/database.js';

export interface PublishedVersion {
  version: number;
  /** The questionnaire as published: immutable, its `version` set to this number. */
  document: Questionnaire;
  publishedAt: Date;
}

/** A published version of a questionnaire, the latest when `version` is omitted. */
export async function findPublishedVersion(db: Database, questionnaireId: string, version?: number): Promise<PublishedVersion | undefined> {
  const { rows } = await db.query<{ version: number; document: Questionnaire; published_at: Date }>(
    `select version, document, published_at from questionnaire_versions
     where questionnaire_id = $1 and ($2::int is null or version = $2::int)
     order by version desc limit 1`,
    [questionnaireId, version ?? null],
  );
  const row = rows[0];
  return row && { version: row.version, document: row.document, publishedAt: row.published_at };
}

/** True when a questionnaire (published or still a draft) has this id. */
export async function questionnaireExists(db: Database, questionnaireId: string): Promise<boolean> {
  const { rows } = await db.query('select 1 from questionnaires where id = $1', [questionnaireId]);
  return rows.length > 0;
}

/**
 * Publishes the current draft as the next version and returns its number, or undefined when there is
 * no such questionnaire. The questionnaire's row stays locked until the transaction ends, so two
 * publishes at once get consecutive numbers rather than the same one.
 */
export function publishDraft(db: Database, questionnaireId: string, publishedBy: number | null): Promise<number | undefined> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ draft: Questionnaire }>('select draft from questionnaires where id = $1 for update', [questionnaireId]);
    const draft = rows[0]?.draft;
    if (!draft) return undefined;
    const { rows: next } = await tx.query<{ version: number }>(
      'select coalesce(max(version), 0)::int + 1 as version from questionnaire_versions where questionnaire_id = $1',
      [questionnaireId],
    );
    const version = next[0]!.version;
    const document: Questionnaire = { ...draft, version };
    await tx.query('insert into questionnaire_versions (questionnaire_id, version, document, published_by) values ($1, $2, $3::text::jsonb, $4)', [
      questionnaireId,
      version,
      JSON.stringify(document),
      publishedBy,
    ]);
    return version;
  });
}

export interface NewQuestionnaire {
  questionnaire: Questionnaire;
  allowedOrigins: string[];
  plannedSample: Record<string, number>;
  createdBy: number | null;
}

/** Stores a new questionnaire's draft; false when the id is taken. */
export async function createQuestionnaire(db: Database, created: NewQuestionnaire): Promise<boolean> {
  const { rows } = await db.query(
    `insert into questionnaires (id, draft, allowed_origins, planned_sample, updated_by)
     values ($1, $2::text::jsonb, $3::text[], $4::text::jsonb, $5) on conflict (id) do nothing returning id`,
    [created.questionnaire.id, JSON.stringify(created.questionnaire), created.allowedOrigins, JSON.stringify(created.plannedSample), created.createdBy],
  );
  return rows.length > 0;
}
