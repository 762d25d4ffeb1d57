import type { FastifyPluginAsync } from 'fastify';
import { message, quote, validateQuestionnaire, type Hierarchy, type LocalizedString, type Questionnaire } from '@sipas/schema';
import { requireRole } from '../auth/require-role.js';
import type { Database } from '../db/database.js';
import { bodyObject } from '../http/body.js';
import { httpError, invalidBody } from '../http/errors.js';
import type { ServerContext } from '../server-context.js';
import { visibleUnits } from '../reports/unit-scope.js';
import { unknownQuestionnaire } from './public-routes.js';
import { createQuestionnaire, publishDraft, questionnaireExists } from './questionnaire-store.js';
import { checkAllowedOrigins, checkPlannedSample } from './settings.js';

/**
 * Designing and publishing questionnaires: editors and admins change them, every signed-in role
 * may read them. Paths sit beside the public `GET /questionnaires/:id` without clashing with it.
 */
export const questionnaireManagementRoutes: FastifyPluginAsync<ServerContext> = async (app, { db }) => {
  const signedIn = { preHandler: requireRole() };
  const editors = { preHandler: requireRole('editor', 'admin') };

  app.get('/questionnaires', signedIn, async (request) => {
    const { rows } = await db.query<ListRow>(
      // Units as published (the tree reports scope accounts by), not as the draft has them now.
      `select q.id, q.draft->'title' as title, q.updated_at,
         (select v.document->'sipas'->'units' from questionnaire_versions v where v.questionnaire_id = q.id order by v.version desc limit 1) as units,
         (select max(v.version) from questionnaire_versions v where v.questionnaire_id = q.id) as latest_version,
         (select count(*)::int from responses r where r.questionnaire_id = q.id) as response_count
       from questionnaires q order by q.id`,
    );
    const limitedTo = request.user!.units;
    return {
      questionnaires: await Promise.all(
        rows.map(async (row) => ({
          id: row.id,
          title: row.title,
          latestVersion: row.latest_version,
          draftUpdatedAt: row.updated_at.toISOString(),
          // An account limited to some units counts only theirs and those below them, as its reports do.
          responseCount: limitedTo === null ? row.response_count : await countInUnits(db, row.id, [...visibleUnits(limitedTo, [row.units ?? undefined])]),
        })),
      ),
    };
  });

  app.post('/questionnaires', editors, async (request, reply) => {
    const body = bodyObject(request.body);
    const questionnaire = checkQuestionnaire(body.questionnaire);
    const allowedOrigins = body.allowedOrigins === undefined ? [] : checkAllowedOrigins(body.allowedOrigins, '/allowedOrigins');
    const plannedSample = body.plannedSample === undefined ? {} : checkPlannedSample(body.plannedSample, '/plannedSample');
    const created = await createQuestionnaire(db, { questionnaire, allowedOrigins, plannedSample, createdBy: request.user!.id });
    if (!created) {
      throw httpError(409, '/questionnaire/id', 'questionnaire-exists', message(`Đã có bảng hỏi mã ${quote(questionnaire.id)}`, `A questionnaire with id ${quote(questionnaire.id)} already exists`));
    }
    return reply.code(201).send(await readDraft(db, questionnaire.id));
  });

  app.get<{ Params: { id: string } }>('/questionnaires/:id/draft', signedIn, async (request) => readDraft(db, request.params.id));

  app.put<{ Params: { id: string } }>('/questionnaires/:id/draft', editors, async (request) => {
    const { id } = request.params;
    const questionnaire = checkQuestionnaire(bodyObject(request.body).questionnaire);
    if (questionnaire.id !== id) {
      throw httpError(422, '/questionnaire/id', 'id-mismatch', message(`Mã bảng hỏi phải là ${quote(id)}, như trong địa chỉ`, `The questionnaire id must be ${quote(id)}, as in the address`));
    }
    const { rows } = await db.query('update questionnaires set draft = $2::text::jsonb, updated_at = now(), updated_by = $3 where id = $1 returning id', [
      id,
      JSON.stringify(questionnaire),
      request.user!.id,
    ]);
    if (rows.length === 0) throw unknownQuestionnaire(id, '');
    return readDraft(db, id);
  });

  app.patch<{ Params: { id: string } }>('/questionnaires/:id/settings', editors, async (request) => {
    const { id } = request.params;
    const body = bodyObject(request.body);
    const allowedOrigins = body.allowedOrigins === undefined ? null : checkAllowedOrigins(body.allowedOrigins, '/allowedOrigins');
    const plannedSample = body.plannedSample === undefined ? null : checkPlannedSample(body.plannedSample, '/plannedSample');
    const { rows } = await db.query<{ allowed_origins: string[]; planned_sample: Record<string, number> }>(
      `update questionnaires set
         allowed_origins = coalesce($2::text[], allowed_origins),
         planned_sample = coalesce($3::text::jsonb, planned_sample),
         updated_at = now(), updated_by = $4
       where id = $1 returning allowed_origins, planned_sample`,
      [id, allowedOrigins, plannedSample === null ? null : JSON.stringify(plannedSample), request.user!.id],
    );
    if (!rows[0]) throw unknownQuestionnaire(id, '');
    return { allowedOrigins: rows[0].allowed_origins, plannedSample: rows[0].planned_sample };
  });

  app.post<{ Params: { id: string } }>('/questionnaires/:id/publish', editors, async (request, reply) => {
    const version = await publishDraft(db, request.params.id, request.user!.id);
    if (version === undefined) throw unknownQuestionnaire(request.params.id, '');
    return reply.code(201).send({ version });
  });

  app.get<{ Params: { id: string } }>('/questionnaires/:id/versions', signedIn, async (request) => {
    const { id } = request.params;
    const { rows } = await db.query<{ version: number; published_at: Date; published_by: string | null }>(
      `select v.version, v.published_at, u.username as published_by from questionnaire_versions v
       left join users u on u.id = v.published_by where v.questionnaire_id = $1 order by v.version`,
      [id],
    );
    if (rows.length === 0 && !(await questionnaireExists(db, id))) throw unknownQuestionnaire(id, '');
    return { versions: rows.map((row) => ({ version: row.version, publishedAt: row.published_at.toISOString(), publishedBy: row.published_by })) };
  });
};

