import type { FastifyPluginAsync } from 'fastify';
import { message, quote } from '@sipas/schema';
import { sendCacheable } from '../http/caching.js';
import { httpError } from '../http/errors.js';
import type { ServerContext } from '../server-context.js';
import { findPublishedVersion } from './questionnaire-store.js';

export const unknownQuestionnaire = (id: string, path: string) =>
  httpError(404, path, 'unknown-questionnaire', message(`Không có bảng hỏi ${quote(id)}`, `No questionnaire ${quote(id)}`));

/**
 * Published questionnaires, for the forms that citizens fill in. They are public documents, so any
 * site may read them (`Access-Control-Allow-Origin: *`, no credentials); where responses may be
 * posted from is decided per questionnaire at POST /responses.
 */
export const publicQuestionnaireRoutes: FastifyPluginAsync<ServerContext> = async (app, { db }) => {
  app.addHook('onRequest', async (_request, reply) => {
    void reply.header('Access-Control-Allow-Origin', '*');
  });

  // The latest version: cached briefly, so a new publication reaches forms within a minute.
  app.get<{ Params: { id: string } }>('/questionnaires/:id', async (request, reply) => {
    const published = await findPublishedVersion(db, request.params.id);
    if (!published) throw unknownQuestionnaire(request.params.id, '');
    return sendCacheable(request, reply, published.document, `"v${published.version}"`, 'public, max-age=60');
  });

  // One numbered version never changes once published: cached for good.
  app.get<{ Params: { id: string; version: string } }>('/questionnaires/:id/versions/:version', async (request, reply) => {
    const { id, version: versionText } = request.params;
    const version = /^[1-9][0-9]{0,8}$/.test(versionText) ? Number(versionText) : undefined;
    const published = version === undefined ? undefined : await findPublishedVersion(db, id, version);
    if (!published) {
      throw httpError(404, '', 'unknown-version', message(`Bảng hỏi ${quote(id)} không có phiên bản ${quote(versionText)}`, `Questionnaire ${quote(id)} has no version ${quote(versionText)}`));
    }
    return sendCacheable(request, reply, published.document, `"v${published.version}"`, 'public, max-age=31536000, immutable');
  });
};
