import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, errorCodes, signIn, startServer, type ApiClient, type TestServer } from './helpers/http.js';
import { counterQuestionnaire, counterResponse, paperResponse, publishCounter } from './helpers/fixtures.js';
import { openTestDatabase, type TestDatabase } from './helpers/test-database.js';

const PORTAL = 'https://portal.example.gov.vn';
const ELSEWHERE = 'https://elsewhere.example.com';

describe('public collector routes', () => {
  let database: TestDatabase;
  let test: TestServer;
  let admin: ApiClient;
  let clock = new Date('2025-03-04T08:00:00.000Z');

  before(async () => {
    database = await openTestDatabase();
    test = await startServer(database.db, { now: () => clock });
    admin = await signIn(test.baseUrl, ADMIN.username, ADMIN.password);
    await publishCounter(admin, 'counter-a', { allowedOrigins: [PORTAL] });
    await publishCounter(admin, 'counter-b');
  });
  after(async () => {
    await test.close();
    await database.close();
  });

  const countStored = async (responseId: string) =>
    (await database.db.query<{ n: number }>('select count(*)::int as n from responses where response_id = $1', [responseId])).rows[0]!.n;

  describe('GET /questionnaires/:id', () => {
    it('should answer the latest published version with short public caching and an ETag', async () => {
      const reply = await test.anonymous.get('/api/v1/questionnaires/counter-a');
      assert.equal(reply.status, 200);
      assert.equal(reply.body.id, 'counter-a');
      assert.equal(reply.body.version, 1);
      assert.equal(reply.headers.get('cache-control'), 'public, max-age=60');
      assert.equal(reply.headers.get('access-control-allow-origin'), '*');
      assert.match(reply.headers.get('etag') ?? '', /^"v1"$/);
    });

    it('should answer 304 without a body when If-None-Match names the current version, and 200 once a new one is published', async () => {
      await publishCounter(admin, 'counter-etag');
      const first = await test.anonymous.get('/api/v1/questionnaires/counter-etag');
      const etag = first.headers.get('etag')!;
      const notModified = await test.anonymous.get('/api/v1/questionnaires/counter-etag', { headers: { 'if-none-match': `W/${etag}, "other"` } });
      assert.equal(notModified.status, 304);
      assert.equal(notModified.body, undefined);
      assert.equal(notModified.headers.get('etag'), etag);
      assert.equal((await admin.post('/api/v1/questionnaires/counter-etag/publish')).status, 201);
      const changed = await test.anonymous.get('/api/v1/questionnaires/counter-etag', { headers: { 'if-none-match': etag } });
      assert.equal(changed.status, 200);
      assert.equal(changed.body.version, 2);
      assert.notEqual(changed.headers.get('etag'), etag);
    });

    it('should answer 404 with a located error for an unknown questionnaire or one never published', async () => {
      const unknown = await test.anonymous.get('/api/v1/questionnaires/nope');
      assert.equal(unknown.status, 404);
      assert.deepEqual(errorCodes(unknown.body), ['unknown-questionnaire']);
      assert.equal((await admin.post('/api/v1/questionnaires', { questionnaire: counterQuestionnaire('draft-only') })).status, 201);
      const draftOnly = await test.anonymous.get('/api/v1/questionnaires/draft-only');
      assert.equal(draftOnly.status, 404);
      assert.deepEqual(errorCodes(draftOnly.body), ['unknown-questionnaire']);
    });
  });

  describe('GET /questionnaires/:id/versions/:version', () => {
    it('should answer a numbered version with immutable caching', async () => {
      const reply = await test.anonymous.get('/api/v1/questionnaires/counter-a/versions/1');
      assert.equal(reply.status, 200);
      assert.equal(reply.body.version, 1);
      assert.equal(reply.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      const cached = await test.anonymous.get('/api/v1/questionnaires/counter-a/versions/1', { headers: { 'if-none-match': reply.headers.get('etag')! } });
      assert.equal(cached.status, 304);
    });

    it('should answer 404 unknown-version for a version never published or not a number', async () => {
      for (const version of ['9', '0', 'latest', '1.5']) {
        const reply = await test.anonymous.get(`/api/v1/questionnaires/counter-a/versions/${version}`);
        assert.equal(reply.status, 404, version);
        assert.deepEqual(errorCodes(reply.body), ['unknown-version']);
      }
    });
  });

  describe('POST /responses', () => {
    it('should store a response once and answer 201 with its receipt', async () => {
      const response = counterResponse('counter-b', 1, { unit: 'ward-1', serviceField: 'land' });
      const reply = await test.anonymous.post('/api/v1/responses', response);
      assert.equal(reply.status, 201);
      assert.deepEqual(reply.body, { receipt: { responseId: response.responseId, receivedAt: clock.toISOString() } });
      assert.equal(reply.headers.get('cache-control'), 'no-store');
      const { rows } = await database.db.query<Record<string, unknown>>('select * from responses where response_id = $1', [response.responseId]);
      assert.equal(rows.length, 1);
      const row = rows[0]!;
      assert.equal(row.questionnaire_id, 'counter-b');
      assert.equal(row.questionnaire_version, 1);
      assert.equal(row.channel, 'kiosk');
      assert.equal(row.unit, 'ward-1');
      assert.equal(row.service_field, 'land');
      assert.equal(row.paper_serial, null);
      assert.equal((row.submitted_at as Date).toISOString(), response.submittedAt);
      assert.deepEqual(row.document, response);
    });

    it('should answer a repeat of the responseId 200 with the original receipt, unchecked, storing nothing twice', async () => {
      const response = counterResponse('counter-b');
      const first = await test.anonymous.post('/api/v1/responses', response);
      const receipt = first.body.receipt;
      clock = new Date(clock.getTime() + 5_000);
      const again = await test.anonymous.post('/api/v1/responses', response);
      assert.equal(again.status, 200);
      assert.deepEqual(again.body, { receipt });
      // What was accepted stays accepted, even if the resent copy would not pass now.
      const changed = await test.anonymous.post('/api/v1/responses', { ...response, answers: { overall: 99 } });
      assert.equal(changed.status, 200);
      assert.deepEqual(changed.body, { receipt });
      assert.equal(await countStored(response.responseId), 1);
    });

    it('should store concurrent deliveries of one response exactly once', async () => {
      const response = counterResponse('counter-b');
      const replies = await Promise.all(Array.from({ length: 6 }, () => test.anonymous.post('/api/v1/responses', response)));
      assert.deepEqual(replies.map((reply) => reply.status).sort(), [200, 200, 200, 200, 200, 201]);
      const receipts = new Set(replies.map((reply) => JSON.stringify(reply.body.receipt)));
      assert.equal(receipts.size, 1);
      assert.equal(await countStored(response.responseId), 1);
    });

    it('should answer 422 when the responseId or questionnaire id is missing, or the body is not an object', async () => {
      const missing = await test.anonymous.post('/api/v1/responses', { answers: {} });
      assert.equal(missing.status, 422);
      assert.deepEqual(missing.body.errors.map((error: { path: string }) => error.path), ['/responseId', '/questionnaire/id']);
      const list = await test.anonymous.post('/api/v1/responses', [counterResponse('counter-b')]);
      assert.equal(list.status, 422);
      assert.deepEqual(errorCodes(list.body), ['required', 'required']);
      const noVersion = await test.anonymous.post('/api/v1/responses', { ...counterResponse('counter-b'), questionnaire: { id: 'counter-b' } });
      assert.equal(noVersion.status, 422);
      assert.equal(noVersion.body.errors[0].path, '/questionnaire/version');
    });

    it('should answer 404 located at /questionnaire/id for an unknown questionnaire and at /questionnaire/version for an unknown version', async () => {
      const unknown = await test.anonymous.post('/api/v1/responses', counterResponse('nope'));
      assert.equal(unknown.status, 404);
      assert.deepEqual(unknown.body.errors.map((error: { path: string; code: string }) => [error.path, error.code]), [['/questionnaire/id', 'unknown-questionnaire']]);
      const draftOnly = await test.anonymous.post('/api/v1/responses', counterResponse('draft-only'));
      assert.equal(draftOnly.status, 404);
      const version = await test.anonymous.post('/api/v1/responses', counterResponse('counter-b', 7));
      assert.equal(version.status, 404);
      assert.deepEqual(version.body.errors.map((error: { path: string; code: string }) => [error.path, error.code]), [['/questionnaire/version', 'unknown-version']]);
    });

    it("should answer 422 with checkResponse's located errors", async () => {
      const cases: [Record<string, unknown>, string, string][] = [
        [{ overall: 7 }, '/answers/overall', 'not-in-scale'],
        [{}, '/answers/overall', 'missing-required'],
        [{ overall: 3, reason: 'vì sao' }, '/answers/reason', 'hidden-answered'],
      ];
      for (const [answers, path] of cases) {
        const reply = await test.anonymous.post('/api/v1/responses', counterResponse('counter-b', 1, { answers: answers as never }));
        assert.equal(reply.status, 422, JSON.stringify(answers));
        errorCodes(reply.body);
        assert.ok(reply.body.errors.some((error: { path: string }) => error.path === path), JSON.stringify(reply.body));
      }
      const wrongChannel = await test.anonymous.post('/api/v1/responses', counterResponse('counter-b', 1, { channel: 'phone' }));
      assert.equal(wrongChannel.status, 422);
      assert.equal(wrongChannel.body.errors[0].path, '/channel');
    });

    it('should check a response against the very version it names', async () => {
      await publishCounter(admin, 'counter-versions');
      const draft = (await admin.get('/api/v1/questionnaires/counter-versions/draft')).body.questionnaire;
      draft.pages[0].sections[0].questions.find((question: { name: string }) => question.name === 'convenience').required = true;
      assert.equal((await admin.put('/api/v1/questionnaires/counter-versions/draft', { questionnaire: draft })).status, 200);
      assert.equal((await admin.post('/api/v1/questionnaires/counter-versions/publish')).body.version, 2);
      const onVersion1 = await test.anonymous.post('/api/v1/responses', counterResponse('counter-versions', 1));
      assert.equal(onVersion1.status, 201);
      const onVersion2 = await test.anonymous.post('/api/v1/responses', counterResponse('counter-versions', 2));
      assert.equal(onVersion2.status, 422);
      assert.equal(onVersion2.body.errors[0].path, '/answers/convenience');
      const stored = await database.db.query<{ questionnaire_version: number }>('select questionnaire_version from responses where response_id = $1', [onVersion1.body.receipt.responseId]);
      assert.equal(stored.rows[0]!.questionnaire_version, 1);
    });

    it('should refuse a second paper form with the same serial (compared normalized) with 409, per questionnaire', async () => {
      const first = await test.anonymous.post('/api/v1/responses', paperResponse('counter-b', ' ab  12 '));
      assert.equal(first.status, 201);
      const stored = await database.db.query<{ paper_serial: string }>('select paper_serial from responses where response_id = $1', [first.body.receipt.responseId]);
      assert.equal(stored.rows[0]!.paper_serial, 'AB 12');
      const second = await test.anonymous.post('/api/v1/responses', paperResponse('counter-b', 'AB 12'));
      assert.equal(second.status, 409);
      assert.deepEqual(second.body.errors.map((error: { path: string; code: string }) => [error.path, error.code]), [['/paper/serial', 'duplicate-serial']]);
      errorCodes(second.body);
      const otherQuestionnaire = await test.anonymous.post('/api/v1/responses', paperResponse('counter-versions', 'AB 12'));
      assert.equal(otherQuestionnaire.status, 201);
      // A repeat of the first delivery is still a repeat, not a clash with itself.
      const repeat = await test.anonymous.post('/api/v1/responses', { ...paperResponse('counter-b', 'AB 12'), responseId: first.body.receipt.responseId });
      assert.equal(repeat.status, 200);
    });

    it('should answer 422, never 500, for values the database or the engine cannot hold, storing nothing', async () => {
      const cases: [string, Record<string, unknown>, string, string][] = [
        ['a NUL character in a free text', { answers: { overall: 1, reason: 'a\u0000b' } }, '/answers/reason', 'unstorable-text'],
        ['a NUL character in the responseId', { responseId: 'x\u0000y' }, '/responseId', 'unstorable-text'],
        ['a lone surrogate in a free text', { answers: { overall: 1, reason: 'a\ud800b' } }, '/answers/reason', 'unstorable-text'],
        ['a version beyond PostgreSQL integers', { questionnaire: { id: 'counter-a', version: 2 ** 31 } }, '/questionnaire/version', 'required'],
        ['a leap second', { submittedAt: '2016-12-31T23:59:60Z' }, '/submittedAt', 'unusable-date-time'],
        ['year 0', { startedAt: '0000-01-01T00:00:00Z' }, '/startedAt', 'unusable-date-time'],
      ];
      for (const [what, overrides, path, code] of cases) {
        const response = { ...counterResponse('counter-a'), ...overrides };
        const reply = await test.anonymous.post('/api/v1/responses', response);
        assert.equal(reply.status, 422, what);
        assert.ok(errorCodes(reply.body).includes(code), `${what}: ${JSON.stringify(reply.body)}`);
        assert.ok(reply.body.errors.some((error: { path: string }) => error.path === path), `${what} located at ${path}: ${JSON.stringify(reply.body)}`);
        if (typeof response.responseId === 'string' && !response.responseId.includes('\u0000')) assert.equal(await countStored(response.responseId), 0, what);
      }
      const nulInPath = await test.anonymous.get('/api/v1/questionnaires/counter%00a');
      assert.equal(nulInPath.status, 422);
      assert.deepEqual(nulInPath.body.errors.map((error: { path: string }) => error.path), ['/params/id']);
    });

    it('should answer 400 invalid-json for a body that is not JSON or is empty', async () => {
      for (const raw of ['{"responseId": ', '']) {
        const reply = await test.anonymous.post('/api/v1/responses', undefined, { raw, headers: { 'content-type': 'application/json' } });
        assert.equal(reply.status, 400, JSON.stringify(raw));
        assert.deepEqual(errorCodes(reply.body), ['invalid-json']);
      }
    });

    it('should answer 413 too-large over 1 MiB', async () => {
      const response = counterResponse('counter-b', 1, { answers: { overall: 3, padding: 'x'.repeat(1024 * 1024) } as never });
      const reply = await test.anonymous.post('/api/v1/responses', response);
      assert.equal(reply.status, 413);
      assert.deepEqual(errorCodes(reply.body), ['too-large']);
      assert.equal(await countStored(response.responseId), 0);
    });

    it('should answer 415 for bodies that are not JSON, and accept JSON with a charset', async () => {
      const json = JSON.stringify(counterResponse('counter-b'));
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
        const reply = await test.anonymous.post('/api/v1/responses', undefined, { raw: json, headers: { 'content-type': type } });
        assert.equal(reply.status, 415, type);
        assert.deepEqual(errorCodes(reply.body), ['unsupported-media-type']);
      }
      const charset = await test.anonymous.post('/api/v1/responses', undefined, { raw: json, headers: { 'content-type': 'application/json; charset=utf-8' } });
      assert.equal(charset.status, 201);
    });
  });

  describe('CORS', () => {
    const post = (origin: string | undefined, response = counterResponse('counter-a')) =>
      test.anonymous.post('/api/v1/responses', response, origin ? { headers: { origin } } : {});

    it("should echo an origin the questionnaire allows and expose Retry-After", async () => {
      const reply = await post(PORTAL);
      assert.equal(reply.status, 201);
      assert.equal(reply.headers.get('access-control-allow-origin'), PORTAL);
      assert.equal(reply.headers.get('access-control-expose-headers'), 'Retry-After');
      assert.match(reply.headers.get('vary') ?? '', /Origin/);
    });

    it('should refuse other origins with 403 origin-not-allowed and no Allow-Origin, storing nothing', async () => {
      const response = counterResponse('counter-a');
      const reply = await post(ELSEWHERE, response);
      assert.equal(reply.status, 403);
      assert.deepEqual(errorCodes(reply.body), ['origin-not-allowed']);
      assert.equal(reply.headers.get('access-control-allow-origin'), null);
      // Allowed for counter-a does not mean allowed for counter-b.
      const otherQuestionnaire = await post(PORTAL, counterResponse('counter-b'));
      assert.equal(otherQuestionnaire.status, 403);
      assert.equal(otherQuestionnaire.headers.get('access-control-allow-origin'), null);
      assert.equal(await countStored(response.responseId), 0);
    });

    it('should always accept same-origin requests and requests without an Origin', async () => {
      const sameOrigin = await post(test.baseUrl, counterResponse('counter-b'));
      assert.equal(sameOrigin.status, 201);
      assert.equal(sameOrigin.headers.get('access-control-allow-origin'), null);
      assert.equal((await post(undefined, counterResponse('counter-b'))).status, 201);
    });

    it('should answer a preflight from an allowed origin and refuse others', async () => {
      const headers = { origin: PORTAL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type', 'access-control-request-private-network': 'true' };
      const allowed = await test.anonymous.request('OPTIONS', '/api/v1/responses', undefined, { headers });
      assert.equal(allowed.status, 204);
      assert.equal(allowed.headers.get('access-control-allow-origin'), PORTAL);
      assert.match(allowed.headers.get('access-control-allow-methods') ?? '', /POST/);
      assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /Content-Type/i);
      assert.equal(allowed.headers.get('access-control-allow-private-network'), 'true');
      const refused = await test.anonymous.request('OPTIONS', '/api/v1/responses', undefined, { headers: { ...headers, origin: ELSEWHERE } });
      assert.equal(refused.status, 403);
      assert.equal(refused.headers.get('access-control-allow-origin'), null);
      assert.deepEqual(errorCodes(refused.body), ['origin-not-allowed']);
    });

    it('should let an allowed origin read refusals that come before the body is read', async () => {
      const tooLarge = await post(PORTAL, counterResponse('counter-a', 1, { answers: { padding: 'x'.repeat(1024 * 1024 + 1) } as never }));
      assert.equal(tooLarge.status, 413);
      assert.equal(tooLarge.headers.get('access-control-allow-origin'), PORTAL);
      const badJson = await test.anonymous.post('/api/v1/responses', undefined, { raw: '{', headers: { origin: PORTAL, 'content-type': 'application/json' } });
      assert.equal(badJson.status, 400);
      assert.equal(badJson.headers.get('access-control-allow-origin'), PORTAL);
    });
  });

  describe('rate limit', () => {
    it('should answer 429 with Retry-After past the per-client limit, readable by an allowed origin, until the minute is over', async () => {
      let now = new Date('2025-03-04T09:00:00.000Z');
      const limited = await startServer(database.db, { now: () => now, rateLimit: { responsesPerMinute: 3, loginsPerMinute: 10 } });
      try {
        const send = () => limited.anonymous.post('/api/v1/responses', counterResponse('counter-a'), { headers: { origin: PORTAL } });
        for (let i = 0; i < 3; i++) assert.equal((await send()).status, 201);
        now = new Date(now.getTime() + 20_000);
        const refused = await send();
        assert.equal(refused.status, 429);
        assert.equal(refused.headers.get('retry-after'), '40');
        assert.equal(refused.headers.get('access-control-allow-origin'), PORTAL);
        assert.deepEqual(errorCodes(refused.body), ['rate-limited']);
        now = new Date(now.getTime() + 40_000);
        assert.equal((await send()).status, 201);
      } finally {
        await limited.close();
      }
    });
  });
});
