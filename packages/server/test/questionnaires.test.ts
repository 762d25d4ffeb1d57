import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { seedQuestionnaires, seedTemplates } from '@sipas/server';
import { templates } from '@sipas/templates';
import { ADMIN, createAccount, errorCodes, signIn, startServer, type ApiClient, type TestServer } from './helpers/http.js';
import { counterQuestionnaire, counterResponse, publishCounter } from './helpers/fixtures.js';
import { openTestDatabase, type TestDatabase } from './helpers/test-database.js';

describe('questionnaire management', () => {
  let database: TestDatabase;
  let test: TestServer;
  let admin: ApiClient;
  let editor: ApiClient;
  let analyst: ApiClient;

  before(async () => {
    database = await openTestDatabase();
    test = await startServer(database.db);
    admin = await signIn(test.baseUrl, ADMIN.username, ADMIN.password);
    editor = await createAccount(admin, 'designer', 'editor');
    analyst = await createAccount(admin, 'ward-analyst', 'analyst', { units: ['ward-1'] });
  });
  after(async () => {
    await test.close();
    await database.close();
  });

  describe('POST /questionnaires', () => {
    it('should store a new draft with its settings, normalizing origins', async () => {
      const created = await editor.post('/api/v1/questionnaires', {
        questionnaire: counterQuestionnaire('new-one'),
        allowedOrigins: ['https://Portal.Example.gov.vn:443', 'http://localhost:8080'],
        plannedSample: { 'ward-1': 30, 'ward-2': 0 },
      });
      assert.equal(created.status, 201);
      assert.equal(created.body.questionnaire.id, 'new-one');
      assert.deepEqual(created.body.allowedOrigins, ['https://portal.example.gov.vn', 'http://localhost:8080']);
      assert.deepEqual(created.body.plannedSample, { 'ward-1': 30, 'ward-2': 0 });
      assert.equal(created.body.latestVersion, null);
      assert.equal(created.body.updatedBy, 'designer');
    });

    it('should answer 409 when the id exists', async () => {
      const again = await editor.post('/api/v1/questionnaires', { questionnaire: counterQuestionnaire('new-one') });
      assert.equal(again.status, 409);
      assert.deepEqual(again.body.errors.map((error: { path: string; code: string }) => [error.path, error.code]), [['/questionnaire/id', 'questionnaire-exists']]);
    });

    it('should answer 422 located inside /questionnaire for an invalid questionnaire, and for bad settings', async () => {
      const broken = counterQuestionnaire('broken');
      (broken.pages[0]!.sections[0]!.questions[1] as { name: string }).name = 'overall';
      const invalid = await editor.post('/api/v1/questionnaires', { questionnaire: broken });
      assert.equal(invalid.status, 422);
      errorCodes(invalid.body);
      assert.ok(invalid.body.errors.every((error: { path: string }) => error.path.startsWith('/questionnaire/')), JSON.stringify(invalid.body));
      assert.ok(invalid.body.errors.some((error: { path: string; code: string }) => error.path === '/questionnaire/pages/0/sections/0/questions/1/name' && error.code === 'duplicate-name'));
      const missing = await editor.post('/api/v1/questionnaires', {});
      assert.equal(missing.status, 422);
      assert.equal(missing.body.errors[0].path, '/questionnaire');
      const origins = await editor.post('/api/v1/questionnaires', { questionnaire: counterQuestionnaire('x1'), allowedOrigins: ['https://ok.example', 'https://bad.example/path', 'ftp://x.example', 42] });
      assert.equal(origins.status, 422);
      assert.deepEqual(origins.body.errors.map((error: { path: string }) => error.path), ['/allowedOrigins/1', '/allowedOrigins/2', '/allowedOrigins/3']);
      const sample = await editor.post('/api/v1/questionnaires', { questionnaire: counterQuestionnaire('x2'), plannedSample: { 'ward-1': -1, 'ward/2': 1.5, 'ward-3': '4' } });
      assert.equal(sample.status, 422);
      assert.deepEqual(sample.body.errors.map((error: { path: string }) => error.path), ['/plannedSample/ward-1', '/plannedSample/ward~12', '/plannedSample/ward-3']);
      assert.equal((await editor.post('/api/v1/questionnaires', { questionnaire: counterQuestionnaire('x3'), plannedSample: [1] })).status, 422);
      assert.equal((await admin.get('/api/v1/questionnaires/x1/draft')).status, 404);
    });

    it('should be for editors and admins: 403 for analysts, 401 anonymous', async () => {
      const refused = await analyst.post('/api/v1/questionnaires', { questionnaire: counterQuestionnaire('by-analyst') });
      assert.equal(refused.status, 403);
      assert.deepEqual(errorCodes(refused.body), ['forbidden']);
      assert.equal((await test.anonymous.post('/api/v1/questionnaires', { questionnaire: counterQuestionnaire('by-nobody') })).status, 401);
      assert.equal((await admin.post('/api/v1/questionnaires', { questionnaire: counterQuestionnaire('by-admin') })).status, 201);
    });
  });

  describe('drafts and settings', () => {
    it('should let every signed-in role read a draft, and nobody anonymous', async () => {
      const read = await analyst.get('/api/v1/questionnaires/new-one/draft');
      assert.equal(read.status, 200);
      assert.deepEqual(Object.keys(read.body).sort(), ['allowedOrigins', 'latestVersion', 'plannedSample', 'questionnaire', 'updatedAt', 'updatedBy']);
      assert.equal((await test.anonymous.get('/api/v1/questionnaires/new-one/draft')).status, 401);
      assert.equal((await analyst.get('/api/v1/questionnaires/unknown/draft')).status, 404);
    });

    it('should replace a draft after checking it, with the id of the address', async () => {
      const questionnaire = counterQuestionnaire('new-one');
      questionnaire.title = { vi: 'Tiêu đề mới', en: 'New title' };
      const saved = await admin.put('/api/v1/questionnaires/new-one/draft', { questionnaire });
      assert.equal(saved.status, 200);
      assert.deepEqual(saved.body.questionnaire.title, { vi: 'Tiêu đề mới', en: 'New title' });
      assert.equal(saved.body.updatedBy, 'admin');
      const mismatch = await editor.put('/api/v1/questionnaires/new-one/draft', { questionnaire: counterQuestionnaire('other-id') });
      assert.equal(mismatch.status, 422);
      assert.deepEqual(mismatch.body.errors.map((error: { path: string; code: string }) => [error.path, error.code]), [['/questionnaire/id', 'id-mismatch']]);
      const invalid = await editor.put('/api/v1/questionnaires/new-one/draft', { questionnaire: { ...questionnaire, pages: [] } });
      assert.equal(invalid.status, 422);
      assert.ok(invalid.body.errors[0].path.startsWith('/questionnaire'));
      assert.equal((await editor.put('/api/v1/questionnaires/ghost/draft', { questionnaire: counterQuestionnaire('ghost') })).status, 404);
      assert.equal((await analyst.put('/api/v1/questionnaires/new-one/draft', { questionnaire })).status, 403);
    });

    it('should change settings one at a time, checked', async () => {
      const origins = await editor.patch('/api/v1/questionnaires/new-one/settings', { allowedOrigins: ['https://a.example'] });
      assert.equal(origins.status, 200);
      assert.deepEqual(origins.body, { allowedOrigins: ['https://a.example'], plannedSample: { 'ward-1': 30, 'ward-2': 0 } });
      const sample = await editor.patch('/api/v1/questionnaires/new-one/settings', { plannedSample: { 'ward-1': 10 } });
      assert.deepEqual(sample.body, { allowedOrigins: ['https://a.example'], plannedSample: { 'ward-1': 10 } });
      const cleared = await editor.patch('/api/v1/questionnaires/new-one/settings', { allowedOrigins: [] });
      assert.deepEqual(cleared.body.allowedOrigins, []);
      const bad = await editor.patch('/api/v1/questionnaires/new-one/settings', { allowedOrigins: 'https://a.example' });
      assert.equal(bad.status, 422);
      assert.equal(bad.body.errors[0].path, '/allowedOrigins');
      assert.equal((await editor.patch('/api/v1/questionnaires/ghost/settings', { plannedSample: {} })).status, 404);
      assert.equal((await analyst.patch('/api/v1/questionnaires/new-one/settings', { plannedSample: {} })).status, 403);
    });
  });

  describe('publishing', () => {
    it('should number versions from 1 and keep each one as it was published', async () => {
      const first = await editor.post('/api/v1/questionnaires/new-one/publish');
      assert.equal(first.status, 201);
      assert.deepEqual(first.body, { version: 1 });
      const published = await test.anonymous.get('/api/v1/questionnaires/new-one/versions/1');
      assert.equal(published.body.version, 1);
      assert.deepEqual(published.body.title, { vi: 'Tiêu đề mới', en: 'New title' });

      const questionnaire = counterQuestionnaire('new-one');
      questionnaire.title = { vi: 'Lần hai', en: 'Second' };
      await editor.put('/api/v1/questionnaires/new-one/draft', { questionnaire });
      assert.deepEqual((await test.anonymous.get('/api/v1/questionnaires/new-one/versions/1')).body, published.body);
      assert.deepEqual((await test.anonymous.get('/api/v1/questionnaires/new-one')).body, published.body);
      assert.deepEqual((await admin.post('/api/v1/questionnaires/new-one/publish')).body, { version: 2 });
      const latest = await test.anonymous.get('/api/v1/questionnaires/new-one');
      assert.equal(latest.body.version, 2);
      assert.deepEqual(latest.body.title, { vi: 'Lần hai', en: 'Second' });
      assert.deepEqual((await test.anonymous.get('/api/v1/questionnaires/new-one/versions/1')).body, published.body);
    });

    it('should give concurrent publishes distinct, consecutive numbers', async () => {
      await editor.post('/api/v1/questionnaires', { questionnaire: counterQuestionnaire('busy') });
      const replies = await Promise.all(Array.from({ length: 6 }, () => editor.post('/api/v1/questionnaires/busy/publish')));
      assert.deepEqual(replies.map((reply) => reply.status), [201, 201, 201, 201, 201, 201]);
      assert.deepEqual(replies.map((reply) => reply.body.version).sort(), [1, 2, 3, 4, 5, 6]);
    });

    it('should refuse analysts and unknown questionnaires', async () => {
      assert.equal((await analyst.post('/api/v1/questionnaires/new-one/publish')).status, 403);
      const unknown = await editor.post('/api/v1/questionnaires/ghost/publish');
      assert.equal(unknown.status, 404);
      assert.deepEqual(errorCodes(unknown.body), ['unknown-questionnaire']);
    });

    it('should list the versions with who published them', async () => {
      const listed = await analyst.get('/api/v1/questionnaires/new-one/versions');
      assert.equal(listed.status, 200);
      assert.deepEqual(listed.body.versions.map((version: { version: number; publishedBy: string }) => [version.version, version.publishedBy]), [[1, 'designer'], [2, 'admin']]);
      assert.ok(!Number.isNaN(Date.parse(listed.body.versions[0].publishedAt)));
      assert.deepEqual((await analyst.get('/api/v1/questionnaires/by-admin/versions')).body, { versions: [] });
      assert.equal((await analyst.get('/api/v1/questionnaires/ghost/versions')).status, 404);
      assert.equal((await test.anonymous.get('/api/v1/questionnaires/new-one/versions')).status, 401);
    });
  });

  describe('GET /questionnaires', () => {
    it('should list every questionnaire with its latest version and response count, counting only the account’s units', async () => {
      await publishCounter(editor, 'counted');
      for (const unit of ['ward-1', 'ward-1', 'ward-2']) {
        assert.equal((await test.anonymous.post('/api/v1/responses', counterResponse('counted', 1, { unit }))).status, 201);
      }
      const forAdmin = await admin.get('/api/v1/questionnaires');
      assert.equal(forAdmin.status, 200);
      const counted = forAdmin.body.questionnaires.find((item: { id: string }) => item.id === 'counted');
      assert.deepEqual(Object.keys(counted).sort(), ['draftUpdatedAt', 'id', 'latestVersion', 'responseCount', 'title']);
      assert.equal(counted.latestVersion, 1);
      assert.equal(counted.responseCount, 3);
      assert.deepEqual(counted.title, counterQuestionnaire('counted').title);
      const forAnalyst = await analyst.get('/api/v1/questionnaires');
      assert.equal(forAnalyst.body.questionnaires.find((item: { id: string }) => item.id === 'counted').responseCount, 2);
      assert.equal(forAdmin.body.questionnaires.find((item: { id: string }) => item.id === 'by-admin').latestVersion, null);
      assert.equal((await test.anonymous.get('/api/v1/questionnaires')).status, 401);
    });
  });

  describe('seedQuestionnaires', () => {
    it('should store nothing when a document is not valid here, saying which and where', async () => {
      const good = counterQuestionnaire('seed-good');
      const custom = { ...counterQuestionnaire('seed-custom'), pages: [{ name: 'p1', sections: [{ name: 's1', questions: [{ type: 'not-loaded', name: 'q1', title: 'Câu' }] }] }] };
      await assert.rejects(() => seedQuestionnaires(database.db, [good, custom as never]), /seed-custom: \/pages\/0\/sections\/0\/questions\/0\/type unknown-type/);
      assert.equal((await test.anonymous.get('/api/v1/questionnaires/seed-good')).status, 404, 'not even the valid one');
      assert.deepEqual(await seedQuestionnaires(database.db, [good]), ['seed-good']);
    });
  });

  describe('seedTemplates', () => {
    it('should publish each standard questionnaire once as version 1 and leave existing ones alone', async () => {
      await editor.post('/api/v1/questionnaires', { questionnaire: { ...counterQuestionnaire('kiosk-quick'), title: { vi: 'Của chúng tôi', en: 'Ours' } } });
      const added = await seedTemplates(database.db);
      assert.deepEqual(added.sort(), templates.map((template) => template.id).filter((id) => id !== 'kiosk-quick').sort());
      assert.deepEqual(await seedTemplates(database.db), []);
      for (const id of added) {
        const published = await test.anonymous.get(`/api/v1/questionnaires/${id}`);
        assert.equal(published.status, 200, id);
        assert.equal(published.body.version, 1);
        assert.equal((await admin.get(`/api/v1/questionnaires/${id}/versions`)).body.versions.length, 1);
      }
      const ours = await admin.get('/api/v1/questionnaires/kiosk-quick/draft');
      assert.deepEqual(ours.body.questionnaire.title, { vi: 'Của chúng tôi', en: 'Ours' });
      assert.equal(ours.body.latestVersion, null);
    });
  });
});
