import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { ADMIN, ApiClient, createAccount, errorCodes, signIn, startServer, type TestServer } from './helpers/http.js';
import { openTestDatabase, type TestDatabase } from './helpers/test-database.js';

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
      assert.equal((await script.post('/api/v1/auth/tokens', { name: 'made by a script' })).status, 201);
      const used = await admin.get('/api/v1/auth/tokens');
      assert.equal(used.body.tokens.find((item: { id: number }) => item.id === id).lastUsedAt, clock.toISOString());
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

  describe('failed sign-in limit', () => {
    /** A sign-in from another loopback address, as a second client would come from. */
    const loginFrom = (baseUrl: string, localAddress: string, username: string, password: string) =>
      new Promise<number>((resolve, reject) => {
        const body = JSON.stringify({ username, password });
        const url = new URL('/api/v1/auth/login', baseUrl);
        const request = httpRequest(url, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        });
        request.on('error', reject);
        request.end(body);
      });

    it('should answer 429 with Retry-After after too many failures, per username and per client', async () => {
      let now = new Date('2025-03-05T08:00:00.000Z');
      const limited = await startServer(database.db, { now: () => now, rateLimit: { responsesPerMinute: 100, loginsPerMinute: 3 } });
      try {
        for (let i = 0; i < 3; i++) assert.equal(await loginFrom(limited.baseUrl, '127.0.0.2', ADMIN.username, 'wrong-password!'), 401);
        // The username is locked, even for the right password from another client...
        const locked = await new ApiClient(limited.baseUrl).login(ADMIN.username, ADMIN.password);
        assert.equal(locked.status, 429);
        assert.deepEqual(errorCodes(locked.body), ['rate-limited']);
        assert.equal(locked.headers.get('retry-after'), '60');
        // ...the client that failed is locked for other usernames too...
        assert.equal(await loginFrom(limited.baseUrl, '127.0.0.2', 'token-editor', 'token-editor-password'), 429);
        // ...while other clients and usernames go on.
        assert.equal((await new ApiClient(limited.baseUrl).login('token-editor', 'token-editor-password')).status, 200);
        now = new Date(now.getTime() + 60_000);
        assert.equal((await new ApiClient(limited.baseUrl).login(ADMIN.username, ADMIN.password)).status, 200);
      } finally {
        await limited.close();
      }
    });
  });
});