interface ListRow {
  id: string;
  title: LocalizedString | null;
  units: Hierarchy | null;
  updated_at: Date;
  latest_version: number | null;
  response_count: number;
}

async function countInUnits(db: Database, questionnaireId: string, units: string[]): Promise<number> {
  const { rows } = await db.query<{ count: number }>('select count(*)::int as count from responses where questionnaire_id = $1 and unit = any($2::text[])', [questionnaireId, units]);
  return rows[0]!.count;
}

/** The questionnaire in the body, checked by @sipas/schema; errors are located inside `/questionnaire`. */
function checkQuestionnaire(value: unknown): Questionnaire {
  if (value === undefined) throw httpError(422, '/questionnaire', 'required', message('Thiếu bảng hỏi (questionnaire)', 'The questionnaire is missing'));
  const result = validateQuestionnaire(value);
  if (!result.valid) throw invalidBody(result.errors.map((error) => ({ ...error, path: `/questionnaire${error.path}` })));
  return value as Questionnaire;
}

async function readDraft(db: Database, id: string) {
  const { rows } = await db.query<{
    draft: Questionnaire;
    allowed_origins: string[];
    planned_sample: Record<string, number>;
    updated_at: Date;
    updated_by: string | null;
    latest_version: number | null;
  }>(
    `select q.draft, q.allowed_origins, q.planned_sample, q.updated_at, u.username as updated_by,
       (select max(v.version) from questionnaire_versions v where v.questionnaire_id = q.id) as latest_version
     from questionnaires q left join users u on u.id = q.updated_by where q.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) throw unknownQuestionnaire(id, '');
  return {
    questionnaire: row.draft,
    allowedOrigins: row.allowed_origins,
    plannedSample: row.planned_sample,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
    latestVersion: row.latest_version,
  };
}
