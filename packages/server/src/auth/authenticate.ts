import type { FastifyReply, FastifyRequest } from 'fastify';
import { message } from '@sipas/schema';
import { httpError } from '../http/errors.js';
import type { ServerContext } from '../server-context.js';
import { sameSecret, hashSecret } from './secrets.js';
import { SESSION_COOKIE, sessionCookieOptions } from './sessions.js';
import { toAuthUser, USER_COLUMNS, type UserRow } from './user-rows.js';
import type { AuthUser } from './user.js';

/** How a request proved who it is. */
export type Authentication =
  | {
      method: 'session';
      sessionIdHash: string;
      csrfToken: string;
      /** False for an unsafe method without the session's X-CSRF-Token: request.user is then left unset. */
      csrfPassed: boolean;
      user: AuthUser;
    }
  | { method: 'token'; tokenId: number; user: AuthUser };

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Set once a route has asked who is asking (requireRole, authenticateRequest) and a valid session
     * cookie or API token came along. Public routes never ask, so for them it stays unset.
     */
    authentication?: Authentication;
  }
}

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

/** Per request, the authentication still to run, memoized: run at most once, by whoever asks first. */
const pendingAuthentication = new WeakMap<FastifyRequest, () => Promise<void>>();

/**
 * The onRequest hook that prepares the question "who is asking?" without answering it yet: the
 * answer (a database query) is worked out only when a route asks, through requireRole or
 * authenticateRequest. So public routes (a published questionnaire, POST /responses) and the pages
 * served beside the API treat every request as anonymous, whatever credentials it carries: a stale
 * cookie or a revoked token costs them nothing and never turns a citizen's submission into a 401.
 *
 * When asked: `Authorization: Bearer <token>` is an API token (no CSRF: a browser never adds it on
 * its own), and an unknown or revoked one is refused with 401 `invalid-token`; otherwise the
 * `sipas_session` cookie. A disabled account, a revoked token or an expired session is simply not
 * signed in, from the next request on.
 *
 * A cookie-authenticated unsafe request (POST, PUT, PATCH, DELETE) counts as signed in only with the
 * session's X-CSRF-Token header; without it request.user stays unset and requireRole answers 403
 * `csrf`, so no handler can act for the user on a forged request.
 */
export function authenticationHook(context: ServerContext) {
  return async function prepareAuthentication(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    let started: Promise<void> | undefined;
    pendingAuthentication.set(request, () => (started ??= authenticate(context, request, reply)));
  };
}

/**
 * Works out who is asking, once per request: sets request.authentication and request.user, or throws
 * 401 `invalid-token` for a bearer token that is not (or no longer) valid. requireRole calls it;
 * a route that only wants to know, without requiring anything, may call it too.
 */
export async function authenticateRequest(request: FastifyRequest): Promise<void> {
  await pendingAuthentication.get(request)?.();
}

async function authenticate(context: ServerContext, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const authorization = request.headers.authorization;
  const bearer = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  if (bearer) return authenticateToken(context, request, bearer[1]!);
  // Other schemes (Basic, from a reverse proxy's own login) are not ours to judge.
  const cookie = request.cookies[SESSION_COOKIE];
  if (cookie) await authenticateSession(context, request, reply, cookie);
}

async function authenticateToken(context: ServerContext, request: FastifyRequest, token: string): Promise<void> {
  const { rows } = await context.db.query<UserRow & { token_id: number }>(
    `select ${USER_COLUMNS}, t.id as token_id from api_tokens t join users u on u.id = t.user_id
     where t.token_hash = $1 and not u.disabled`,
    [hashSecret(token)],
  );
  const row = rows[0];
  if (!row) {
    throw httpError(401, '', 'invalid-token', message('Mã truy cập API không hợp lệ hoặc đã bị thu hồi', 'The API token is not valid or has been revoked'), {
      'WWW-Authenticate': 'Bearer',
    });
  }
  // Written at most once a minute per token, so a busy script does not turn every read into a write.
  await context.db.query(
    `update api_tokens set last_used_at = $2 where id = $1 and (last_used_at is null or last_used_at < $2::timestamptz - interval '1 minute')`,
    [row.token_id, context.now()],
  );
  const user = toAuthUser(row);
  request.user = user;
  request.authentication = { method: 'token', tokenId: row.token_id, user };
}

async function authenticateSession(context: ServerContext, request: FastifyRequest, reply: FastifyReply, cookie: string): Promise<void> {
  const sessionIdHash = hashSecret(cookie);
  const { rows } = await context.db.query<UserRow & { csrf_token: string }>(
    `select ${USER_COLUMNS}, s.csrf_token from sessions s join users u on u.id = s.user_id
     where s.id_hash = $1 and s.expires_at > $2 and not u.disabled`,
    [sessionIdHash, context.now()],
  );
  const row = rows[0];
  if (!row) {
    // Expired, signed out or disabled: the browser may as well forget the cookie.
    void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(context.secureCookies));
    return;
  }
  const header = request.headers[CSRF_HEADER];
  const csrfPassed = SAFE_METHODS.has(request.method) || (typeof header === 'string' && sameSecret(header, row.csrf_token));
  const user = toAuthUser(row);
  request.authentication = { method: 'session', sessionIdHash, csrfToken: row.csrf_token, csrfPassed, user };
  if (csrfPassed) request.user = user;
}
