import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { createServer, type Database } from '@sipas/server';
import { clientKey, RateLimiter } from '../src/http/rate-limiter.js';
import { counterResponse, publishCounter } from './helpers/fixtures.js';
import { ADMIN, ApiClient, createAccount, errorCodes, signIn, startServer, type TestServer } from './helpers/http.js';
import { openTestDatabase, type TestDatabase } from './helpers/test-database.js';

/** `db`, counting the statements whose SQL matches `pattern` (to prove a request did not ask the database). */
function countingDatabase(db: Database, pattern: RegExp): { db: Database; count(): number } {
  let count = 0;
  const counting: Database = {
    kind: db.kind,
    query: (text, params) => {
      if (pattern.test(text)) count++;
      return db.query(text, params);
    },
    transaction: (work) => db.transaction(work),
    close: () => db.close(),
  };
  return { db: counting, count: () => count };
}

describe('accounts, sessions and API tokens', () => {
  let database: TestDatabase;
  let test: TestServer;
  let clock = new Date('2025-03-04T08:00:00.000Z');
  let admin: ApiClient;

  before(async () => {
    database = await openTestDatabase();
    test = await startServer(database.db, { now: () => clock });
    admin = await signIn(test.baseUrl, ADMIN.username, ADMIN.password);
  });
  after(async () => {
    await test.close();
    await database.close();
  });

  describe('POST /auth/login', () => {
    it('should answer the user and a CSRF token, and set an HttpOnly, SameSite=Strict session cookie for 12 hours', async () => {
      const client = new ApiClient(test.baseUrl);
      const reply = await client.login('  ADMIN ', ADMIN.password);
      assert.equal(reply.status, 200);
      assert.deepEqual(reply.body.user, { id: 1, username: 'admin', role: 'admin', units: null });
      assert.match(reply.body.csrfToken, /^[A-Za-z0-9_-]{40,}$/);
      const cookie = reply.headers.getSetCookie().find((line) => line.startsWith('sipas_session='))!;
      assert.match(cookie, /; HttpOnly/i);
      assert.match(cookie, /; SameSite=Strict/i);
      assert.match(cookie, /; Path=\//);
      assert.doesNotMatch(cookie, /; Secure/i);
      const expires = new Date(/Expires=([^;]+)/.exec(cookie)![1]!);
      assert.equal(expires.getTime(), Math.floor((clock.getTime() + 12 * 3600_000) / 1000) * 1000);
    });

    it('should keep only the SHA-256 of the session id', async () => {
      const client = await signIn(test.baseUrl, ADMIN.username, ADMIN.password);
      const value = client.cookie!.split('=')[1]!;
      const { rows } = await database.db.query<{ id_hash: string }>('select id_hash from sessions');
      assert.ok(rows.some((row) => row.id_hash === createHash('sha256').update(value).digest('hex')));
      assert.ok(rows.every((row) => row.id_hash !== value));
    });

    it('should mark the cookie Secure when secureCookies is on', async () => {
      const secure = await startServer(database.db, { secureCookies: true, now: () => clock });
      try {
        const reply = await new ApiClient(secure.baseUrl).login(ADMIN.username, ADMIN.password);
        assert.match(reply.headers.getSetCookie().join('\n'), /sipas_session=[^\n]*; Secure/i);
      } finally {
        await secure.close();
      }
    });

    it('should answer one generic 401 for a wrong password, an unknown username and a disabled account', async () => {
      const disabled = await createAccount(admin, 'on-leave', 'analyst');
      assert.equal((await admin.patch(`/api/v1/users/${disabled.userId}`, { disabled: true })).status, 200);
      const replies = [
        await new ApiClient(test.baseUrl).login(ADMIN.username, 'wrong-password!'),
        await new ApiClient(test.baseUrl).login('nobody-here', 'whatever-password'),
        await new ApiClient(test.baseUrl).login('on-leave', 'on-leave-password'),
      ];
      for (const reply of replies) {
        assert.equal(reply.status, 401);
        assert.deepEqual(errorCodes(reply.body), ['login-failed']);
        assert.deepEqual(reply.body, replies[0]!.body);
        assert.equal(reply.headers.getSetCookie().length, 0);
      }
    });

    it('should answer 422 located errors when the username or password is missing', async () => {
      const reply = await test.anonymous.post('/api/v1/auth/login', { username: 7 });
      assert.equal(reply.status, 422);
      assert.deepEqual(reply.body.errors.map((error: { path: string }) => error.path), ['/username', '/password']);
    });

    it('should end the session presented with a sign-in before starting a new one (session fixation)', async () => {
      const client = await signIn(test.baseUrl, ADMIN.username, ADMIN.password);
      const planted = client.cookie!;
      // The same browser signs in again, its old cookie still attached.
      assert.equal((await client.login(ADMIN.username, ADMIN.password)).status, 200);
      assert.notEqual(client.cookie, planted);
      assert.equal((await client.get('/api/v1/auth/me')).status, 200);
      const old = await new ApiClient(test.baseUrl, { cookie: planted }).get('/api/v1/auth/me');
      assert.equal(old.status, 401);
      const { rows } = await database.db.query('select 1 from sessions where id_hash = $1', [createHash('sha256').update(planted.split('=')[1]!).digest('hex')]);
      assert.equal(rows.length, 0);
    });

    it('should keep the presented session when the sign-in fails', async () => {
      const client = await signIn(test.baseUrl, ADMIN.username, ADMIN.password);
      assert.equal((await new ApiClient(test.baseUrl, { cookie: client.cookie! }).login(ADMIN.username, 'wrong-password!')).status, 401);
      assert.equal((await client.get('/api/v1/auth/me')).status, 200);
    });
  });

  describe('GET /auth/me and sign-out', () => {
    it('should tell a signed-in client who it is, with the CSRF token, and answer 401 to anonymous ones', async () => {
      const client = await signIn(test.baseUrl, ADMIN.username, ADMIN.password);
      const me = await client.get('/api/v1/auth/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.user.username, 'admin');
      assert.equal(me.body.csrfToken, client.csrfToken);
      const anonymous = await test.anonymous.get('/api/v1/auth/me');
      assert.equal(anonymous.status, 401);
      assert.deepEqual(errorCodes(anonymous.body), ['unauthenticated']);
    });

    it('should need the CSRF token to sign out, then end the session for good', async () => {
      const client = await signIn(test.baseUrl, ADMIN.username, ADMIN.password);
      const forged = await client.post('/api/v1/auth/logout', undefined, { csrf: false });
      assert.equal(forged.status, 403);
      assert.deepEqual(errorCodes(forged.body), ['csrf']);
      const out = await client.post('/api/v1/auth/logout');
      assert.equal(out.status, 204);
      assert.match(out.headers.getSetCookie().join('\n'), /sipas_session=;/);
      const after = await client.get('/api/v1/auth/me');
      assert.equal(after.status, 401);
      // Signing out twice, or without a session, is fine.
      assert.equal((await test.anonymous.post('/api/v1/auth/logout')).status, 204);
    });

    it('should stop honouring a session after 12 hours', async () => {
      const client = await signIn(test.baseUrl, ADMIN.username, ADMIN.password);
      clock = new Date(clock.getTime() + 12 * 3600_000 - 1000);
      assert.equal((await client.get('/api/v1/auth/me')).status, 200);
      clock = new Date(clock.getTime() + 2000);
      const expired = await client.get('/api/v1/auth/me');
      assert.equal(expired.status, 401);
      assert.deepEqual(errorCodes(expired.body), ['unauthenticated']);
      admin = await signIn(test.baseUrl, ADMIN.username, ADMIN.password);
    });
  });

  describe('CSRF', () => {
    it('should refuse a cookie-authenticated unsafe request without the token or with a wrong one', async () => {
      const missing = await admin.post('/api/v1/auth/tokens', { name: 'ci' }, { csrf: false });
      assert.equal(missing.status, 403);
      assert.deepEqual(errorCodes(missing.body), ['csrf']);
      const wrong = await admin.post('/api/v1/auth/tokens', { name: 'ci' }, { csrf: false, headers: { 'x-csrf-token': 'not-the-token' } });
      assert.equal(wrong.status, 403);
      assert.deepEqual(errorCodes(wrong.body), ['csrf']);
      for (const [method, path] of [['PUT', '/api/v1/questionnaires/x/draft'], ['PATCH', '/api/v1/users/1'], ['DELETE', '/api/v1/auth/tokens/1']] as const) {
        const reply = await admin.request(method, path, method === 'DELETE' ? undefined : {}, { csrf: false });
        assert.equal(reply.status, 403, `${method} ${path}`);
        assert.deepEqual(errorCodes(reply.body), ['csrf']);
      }
      assert.equal((await admin.post('/api/v1/auth/tokens', { name: 'ci' })).status, 201);
    });

    it("should not let one session's token stand in for another's", async () => {
      const other = await signIn(test.baseUrl, ADMIN.username, ADMIN.password);
      const reply = await admin.post('/api/v1/auth/tokens', { name: 'x' }, { csrf: false, headers: { 'x-csrf-token': other.csrfToken! } });
      assert.equal(reply.status, 403);
    });
  });

  describe('API tokens', () => {
    it('should show a new token once, keep only its hash, and accept it as a bearer token without CSRF', async () => {
      const created = await admin.post('/api/v1/auth/tokens', { name: 'nightly export' });
      assert.equal(created.status, 201);
      const { token, id } = created.body;
      assert.match(token, /^sipas_[A-Za-z0-9_-]{40,}$/);
      const stored = await database.db.query<{ token_hash: string }>('select token_hash from api_tokens where id = $1', [id]);
      assert.equal(stored.rows[0]!.token_hash, createHash('sha256').update(token).digest('hex'));
      const listed = await admin.get('/api/v1/auth/tokens');
      const entry = listed.body.tokens.find((item: { id: number }) => item.id === id);
      assert.deepEqual(Object.keys(entry).sort(), ['createdAt', 'id', 'lastUsedAt', 'name']);
      assert.equal(entry.lastUsedAt, null);

      const script = new ApiClient(test.baseUrl, { bearer: token });
      assert.equal((await script.get('/api/v1/auth/me')).body.user.username, 'admin');
      const used = await admin.get('/api/v1/auth/tokens');
      assert.equal(used.body.tokens.find((item: { id: number }) => item.id === id).lastUsedAt, clock.toISOString());
    });

    it('should not let a token mint tokens: 403 session-required, and nothing stored', async () => {
      const { token } = (await admin.post('/api/v1/auth/tokens', { name: 'leaky script' })).body;
      const before = (await database.db.query('select id from api_tokens')).rows.length;
      const script = new ApiClient(test.baseUrl, { bearer: token });
      const minted = await script.post('/api/v1/auth/tokens', { name: 'made by a script' });
      assert.equal(minted.status, 403);
      assert.deepEqual(errorCodes(minted.body), ['session-required']);
      assert.equal(minted.body.errors[0].path, '');
      assert.equal((await database.db.query('select id from api_tokens')).rows.length, before);
      // What a token may do with tokens: list them and revoke them (itself included).
      assert.equal((await script.get('/api/v1/auth/tokens')).status, 200);
    });

    it('should answer 401 invalid-token for an unknown or revoked bearer token', async () => {
      const bad = await new ApiClient(test.baseUrl, { bearer: 'sipas_made-up' }).get('/api/v1/auth/me');
      assert.equal(bad.status, 401);
      assert.deepEqual(errorCodes(bad.body), ['invalid-token']);
      assert.equal(bad.headers.get('www-authenticate'), 'Bearer');
      const { id, token } = (await admin.post('/api/v1/auth/tokens', { name: 'short-lived' })).body;
      assert.equal((await admin.delete(`/api/v1/auth/tokens/${id}`)).status, 204);
      const revoked = await new ApiClient(test.baseUrl, { bearer: token }).get('/api/v1/auth/me');
      assert.equal(revoked.status, 401);
      assert.deepEqual(errorCodes(revoked.body), ['invalid-token']);
      assert.equal((await admin.delete(`/api/v1/auth/tokens/${id}`)).status, 404);
    });

    it("should let an account revoke only its own tokens (an admin anyone's) and answer 422 for a nameless token", async () => {
      const editor = await createAccount(admin, 'token-editor', 'editor');
      const adminToken = (await admin.post('/api/v1/auth/tokens', { name: 'admin only' })).body.id;
      assert.equal((await editor.delete(`/api/v1/auth/tokens/${adminToken}`)).status, 404);
      const editorToken = (await editor.post('/api/v1/auth/tokens', { name: 'mine' })).body.id;
      assert.equal((await editor.get('/api/v1/auth/tokens')).body.tokens.length, 1);
      assert.equal((await admin.delete(`/api/v1/auth/tokens/${editorToken}`)).status, 204);
      const nameless = await editor.post('/api/v1/auth/tokens', { name: '  ' });
      assert.equal(nameless.status, 422);
      assert.equal(nameless.body.errors[0].path, '/name');
      assert.equal((await test.anonymous.post('/api/v1/auth/tokens', { name: 'x' })).status, 401);
    });

    it("should stop a disabled account's sessions and tokens at once", async () => {
      const analyst = await createAccount(admin, 'soon-disabled', 'analyst');
      const token = (await analyst.post('/api/v1/auth/tokens', { name: 'report script' })).body.token;
      const script = new ApiClient(test.baseUrl, { bearer: token });
      assert.equal((await script.get('/api/v1/auth/me')).status, 200);
      assert.equal((await admin.patch(`/api/v1/users/${analyst.userId}`, { disabled: true })).status, 200);
      assert.equal((await analyst.get('/api/v1/auth/me')).status, 401);
      assert.equal((await script.get('/api/v1/auth/me')).status, 401);
      // Enabled again: the token works again, the session was ended.
      assert.equal((await admin.patch(`/api/v1/users/${analyst.userId}`, { disabled: false })).status, 200);
      assert.equal((await script.get('/api/v1/auth/me')).status, 200);
      assert.equal((await analyst.get('/api/v1/auth/me')).status, 401);
    });
  });

  describe('credentials on public routes', () => {
    it('should treat an unknown or revoked bearer token as anonymous on public routes, and refuse it on private ones', async () => {
      await publishCounter(admin, 'bearer-public');
      const { id, token } = (await admin.post('/api/v1/auth/tokens', { name: 'soon revoked' })).body;
      assert.equal((await admin.delete(`/api/v1/auth/tokens/${id}`)).status, 204);
      for (const bearer of ['sipas_made-up', token as string]) {
        const client = new ApiClient(test.baseUrl, { bearer });
        assert.equal((await client.get('/api/v1/questionnaires/bearer-public')).status, 200);
        assert.equal((await client.get('/api/v1/questionnaires/bearer-public/versions/1')).status, 200);
        const posted = await client.post('/api/v1/responses', counterResponse('bearer-public'));
        assert.equal(posted.status, 201, JSON.stringify(posted.body));
        for (const path of ['/api/v1/auth/me', '/api/v1/questionnaires']) {
          const refused = await client.get(path);
          assert.equal(refused.status, 401, path);
          assert.deepEqual(errorCodes(refused.body), ['invalid-token']);
          assert.equal(refused.headers.get('www-authenticate'), 'Bearer');
        }
      }
    });

    it('should not look a session cookie up for public routes or for pages served beside the API', async () => {
      const lookups = countingDatabase(database.db, /from sessions s join users/);
      const server = await createServer({ database: lookups.db, initialAdminPassword: ADMIN.password, now: () => clock });
      server.app.get('/demo/page.html', async () => 'a demo page');
      const baseUrl = await server.listen(0, '127.0.0.1');
      try {
        const client = await signIn(baseUrl, ADMIN.username, ADMIN.password);
        const stale = new ApiClient(baseUrl, { cookie: 'sipas_session=signed-out-long-ago' });
        for (const someone of [client, stale]) {
          assert.equal((await someone.get('/demo/page.html')).status, 200);
          assert.equal((await someone.get('/api/v1/questionnaires/bearer-public')).status, 200);
          assert.equal((await someone.post('/api/v1/responses', counterResponse('bearer-public'))).status, 201);
        }
        assert.equal(lookups.count(), 0);
        // A private route asks, once per request.
        assert.equal((await client.get('/api/v1/auth/me')).status, 200);
        assert.equal(lookups.count(), 1);
        const anonymous = await stale.get('/api/v1/auth/me');
        assert.equal(anonymous.status, 401);
        assert.deepEqual(errorCodes(anonymous.body), ['unauthenticated']);
      } finally {
        await server.close();
      }
    });
  });

  describe('failed sign-in limit', () => {
    /** A sign-in from another loopback address, as a second client would come from. */
    const loginFrom = (baseUrl: string, localAddress: string, username: string, password: string) =>
      new Promise<{ status: number; retryAfter: string | undefined; body: unknown }>((resolve, reject) => {
        const body = JSON.stringify({ username, password });
        const url = new URL('/api/v1/auth/login', baseUrl);
        const request = httpRequest(url, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'], body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') }),
          );
        });
        request.on('error', reject);
        request.end(body);
      });

    it("should lock a client out after too many failures, for every username, but not the same username from elsewhere", async () => {
      let now = new Date('2025-03-05T08:00:00.000Z');
      const limited = await startServer(database.db, { now: () => now, rateLimit: { responsesPerMinute: 100, loginsPerMinute: 3 } });
      try {
        // A stranger guesses the admin's password from 127.0.0.2...
        for (let i = 0; i < 3; i++) assert.equal((await loginFrom(limited.baseUrl, '127.0.0.2', ADMIN.username, 'wrong-password!')).status, 401);
        const locked = await loginFrom(limited.baseUrl, '127.0.0.2', ADMIN.username, ADMIN.password);
        assert.equal(locked.status, 429);
        assert.deepEqual(errorCodes(locked.body), ['rate-limited']);
        assert.equal(locked.retryAfter, '60');
        // ...and is locked out for other usernames too...
        assert.equal((await loginFrom(limited.baseUrl, '127.0.0.2', 'token-editor', 'token-editor-password')).status, 429);
        // ...while the real admin, from their own address, signs in as usual, as do others.
        assert.equal((await new ApiClient(limited.baseUrl).login(ADMIN.username, ADMIN.password)).status, 200);
        assert.equal((await loginFrom(limited.baseUrl, '127.0.0.3', ADMIN.username, ADMIN.password)).status, 200);
        assert.equal((await new ApiClient(limited.baseUrl).login('token-editor', 'token-editor-password')).status, 200);
        // A minute later the stranger's window has ended.
        now = new Date(now.getTime() + 60_000);
        assert.equal((await loginFrom(limited.baseUrl, '127.0.0.2', ADMIN.username, 'wrong-password!')).status, 401);
      } finally {
        await limited.close();
      }
    });

    it('should answer 429 to a burst of parallel wrong passwords from one client, counting each before hashing it', async () => {
      const now = new Date('2025-03-06T08:00:00.000Z');
      const limited = await startServer(database.db, { now: () => now, rateLimit: { responsesPerMinute: 100, loginsPerMinute: 5 } });
      try {
        const replies = await Promise.all(Array.from({ length: 40 }, (_, i) => loginFrom(limited.baseUrl, '127.0.0.4', ADMIN.username, `wrong-password-${i}`)));
        const statuses = replies.map((reply) => reply.status);
        assert.equal(statuses.filter((status) => status === 401).length, 5, JSON.stringify(statuses));
        assert.equal(statuses.filter((status) => status === 429).length, 35, JSON.stringify(statuses));
        assert.equal((await loginFrom(limited.baseUrl, '127.0.0.4', ADMIN.username, ADMIN.password)).status, 429);
        assert.equal((await loginFrom(limited.baseUrl, '127.0.0.5', ADMIN.username, ADMIN.password)).status, 200);
      } finally {
        await limited.close();
      }
    });

    it('should not count successful sign-ins against the limit', async () => {
      const now = new Date('2025-03-07T08:00:00.000Z');
      const limited = await startServer(database.db, { now: () => now, rateLimit: { responsesPerMinute: 100, loginsPerMinute: 2 } });
      try {
        for (let i = 0; i < 5; i++) assert.equal((await loginFrom(limited.baseUrl, '127.0.0.6', ADMIN.username, ADMIN.password)).status, 200, `sign-in ${i + 1}`);
        assert.equal((await loginFrom(limited.baseUrl, '127.0.0.6', ADMIN.username, 'wrong-password!')).status, 401);
        assert.equal((await loginFrom(limited.baseUrl, '127.0.0.6', ADMIN.username, ADMIN.password)).status, 200);
        assert.equal((await loginFrom(limited.baseUrl, '127.0.0.6', ADMIN.username, 'wrong-password!')).status, 401);
        assert.equal((await loginFrom(limited.baseUrl, '127.0.0.6', ADMIN.username, ADMIN.password)).status, 429);
      } finally {
        await limited.close();
      }
    });

    it('should refuse a username no account can have without asking the database, with the same 401, and count it', async () => {
      const now = new Date('2025-03-08T08:00:00.000Z');
      const lookups = countingDatabase(database.db, /from users u where u\.username/);
      const limited = await startServer(lookups.db, { now: () => now, rateLimit: { responsesPerMinute: 100, loginsPerMinute: 3 } });
      try {
        const generic = await loginFrom(limited.baseUrl, '127.0.0.7', 'nobody-here', 'whatever-password');
        assert.equal(lookups.count(), 1);
        for (const username of ['has space', 'x'.repeat(10_000)]) {
          const reply = await loginFrom(limited.baseUrl, '127.0.0.7', username, 'whatever-password');
          assert.equal(reply.status, 401);
          assert.deepEqual(reply.body, generic.body);
        }
        assert.equal(lookups.count(), 1);
        assert.equal((await loginFrom(limited.baseUrl, '127.0.0.7', ADMIN.username, ADMIN.password)).status, 429);
      } finally {
        await limited.close();
      }
    });
  });

  describe('rate limiter', () => {
    it('should hold at most maxKeys keys, dropping ended windows first, then the oldest live one', () => {
      const start = new Date('2025-03-05T08:00:00.000Z').getTime();
      let now = new Date(start);
      const at = (seconds: number) => (now = new Date(start + seconds * 1000));
      const limiter = new RateLimiter(2, () => now, 60_000, { maxKeys: 3 });
      limiter.take('p');
      at(10);
      limiter.take('a');
      at(20);
      limiter.take('b');
      at(65);
      limiter.take('c'); // p has ended and is swept; a, b, c remain
      at(75);
      // Full: 'a' (ended at 70 s) makes room; 'b' (live until 80 s) stays with its count.
      limiter.take('d');
      assert.equal(limiter.size, 3);
      assert.equal(limiter.take('b'), undefined);
      assert.equal(limiter.blockedFor('b'), 5);
      // Full of live windows (b, c, d): the oldest, 'b', goes and starts afresh.
      limiter.take('e');
      assert.equal(limiter.size, 3);
      assert.equal(limiter.blockedFor('b'), undefined);
      assert.equal(limiter.take('c'), undefined);
      assert.equal(limiter.blockedFor('c'), 50);
      // A flood of new keys never grows it.
      for (let i = 0; i < 10_000; i++) limiter.take(`flood-${i}`);
      assert.equal(limiter.size, 3);
    });

    it('should keep a long key as a fixed-size digest, without mixing two long keys up', () => {
      const now = new Date('2025-03-05T08:00:00.000Z');
      const limiter = new RateLimiter(1, () => now, 60_000, { maxKeyLength: 50 });
      const long = 'x'.repeat(100_000);
      assert.equal(limiter.take(`${long}1`), undefined);
      assert.equal(limiter.take(`${long}2`), undefined);
      assert.equal(limiter.take(`${long}1`), 60);
      assert.equal(limiter.size, 2);
      // @ts-expect-error a look inside, to prove the stored keys are short
      assert.ok([...(limiter.windows as Map<string, unknown>).keys()].every((key) => key.length <= 65));
    });

    it('should give a request back only within the window that counted it', () => {
      let now = new Date('2025-03-05T08:00:00.000Z');
      const limiter = new RateLimiter(1, () => now);
      const takenAt = now;
      assert.equal(limiter.take('k'), undefined);
      limiter.giveBack('k', takenAt);
      assert.equal(limiter.take('k'), undefined);
      now = new Date(now.getTime() + 60_000);
      assert.equal(limiter.take('k'), undefined);
      limiter.giveBack('k', takenAt);
      assert.equal(limiter.take('k'), 60);
    });

    it('should key an IPv6 client by its /64 and an IPv4 one by its address, mapped or not', () => {
      assert.equal(clientKey('203.0.113.7'), '203.0.113.7');
      assert.equal(clientKey('::ffff:203.0.113.7'), '203.0.113.7');
      assert.equal(clientKey('::FFFF:cb00:7107'), '203.0.113.7');
      assert.equal(clientKey('2001:db8:1:2:3:4:5:6'), '2001:db8:1:2::/64');
      assert.equal(clientKey('2001:0db8:0001:0002:ffff:eeee:dddd:cccc'), '2001:db8:1:2::/64');
      assert.equal(clientKey('2001:db8:1:2::1'), '2001:db8:1:2::/64');
      assert.equal(clientKey('2001:db8::1'), '2001:db8:0:0::/64');
      assert.equal(clientKey('2001:db8:0:0:1::'), '2001:db8:0:0::/64');
      assert.equal(clientKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
      assert.equal(clientKey('64:ff9b::198.51.100.1'), '64:ff9b:0:0::/64');
      assert.equal(clientKey('::1'), '0:0:0:0::/64');
      assert.notEqual(clientKey('2001:db8:1:2::1'), clientKey('2001:db8:1:3::1'));
      assert.equal(clientKey('not an address'), 'not an address');
    });
  });
});
