import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resetPassword } from '@sipas/server';
import { ADMIN, ApiClient, createAccount, errorCodes, signIn, startServer, type TestServer } from './helpers/http.js';
import { publishCounter } from './helpers/fixtures.js';
import { openTestDatabase, type TestDatabase } from './helpers/test-database.js';

describe('staff accounts (admin only)', () => {
  let database: TestDatabase;
  let test: TestServer;
  let admin: ApiClient;

  before(async () => {
    database = await openTestDatabase();
    test = await startServer(database.db);
    admin = await signIn(test.baseUrl, ADMIN.username, ADMIN.password);
  });
  after(async () => {
    await test.close();
    await database.close();
  });

  it('should list accounts for admins only: 401 anonymous, 403 other roles', async () => {
    const editor = await createAccount(admin, 'list-editor', 'editor');
    const analyst = await createAccount(admin, 'list-analyst', 'analyst');
    const listed = await admin.get('/api/v1/users');
    assert.equal(listed.status, 200);
    const names = listed.body.users.map((user: { username: string }) => user.username);
    assert.ok(names.includes('admin') && names.includes('list-editor'));
    const entry = listed.body.users.find((user: { username: string }) => user.username === 'list-analyst');
    assert.deepEqual(Object.keys(entry).sort(), ['createdAt', 'disabled', 'id', 'role', 'units', 'username']);
    for (const client of [editor, analyst]) {
      for (const [method, path] of [['GET', '/api/v1/users'], ['POST', '/api/v1/users'], ['PATCH', `/api/v1/users/${editor.userId}`], ['DELETE', `/api/v1/users/${analyst.userId}`]] as const) {
        const reply = await client.request(method, path, method === 'GET' || method === 'DELETE' ? undefined : { role: 'admin' });
        assert.equal(reply.status, 403, `${method} ${path}`);
        assert.deepEqual(errorCodes(reply.body), ['forbidden']);
      }
    }
    const anonymous = await test.anonymous.get('/api/v1/users');
    assert.equal(anonymous.status, 401);
    assert.deepEqual(errorCodes(anonymous.body), ['unauthenticated']);
  });

  it("should refuse an admin's API token: managing accounts needs a signed-in session", async () => {
    const token = (await admin.post('/api/v1/auth/tokens', { name: 'admin script' })).body.token as string;
    const script = new ApiClient(test.baseUrl, { bearer: token });
    assert.equal((await script.get('/api/v1/auth/me')).body.user.role, 'admin');
    const target = await createAccount(admin, 'token-target', 'analyst');
    const attempts = [
      ['GET', '/api/v1/users', undefined],
      ['POST', '/api/v1/users', { username: 'made-by-token', role: 'admin', password: 'a-long-password' }],
      ['PATCH', `/api/v1/users/${target.userId}`, { role: 'admin', password: 'taken-over-password' }],
      ['DELETE', `/api/v1/users/${target.userId}`, undefined],
    ] as const;
    for (const [method, path, body] of attempts) {
      const reply = await script.request(method, path, body);
      assert.equal(reply.status, 403, `${method} ${path}`);
      assert.deepEqual(errorCodes(reply.body), ['session-required']);
    }
    const { rows } = await database.db.query<{ username: string; role: string }>(`select username, role from users where username in ('made-by-token', 'token-target')`);
    assert.deepEqual(rows, [{ username: 'token-target', role: 'analyst' }]);
    assert.equal((await new ApiClient(test.baseUrl).login('token-target', 'token-target-password')).status, 200);
  });

  it('should create an account with a generated password shown once, hashed with scrypt and its cost', async () => {
    const created = await admin.post('/api/v1/users', { username: 'Clerk.One', role: 'analyst', units: ['ward-1', 'ward-2'] });
    assert.equal(created.status, 201);
    assert.equal(created.body.user.username, 'clerk.one');
    assert.deepEqual(created.body.user.units, ['ward-1', 'ward-2']);
    assert.equal(typeof created.body.password, 'string');
    assert.ok(created.body.password.length >= 10);
    assert.equal((await new ApiClient(test.baseUrl).login('clerk.one', created.body.password)).status, 200);
    const { rows } = await database.db.query<{ password_hash: string }>('select password_hash from users where username = $1', ['clerk.one']);
    assert.match(rows[0]!.password_hash, /^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    const given = await admin.post('/api/v1/users', { username: 'clerk.two', role: 'editor', password: 'a-long-password' });
    assert.equal(given.status, 201);
    assert.equal(given.body.password, undefined);
  });

  it('should answer located 422s for bad input and 409 for a taken username', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ username: 'ok-name', role: 'editor', password: 'short' }, '/password', 'password-too-short'],
      [{ username: 'has space', role: 'editor' }, '/username', 'invalid-username'],
      [{ username: 'ok-name', role: 'owner' }, '/role', 'invalid-role'],
      [{ username: 'ok-name', role: 'analyst', units: ['ward-1', ''] }, '/units/1', 'invalid-unit'],
      [{ username: 'ok-name', role: 'analyst', units: 'ward-1' }, '/units', 'invalid-type'],
    ];
    for (const [body, path, code] of cases) {
      const reply = await admin.post('/api/v1/users', body);
      assert.equal(reply.status, 422, JSON.stringify(body));
      assert.deepEqual(reply.body.errors.map((error: { path: string; code: string }) => [error.path, error.code]), [[path, code]]);
    }
    const taken = await admin.post('/api/v1/users', { username: 'CLERK.ONE', role: 'editor' });
    assert.equal(taken.status, 409);
    assert.deepEqual(errorCodes(taken.body), ['username-taken']);
    const notObject = await admin.post('/api/v1/users', ['x']);
    assert.equal(notObject.status, 422);
  });

  it('should change role, units and password, effective on the next request', async () => {
    const editor = await createAccount(admin, 'changing', 'editor');
    assert.equal((await editor.post('/api/v1/questionnaires', {})).status, 422);
    const demoted = await admin.patch(`/api/v1/users/${editor.userId}`, { role: 'analyst', units: ['ward-9'] });
    assert.equal(demoted.status, 200);
    assert.deepEqual(demoted.body.user, { id: editor.userId, username: 'changing', role: 'analyst', units: ['ward-9'], disabled: false, createdAt: demoted.body.user.createdAt });
    assert.equal((await editor.post('/api/v1/questionnaires', {})).status, 403);
    assert.deepEqual((await editor.get('/api/v1/auth/me')).body.user.units, ['ward-9']);
    const allUnits = await admin.patch(`/api/v1/users/${editor.userId}`, { units: null });
    assert.equal(allUnits.body.user.units, null);
    // A new password ends the account's sessions; the new one works.
    assert.equal((await admin.patch(`/api/v1/users/${editor.userId}`, { password: 'brand-new-password' })).status, 200);
    assert.equal((await editor.get('/api/v1/auth/me')).status, 401);
    assert.equal((await new ApiClient(test.baseUrl).login('changing', 'changing-password')).status, 401);
    assert.equal((await new ApiClient(test.baseUrl).login('changing', 'brand-new-password')).status, 200);
  });

  it("should revoke the account's API tokens with its sessions when an admin sets a new password", async () => {
    const analyst = await createAccount(admin, 'token-holder', 'analyst');
    const tokens = await Promise.all(['one', 'two'].map(async (name) => (await analyst.post('/api/v1/auth/tokens', { name })).body.token as string));
    const otherAccount = await createAccount(admin, 'bystander', 'analyst');
    const bystanderToken = (await otherAccount.post('/api/v1/auth/tokens', { name: 'kept' })).body.token as string;
    for (const token of tokens) assert.equal((await new ApiClient(test.baseUrl, { bearer: token }).get('/api/v1/auth/me')).status, 200);

    assert.equal((await admin.patch(`/api/v1/users/${analyst.userId}`, { password: 'reset-by-admin-1' })).status, 200);
    assert.equal((await analyst.get('/api/v1/auth/me')).status, 401);
    for (const token of tokens) {
      const reply = await new ApiClient(test.baseUrl, { bearer: token }).get('/api/v1/auth/me');
      assert.equal(reply.status, 401);
      assert.deepEqual(errorCodes(reply.body), ['invalid-token']);
    }
    assert.equal((await database.db.query('select 1 from api_tokens where user_id = $1', [analyst.userId])).rows.length, 0);
    // Other accounts keep theirs; a change of role alone revokes nothing.
    assert.equal((await new ApiClient(test.baseUrl, { bearer: bystanderToken }).get('/api/v1/auth/me')).status, 200);
    assert.equal((await admin.patch(`/api/v1/users/${otherAccount.userId}`, { units: ['ward-1'] })).status, 200);
    assert.equal((await new ApiClient(test.baseUrl, { bearer: bystanderToken }).get('/api/v1/auth/me')).status, 200);
  });

  it('should keep the changing admin signed in when they change their own password, and revoke their tokens', async () => {
    const second = await createAccount(admin, 'self-changer', 'admin');
    const otherSession = await signIn(test.baseUrl, 'self-changer', 'self-changer-password');
    const token = (await second.post('/api/v1/auth/tokens', { name: 'mine' })).body.token as string;
    assert.equal((await second.patch(`/api/v1/users/${second.userId}`, { password: 'another-password-1' })).status, 200);
    assert.equal((await second.get('/api/v1/auth/me')).status, 200);
    assert.equal((await otherSession.get('/api/v1/auth/me')).status, 401);
    assert.equal((await new ApiClient(test.baseUrl, { bearer: token }).get('/api/v1/auth/me')).status, 401);
    assert.equal((await second.delete(`/api/v1/users/${second.userId}`)).status, 204);
  });

  it('should set a new generated password with resetPassword(), revoking sessions and tokens, for a lost password', async () => {
    const lost = await createAccount(admin, 'forgetful-admin', 'admin');
    const token = (await lost.post('/api/v1/auth/tokens', { name: 'backup' })).body.token as string;
    const reset = await resetPassword(database.db, '  Forgetful-Admin ');
    assert.ok(reset);
    assert.deepEqual({ ...reset, password: '' }, { username: 'forgetful-admin', password: '', role: 'admin', disabled: false });
    assert.match(reset.password, /^[A-Za-z0-9_-]{20}$/);
    assert.equal((await lost.get('/api/v1/auth/me')).status, 401);
    assert.equal((await new ApiClient(test.baseUrl, { bearer: token }).get('/api/v1/auth/me')).status, 401);
    assert.equal((await new ApiClient(test.baseUrl).login('forgetful-admin', 'forgetful-admin-password')).status, 401);
    const back = await signIn(test.baseUrl, 'forgetful-admin', reset.password);
    assert.equal((await back.get('/api/v1/users')).status, 200);
    // Nothing else changed: the other accounts and their sessions are as they were.
    assert.equal((await admin.get('/api/v1/auth/me')).status, 200);
    assert.equal(await resetPassword(database.db, 'nobody-by-that-name'), undefined);
    assert.equal((await admin.patch(`/api/v1/users/${lost.userId}`, { disabled: true })).status, 200);
    assert.equal((await resetPassword(database.db, 'forgetful-admin'))?.disabled, true);
  });

  it('should answer 404 for an unknown or malformed account id and 422 for a bad "disabled"', async () => {
    assert.equal((await admin.patch('/api/v1/users/9999', { role: 'editor' })).status, 404);
    assert.equal((await admin.patch('/api/v1/users/abc', { role: 'editor' })).status, 404);
    assert.equal((await admin.delete('/api/v1/users/0')).status, 404);
    const bad = await admin.patch('/api/v1/users/1', { disabled: 'yes' });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0].path, '/disabled');
  });

  it('should never remove, disable or demote the last active admin', async () => {
    for (const change of [{ role: 'editor' }, { disabled: true }]) {
      const reply = await admin.patch('/api/v1/users/1', change);
      assert.equal(reply.status, 409, JSON.stringify(change));
      assert.deepEqual(errorCodes(reply.body), ['last-admin']);
    }
    const removed = await admin.delete('/api/v1/users/1');
    assert.equal(removed.status, 409);
    assert.deepEqual(errorCodes(removed.body), ['last-admin']);
    // A disabled second admin does not count as active.
    const dormant = await createAccount(admin, 'dormant-admin', 'admin');
    assert.equal((await admin.patch(`/api/v1/users/${dormant.userId}`, { disabled: true })).status, 200);
    assert.equal((await admin.patch('/api/v1/users/1', { role: 'editor' })).status, 409);
    assert.equal((await admin.patch('/api/v1/users/1', { role: 'admin', units: ['ward-1'] })).status, 200);
    assert.equal((await admin.patch('/api/v1/users/1', { units: null })).status, 200);
  });

  it('should let only one of two admins demoting each other at once succeed', async () => {
    const first = await createAccount(admin, 'race-admin-1', 'admin');
    const second = await createAccount(admin, 'race-admin-2', 'admin');
    // Leave exactly these two active admins.
    assert.equal((await first.patch('/api/v1/users/1', { disabled: true })).status, 200);
    const replies = await Promise.all([
      first.patch(`/api/v1/users/${second.userId}`, { role: 'editor' }),
      second.patch(`/api/v1/users/${first.userId}`, { role: 'editor' }),
    ]);
    const statuses = replies.map((reply) => reply.status).sort();
    assert.ok(
      JSON.stringify(statuses) === '[200,409]' || JSON.stringify(statuses) === '[200,403]',
      `one demotion wins, the other is refused: ${JSON.stringify(statuses)}`,
    );
    const { rows } = await database.db.query<{ n: number }>(`select count(*)::int as n from users where role = 'admin' and not disabled`);
    assert.equal(rows[0]!.n, 1);
    // Put the first admin back for the tests after this one.
    const survivor = replies[0]!.status === 200 ? first : second;
    assert.equal((await survivor.patch('/api/v1/users/1', { disabled: false })).status, 200);
    admin = await signIn(test.baseUrl, ADMIN.username, ADMIN.password);
  });

  it('should delete an account and its sessions, but keep one that published questionnaires on record', async () => {
    const leaving = await createAccount(admin, 'leaving', 'analyst');
    assert.equal((await admin.delete(`/api/v1/users/${leaving.userId}`)).status, 204);
    assert.equal((await leaving.get('/api/v1/auth/me')).status, 401);
    assert.equal((await database.db.query('select 1 from sessions where user_id = $1', [leaving.userId])).rows.length, 0);
    assert.equal((await admin.delete(`/api/v1/users/${leaving.userId}`)).status, 404);

    const publisher = await createAccount(admin, 'publisher', 'editor');
    await publishCounter(publisher, 'published-by-someone');
    const kept = await admin.delete(`/api/v1/users/${publisher.userId}`);
    assert.equal(kept.status, 409);
    assert.deepEqual(errorCodes(kept.body), ['user-has-history']);
  });
});
