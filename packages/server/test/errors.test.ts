import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type SipasServer } from '@sipas/server';
import { ADMIN, ApiClient, errorCodes, signIn } from './helpers/http.js';
import { openTestDatabase, type TestDatabase } from './helpers/test-database.js';

describe('one error shape everywhere', () => {
  let database: TestDatabase;
  let server: SipasServer;
  let client: ApiClient;
  let admin: ApiClient;

  before(async () => {
    database = await openTestDatabase();
    server = await createServer({ database: database.db, initialAdminPassword: ADMIN.password, bodyLimitBytes: 2000 });
    // Callers may add routes before listening (npm start serves the apps this way).
    server.app.get('/boom', async () => {
      throw new Error('secret internals at /srv/sipas/db.ts:42');
    });
    server.app.post('/typed', { schema: { body: { type: 'object', required: ['count'], properties: { count: { type: 'integer' } } } } }, async () => ({ ok: true }));
    server.app.get('/carried', async () => {
      throw Object.assign(new Error('report refused'), { status: 422, errors: [{ path: '/query/by', code: 'unknown-dimension', message: { vi: 'Không có chiều này', en: 'No such dimension' } }] });
    });
    const baseUrl = await server.listen(0, '127.0.0.1');
    client = new ApiClient(baseUrl);
    admin = await signIn(baseUrl, ADMIN.username, ADMIN.password);
  });
  after(async () => {
    await server.close();
    await database.close();
  });

  it('should answer unknown addresses and methods 404 not-found', async () => {
    for (const [method, path] of [['GET', '/api/v1/nothing'], ['GET', '/'], ['DELETE', '/api/v1/responses'], ['PUT', '/api/v1/questionnaires/x']] as const) {
      const reply = await client.request(method, path);
      assert.equal(reply.status, 404, `${method} ${path}`);
      assert.deepEqual(errorCodes(reply.body), ['not-found']);
    }
  });

  it('should answer 500 internal for a real failure, without a stack trace or the message', async () => {
    const reply = await client.get('/boom');
    assert.equal(reply.status, 500);
    assert.deepEqual(errorCodes(reply.body), ['internal']);
    assert.doesNotMatch(JSON.stringify(reply.body), /secret|srv|stack|\.ts/);
  });

  it('should map unreadable, oversized and non-JSON bodies on every route', async () => {
    const badJson = await admin.post('/api/v1/users', undefined, { raw: '{"username":', headers: { 'content-type': 'application/json' } });
    assert.equal(badJson.status, 400);
    assert.deepEqual(errorCodes(badJson.body), ['invalid-json']);
    const tooLarge = await admin.post('/api/v1/users', { username: 'x'.repeat(3000), role: 'editor' });
    assert.equal(tooLarge.status, 413);
    assert.deepEqual(errorCodes(tooLarge.body), ['too-large']);
    assert.match(tooLarge.body.errors[0].message.en, /2 KB/);
    const form = await admin.post('/api/v1/auth/login', undefined, { raw: 'username=admin', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(form.status, 415);
    assert.deepEqual(errorCodes(form.body), ['unsupported-media-type']);
    const prototype = await admin.post('/api/v1/users', undefined, { raw: '{"__proto__": {"role": "admin"}}', headers: { 'content-type': 'application/json' } });
    assert.equal(prototype.status, 400);
  });

  it("should map Fastify's schema validation to located errors", async () => {
    const reply = await client.post('/typed', { count: 'many' });
    assert.equal(reply.status, 400);
    assert.deepEqual(reply.body.errors.map((error: { path: string; code: string }) => [error.path, error.code]), [['/body/count', 'invalid']]);
    errorCodes(reply.body);
  });

  it('should pass on located errors other modules throw with their status', async () => {
    const reply = await client.get('/carried');
    assert.equal(reply.status, 422);
    assert.deepEqual(reply.body, { errors: [{ path: '/query/by', code: 'unknown-dimension', message: { vi: 'Không có chiều này', en: 'No such dimension' } }] });
  });

  it('should mark API answers no-store and nosniff', async () => {
    const reply = await admin.get('/api/v1/auth/me');
    assert.equal(reply.headers.get('cache-control'), 'no-store');
    assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
  });
});
