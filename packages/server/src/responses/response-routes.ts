import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { checkResponse } from '@sipas/core';
import { message, quote, type Response } from '@sipas/schema';
import type { Database } from '../db/database.js';
import { httpError, invalidBody, located, MESSAGES } from '../http/errors.js';
import { isSameOrigin, originOf } from '../http/origins.js';
import { clientKey } from '../http/rate-limiter.js';
import { findUnstorableText, unstorableText } from '../http/unstorable-text.js';
import { unknownQuestionnaire } from '../questionnaires/public-routes.js';
import { findPublishedVersion, type PublishedVersion } from '../questionnaires/questionnaire-store.js';
import type { ServerContext } from '../server-context.js';
import { findReceipt, storeResponse } from './response-store.js';

const ALLOW_ORIGIN = 'Access-Control-Allow-Origin';
const ORIGIN_NOT_ALLOWED = message('Trang này không được gửi phiếu tới đây', 'This site may not send responses here');

/**
 * `POST /responses`: the collector's contract with the browser outbox (scripts/dev-collector.mjs,
 * packages/form/src/outbox/transport.ts). 201 with a receipt on first delivery; 200 with the same
 * receipt for a repeat of the responseId, not checked again; 422 located errors; 404 unknown
 * questionnaire or version; 409 a second paper form with the same serial; 413, 400, 415 from the
 * error handler; 429 with Retry-After.
 *
 * SIPAS is anonymous: nothing here stores an IP address or a user agent. The client's address is
 * used only as the rate limit's key, in memory, for one minute.
 *
 * CORS: the browser first asks (preflight, before the questionnaire is known) and is answered yes
 * for any origin some questionnaire allows; the POST itself is then judged against the allowed
 * origins of the questionnaire its body names: `Access-Control-Allow-Origin` echoed when listed,
 * 403 `origin-not-allowed` otherwise. Same-origin requests and clients that send no Origin (scripts,
 * other servers) are always allowed. Errors raised before the body is read (413, 400, 429) carry the
 * preflight's answer, so the outbox can read them and give up or wait as it should.
 */
