import type { FastifyPluginAsync } from 'fastify';
import { message } from '@sipas/schema';
import { bodyObject, idParam } from '../http/body.js';
import { httpError, invalidBody, located } from '../http/errors.js';
import { clientKey } from '../http/rate-limiter.js';
import type { ServerContext } from '../server-context.js';
import { authenticateRequest } from './authenticate.js';
import { decoyPasswordHash, verifyPassword } from './passwords.js';
import { requireRole, requireSession } from './require-role.js';
import { hashSecret, newSecret } from './secrets.js';
import { createSession, endPresentedSession, SESSION_COOKIE, sessionCookieOptions } from './sessions.js';
import { toAuthUser, USER_COLUMNS, type UserRow } from './user-rows.js';
import { isUsernameShape, normalizeUsername } from './usernames.js';

const LOGIN_FAILED = message('Tên đăng nhập hoặc mật khẩu không đúng', 'Wrong username or password');
const MAX_TOKEN_NAME_LENGTH = 100;

const tooManySignIns = (waitSeconds: number) =>
  httpError(429, '', 'rate-limited', message('Đăng nhập sai quá nhiều lần; vui lòng thử lại sau ít phút', 'Too many failed sign-ins; please try again in a moment'), {
    'Retry-After': String(waitSeconds),
  });

/** Sign-in with a session cookie, sign-out, who am I, and each account's own API tokens. */
export const authRoutes: FastifyPluginAsync<ServerContext> = async (app, context) => {
  const { db, now } = context;

  app.post('/auth/login', async (request, reply) => {
    const body = bodyObject(request.body);
    const { username, password } = body;
    if (typeof username !== 'string' || typeof password !== 'string') {
      throw invalidBody([
        ...(typeof username === 'string' ? [] : [located('/username', 'required', message('Thiếu tên đăng nhập', 'The username is missing'))]),
        ...(typeof password === 'string' ? [] : [located('/password', 'required', message('Thiếu mật khẩu', 'The password is missing'))]),
      ]);
    }
    // Attempts are counted before the password is hashed, so a burst of parallel guesses cannot all
    // pass a check that none has counted yet (each hash costs 32 MiB and a thread), and given back
    // on success: only failures stay counted. Limits: per client, and per username from that client.
    // Not per username alone: then anyone could keep `admin` locked out from elsewhere. Client keys
    // live in memory for one minute only.
    const { loginsPerClient, loginsPerAccountAndClient } = context.limits;
    const takenAt = now();
    const client = clientKey(request.ip);
    const usernameKey = normalizeUsername(username);
    const accountKey = `${usernameKey}\n${client}`;
    const shaped = isUsernameShape(usernameKey);
    const clientWait = loginsPerClient.take(client);
    if (clientWait !== undefined) throw tooManySignIns(clientWait);
    const accountWait = shaped ? loginsPerAccountAndClient.take(accountKey) : undefined;
    if (accountWait !== undefined) {
      loginsPerClient.giveBack(client, takenAt);
      throw tooManySignIns(accountWait);
    }

    // No account has a name of another shape, so the database need not be asked; the decoy hash
    // still runs, so the answer takes as long as any other failure.
    const { rows } = shaped
      ? await db.query<UserRow & { password_hash: string }>(`select ${USER_COLUMNS}, u.password_hash from users u where u.username = $1`, [usernameKey])
      : { rows: [] };
    const row = rows[0];
    // An unknown name costs as much time as a wrong password: timing must not reveal which names exist.
    const passwordMatches = await verifyPassword(password, row?.password_hash ?? (await decoyPasswordHash()));
    if (!row || !passwordMatches || row.disabled) throw httpError(401, '', 'login-failed', LOGIN_FAILED);
    loginsPerClient.giveBack(client, takenAt);
    loginsPerAccountAndClient.giveBack(accountKey, takenAt);

    // A session presented with the sign-in ends here (session fixation: a cookie planted before
    // sign-in, or the previous user's on a shared computer, must not outlive it).
    await endPresentedSession(db, request.cookies[SESSION_COOKIE]);
    const session = await createSession(db, row.id, now());
    void reply.setCookie(SESSION_COOKIE, session.cookieValue, sessionCookieOptions(context.secureCookies, session.expiresAt));
    return { user: toAuthUser(row), csrfToken: session.csrfToken };
  });

  app.post('/auth/logout', async (request, reply) => {
    await authenticateRequest(request);
    const authentication = request.authentication;
    if (authentication?.method === 'session') {
      await requireRole()(request);
      await db.query('delete from sessions where id_hash = $1', [authentication.sessionIdHash]);
    }
    void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(context.secureCookies));
    return reply.code(204).send();
  });

  app.get('/auth/me', { preHandler: requireRole() }, async (request) => {
    const authentication = request.authentication!;
    return { user: authentication.user, ...(authentication.method === 'session' ? { csrfToken: authentication.csrfToken } : {}) };
  });

  app.get('/auth/tokens', { preHandler: requireRole() }, async (request) => {
    const { rows } = await db.query<TokenRow>('select id, name, created_at, last_used_at from api_tokens where user_id = $1 order by id', [request.user!.id]);
    return { tokens: rows.map(toToken) };
  });

  // A new token needs a session: a leaked token must not be able to mint others that outlive it.
  app.post('/auth/tokens', { preHandler: requireSession() }, async (request, reply) => {
    const { name } = bodyObject(request.body);
    if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_TOKEN_NAME_LENGTH) {
      throw httpError(422, '/name', 'required', message(`Cần tên cho mã truy cập (tối đa ${MAX_TOKEN_NAME_LENGTH} ký tự)`, `The token needs a name (at most ${MAX_TOKEN_NAME_LENGTH} characters)`));
    }
    // Shown once, here; only its hash is kept, so a lost token is revoked and replaced, never recovered.
    const token = `sipas_${newSecret()}`;
    const { rows } = await db.query<TokenRow>(
      'insert into api_tokens (user_id, name, token_hash, created_at) values ($1, $2, $3, $4) returning id, name, created_at, last_used_at',
      [request.user!.id, name.trim(), hashSecret(token), now()],
    );
    return reply.code(201).send({ ...toToken(rows[0]!), token });
  });

  app.delete<{ Params: { id: string } }>('/auth/tokens/:id', { preHandler: requireRole() }, async (request, reply) => {
    const id = idParam(request.params.id);
    // One's own tokens; an admin may revoke anyone's (a leaked token of a colleague on leave).
    const { rows } = await db.query('delete from api_tokens where id = $1 and (user_id = $2 or $3) returning id', [id, request.user!.id, request.user!.role === 'admin']);
    if (rows.length === 0) throw httpError(404, '', 'unknown-token', message('Không có mã truy cập này', 'No such token'));
    return reply.code(204).send();
  });
};

interface TokenRow {
  id: number;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
}

const toToken = (row: TokenRow) => ({ id: row.id, name: row.name, createdAt: row.created_at.toISOString(), lastUsedAt: row.last_used_at?.toISOString() ?? null });
