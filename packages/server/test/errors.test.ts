import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createServer, type SipasServer } from '@sipas/server';
import { ADMIN, ApiClient, errorCodes, signIn } from './helpers/http.js';
import { openTestDatabase, type TestDatabase } from './helpers/test-database.js';

describe('one error shape everywhere', () => {
  let database: TestDatabase;
  let server: SipasServer;
  let client: ApiClient;
  let admin: ApiClient;
  const logLines: string[] = [];

  before(async () => {
    database = await openTestDatabase();
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    server = await createServer({ database: database.db, initialAdminPassword: ADMIN.password, bodyLimitBytes: 2000, logStream });
    // Callers may add routes before listening (npm start serves the apps this way).
    server.app.get('/boom', async () => {
      throw new Error('secret internals at /srv/sipas/db.ts:42');
    });
    server.app.post('/typed', { schema: { body: { type: 'object', required: ['count'], properties: { count: { type: 'integer' } } } } }, async () => ({ ok: true }));
    // A database failure carrying a statement's parameters, as pg and PGlite errors do.
    server.app.get('/db-failure', async () => {
      throw Object.assign(new Error('duplicate key value violates unique constraint: (câu trả lời riêng tư)'), { code: '23505', query: 'insert …', params: ['câu trả lời riêng tư'] });
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

  it('should log a database failure by its code only, never the statement, its parameters or the message', async () => {
    logLines.length = 0;
    const reply = await client.get('/db-failure');
    assert.equal(reply.status, 500);
    const logged = logLines.join('');
    assert.match(logged, /23505/);
    assert.doesNotMatch(logged, /riêng tư|insert/);
  });

  it('should answer 422 when a value reaches the database that it cannot store', async () => {
    // A NUL character passes JSON and the format's checks but PostgreSQL text cannot hold it.
    const reply = await client.get('/api/v1/questionnaires/bad%00id');
    assert.ok(reply.status === 404 || reply.status === 422, `status ${reply.status}`);
    errorCodes(reply.body);
  });

  it('should mark API answers no-store and nosniff', async () => {
    const reply = await admin.get('/api/v1/auth/me');
    assert.equal(reply.headers.get('cache-control'), 'no-store');
    assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
  });
});