export const responseRoutes: FastifyPluginAsync<ServerContext> = async (app, context) => {
  const { db } = context;

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('Vary', 'Origin').header('Access-Control-Expose-Headers', 'Retry-After');
    const origin = originOf(request);
    if (origin && !isSameOrigin(request, origin) && (await isAllowedByAnyQuestionnaire(db, origin))) void reply.header(ALLOW_ORIGIN, origin);
  });

  app.options('/responses', async (request, reply) => {
    const origin = originOf(request);
    if (origin && !isSameOrigin(request, origin) && !reply.hasHeader(ALLOW_ORIGIN)) throw httpError(403, '', 'origin-not-allowed', ORIGIN_NOT_ALLOWED);
    void reply.headers({
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Max-Age': '600',
    });
    // Chrome's Private Network Access: a public portal embedding a form that posts to an intranet collector.
    if (request.headers['access-control-request-private-network'] === 'true') void reply.header('Access-Control-Allow-Private-Network', 'true');
    return reply.code(204).send();
  });

  // Published versions never change: each is read and parsed once, and the engine keeps what it
  // prepares per questionnaire object (compiled conditions) for every later response to it.
  const publishedVersions = new Map<string, PublishedVersion>();
  const publishedVersion = async (questionnaireId: string, version: number): Promise<PublishedVersion | undefined> => {
    const key = `${questionnaireId}@${version}`;
    const known = publishedVersions.get(key);
    if (known) return known;
    const found = await findPublishedVersion(db, questionnaireId, version);
    if (found) publishedVersions.set(key, found);
    return found;
  };

  const rateLimit = async (request: FastifyRequest) => {
    const wait = context.limits.responses.take(clientKey(request.ip));
    if (wait !== undefined) throw httpError(429, '', 'rate-limited', MESSAGES.rateLimited, { 'Retry-After': String(wait) });
  };

  app.post('/responses', { onRequest: rateLimit, config: { checksOwnBody: true } }, async (request, reply) => {
    const document = request.body;
    const body = isRecord(document) ? document : {};
    const responseId = typeof body.responseId === 'string' ? body.responseId : undefined;

    // The responseId is the idempotency key: a repeat gets the first delivery's receipt and is not
    // checked again (the questionnaire may have changed since; what was accepted stays accepted).
    if (responseId !== undefined && findUnstorableText(responseId, '') === undefined) {
      const earlier = await findReceipt(db, responseId);
      if (earlier) {
        applyOriginPolicy(request, reply, (await findTarget(db, earlier.questionnaireId))?.allowedOrigins ?? []);
        return reply.code(200).send({ receipt: earlier.receipt });
      }
    }
    const unstorable = findUnstorableText(document, '');
    if (unstorable !== undefined) throw unstorableText(unstorable);

    const questionnaire = isRecord(body.questionnaire) ? body.questionnaire : {};
    const questionnaireId = typeof questionnaire.id === 'string' ? questionnaire.id : undefined;
    if (responseId === undefined || questionnaireId === undefined) {
      throw invalidBody([
        ...(responseId === undefined ? [located('/responseId', 'required', message('Thiếu mã phiếu (responseId)', 'The responseId is missing'))] : []),
        ...(questionnaireId === undefined ? [located('/questionnaire/id', 'required', message('Thiếu mã bảng hỏi', 'The questionnaire id is missing'))] : []),
      ]);
    }
    const target = await findTarget(db, questionnaireId);
    if (!target) throw unknownQuestionnaire(questionnaireId, '/questionnaire/id');
    applyOriginPolicy(request, reply, target.allowedOrigins);

    const version = questionnaire.version;
    // Versions are PostgreSQL integers: a larger number cannot name one.
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > 2_147_483_647) {
      throw httpError(422, '/questionnaire/version', 'required', message('Thiếu số phiên bản bảng hỏi (số nguyên dương)', 'The questionnaire version (a positive integer) is missing'));
    }
    const published = await publishedVersion(questionnaireId, version);
    if (!published) {
      throw httpError(404, '/questionnaire/version', 'unknown-version', message(`Bảng hỏi ${quote(questionnaireId)} không có phiên bản ${version}`, `Questionnaire ${quote(questionnaireId)} has no version ${version}`));
    }
    // Checked against the very version the respondent filled in: format, answers, and the logic
    // that needs the engine (hidden questions answered, required visible questions).
    const checked = checkResponse(published.document, document);
    if (!checked.valid) throw invalidBody(checked.errors);

    const outcome = await storeResponse(db, published.document, document as Response, context.now());
    if (outcome.kind === 'duplicate-serial') {
      // One response per paper form: a second one with the same printed serial (typed twice, or on
      // two devices) is refused for good, not stored beside the first.
      throw httpError(409, '/paper/serial', 'duplicate-serial', message(`Phiếu giấy số ${quote(outcome.serial)} đã được nhập`, `Paper form ${quote(outcome.serial)} has already been entered`));
    }
    return reply.code(outcome.kind === 'stored' ? 201 : 200).send({ receipt: outcome.receipt });
  });
};

/** A questionnaire that takes responses (has a published version), with the origins allowed to post to it. */
async function findTarget(db: Database, questionnaireId: string): Promise<{ allowedOrigins: string[] } | undefined> {
  const { rows } = await db.query<{ allowed_origins: string[] }>(
    `select q.allowed_origins from questionnaires q
     where q.id = $1 and exists (select 1 from questionnaire_versions v where v.questionnaire_id = q.id)`,
    [questionnaireId],
  );
  return rows[0] && { allowedOrigins: rows[0].allowed_origins };
}

/** Lets a cross-origin POST through only from the questionnaire's allowed origins (see above). */
function applyOriginPolicy(request: FastifyRequest, reply: FastifyReply, allowedOrigins: readonly string[]): void {
  const origin = originOf(request);
  if (!origin || isSameOrigin(request, origin)) return;
  if (allowedOrigins.includes(origin)) {
    void reply.header(ALLOW_ORIGIN, origin);
    return;
  }
  void reply.removeHeader(ALLOW_ORIGIN);
  throw httpError(403, '/questionnaire/id', 'origin-not-allowed', ORIGIN_NOT_ALLOWED);
}

async function isAllowedByAnyQuestionnaire(db: Database, origin: string): Promise<boolean> {
  const { rows } = await db.query('select 1 from questionnaires where $1 = any(allowed_origins) limit 1', [origin]);
  return rows.length > 0;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
