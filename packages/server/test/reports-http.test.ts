/**
 * Reports and exports through HTTP: a SIPAS 2640 questionnaire published twice through the API,
 * simulated responses posted to POST /responses, then every figure checked against computeIndex
 * over the same responses in memory. PGlite in memory, or PostgreSQL when DATABASE_URL is set.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { computeIndex, parseCsv, type IndexOptions, type IndexReport } from '@sipas/index';
import { flattenHierarchy } from '@sipas/schema';
import { seededRandom, simulateResponses } from '@sipas/core';
import type { Questionnaire, Response } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';
import { csvCell } from '../src/reports/csv-text.js';
import { indexCsv } from '../src/reports/exports.js';
import { responseCells, responseColumns } from '../src/reports/response-columns.js';
import { ADMIN, ApiClient, createAccount, errorCodes, signIn, startServer, type TestServer } from './helpers/http.js';
import { openTestDatabase, type TestDatabase } from './helpers/test-database.js';

const ID = 'report-2640';
const PLANNED: Record<string, number> = { 'ex-p1-d1-c1': 40, 'ex-p1-d1-c2': 15, 'ex-p1-d2-c1': 25, 'ex-p2-d1-c1': 20, 'planned-only': 5 };
/** The units an account limited to the district ex-p1-d1 sees. */
const DISTRICT_UNITS = ['ex-p1-d1', 'ex-p1-d1-c1', 'ex-p1-d1-c2'];
const VN = '+07:00';

interface Posted {
  response: Response;
  receivedAt: string;
}

/** The figures of a report, without what differs by design (questionnaire, generation time). */
function figures(report: Pick<IndexReport, 'responses' | 'options' | 'overall' | 'groups' | 'ranking'>) {
  const { responses, options, overall, groups, ranking } = report;
  return { responses, options, overall, groups, ranking };
}

/** Opens an XLSX body with exceljs's reader. */
async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

/** A download with the client's credentials, as bytes (fetch's text() would drop the byte-order mark). */
async function download(client: ApiClient, path: string): Promise<{ status: number; headers: Headers; bytes: Uint8Array }> {
  const headers: Record<string, string> = {};
  if (client.cookie) headers.cookie = client.cookie;
  if (client.bearer) headers.authorization = `Bearer ${client.bearer}`;
  const reply = await fetch(`${client.baseUrl}${path}`, { headers });
  return { status: reply.status, headers: reply.headers, bytes: new Uint8Array(await reply.arrayBuffer()) };
}

const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/** The calendar day of an instant in Vietnam. */
const vietnameseDay = (timestamp: string) => new Date(Date.parse(timestamp) + 7 * 3_600_000).toISOString().slice(0, 10);

describe('report and export routes', () => {
  let database: TestDatabase;
  let test: TestServer;
  let admin: ApiClient;
  let analyst: ApiClient;
  let districtAnalyst: ApiClient;
  let editor: ApiClient;
  let version1: Questionnaire;
  let version2: Questionnaire;
  const posted: Posted[] = [];
  const postedTo = (version: number) => posted.filter((entry) => entry.response.questionnaire.version === version).map((entry) => entry.response);
  const all = () => posted.map((entry) => entry.response);

  async function publish(questionnaire: Questionnaire, settings: Record<string, unknown> = {}): Promise<Questionnaire> {
    const exists = (await admin.get(`/api/v1/questionnaires/${questionnaire.id}/draft`)).status === 200;
    const saved = exists
      ? await admin.put(`/api/v1/questionnaires/${questionnaire.id}/draft`, { questionnaire })
      : await admin.post('/api/v1/questionnaires', { questionnaire, ...settings });
    assert.ok(saved.status === 200 || saved.status === 201, JSON.stringify(saved.body));
    assert.equal((await admin.post(`/api/v1/questionnaires/${questionnaire.id}/publish`)).status, 201);
    const published = await test.anonymous.get(`/api/v1/questionnaires/${questionnaire.id}`);
    assert.equal(published.status, 200);
    return published.body as Questionnaire;
  }

  async function post(responses: Iterable<Response>, into: Posted[] = posted): Promise<void> {
    for (const response of responses) {
      const reply = await test.anonymous.post('/api/v1/responses', response);
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
      into.push({ response, receivedAt: reply.body.receipt.receivedAt });
    }
  }

  before(async () => {
    database = await openTestDatabase();
    test = await startServer(database.db, { rateLimit: { responsesPerMinute: 100_000, loginsPerMinute: 100 } });
    admin = await signIn(test.baseUrl, ADMIN.username, ADMIN.password);
    analyst = await createAccount(admin, 'analyst-all', 'analyst');
    districtAnalyst = await createAccount(admin, 'analyst-district', 'analyst', { units: ['ex-p1-d1'] });
    editor = await createAccount(admin, 'editor-one', 'editor');

    const template = { ...copyTemplate('sipas-2640')!, id: ID };
    version1 = await publish(template, { plannedSample: PLANNED });
    await post(simulateResponses(version1, 80, { random: seededRandom(11), from: '2024-01-01', to: '2024-12-31' }));
    // A reworded version: the index model and the questions it reads are the same.
    version2 = await publish({ ...template, title: { vi: 'Khảo sát SIPAS (sửa lời)', en: 'SIPAS survey (reworded)' } });
    await post(simulateResponses(version2, 40, { random: seededRandom(12), from: '2024-06-01', to: '2025-03-31' }));
  });

  after(async () => {
    await test.close();
    await database.close();
  });

  describe('GET /questionnaires/:id/report', () => {
    it('should report the latest version by default, with the same figures as computeIndex', async () => {
      const reply = await analyst.get(`/api/v1/questionnaires/${ID}/report`);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.deepEqual(reply.body.questionnaire, { id: ID, version: 2, versions: [2], title: version2.title });
      assert.deepEqual(reply.body.filters, { version: 'latest', versions: [2], by: [], where: {}, utcOffset: VN, units: null });
      assert.ok(Number.isFinite(Date.parse(reply.body.generatedAt)));
      assert.equal(reply.body.responses, 40);
      assert.deepEqual(figures(reply.body), figures(computeIndex(version2, postedTo(2), { by: [], utcOffset: VN })));
    });

    it('should report one version by number', async () => {
      const reply = await admin.get(`/api/v1/questionnaires/${ID}/report?version=1`);
      assert.equal(reply.status, 200);
      assert.deepEqual(reply.body.questionnaire.versions, [1]);
      assert.deepEqual(figures(reply.body), figures(computeIndex(version1, postedTo(1), { by: [], utcOffset: VN })));
    });

    it('should add up every version whose index model is the latest one\'s with version=all', async () => {
      const reply = await analyst.get(`/api/v1/questionnaires/${ID}/report?version=all`);
      assert.equal(reply.status, 200);
      assert.deepEqual(reply.body.questionnaire.versions, [2, 1]);
      assert.equal(reply.body.filters.version, 'all');
      assert.equal(reply.body.responses, 120);
      assert.deepEqual(figures(reply.body), figures(computeIndex(version2, all(), { by: [], utcOffset: VN })));
    });

    it('should group by several dimensions and filter by days and channels', async () => {
      const reply = await analyst.get(`/api/v1/questionnaires/${ID}/report?version=all&by=unit:province,quarter&from=2024-02-01&to=2024-09-30&where.channel=paper,online`);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      const options: IndexOptions = { by: ['unit:province', 'quarter'], from: '2024-02-01', to: '2024-09-30', where: { channel: ['paper', 'online'] }, utcOffset: VN };
      const expected = computeIndex(version2, all(), options);
      assert.ok(expected.groups.length > 4, 'several groups');
      assert.ok(expected.responses > 0 && expected.responses < 120, 'the filters leave some responses out');
      assert.deepEqual(figures(reply.body), figures(expected));
      assert.deepEqual(reply.body.filters.where, { channel: ['paper', 'online'] });
    });

    it('should rank units when grouped by one unit dimension, and filter by unit and field', async () => {
      const ranked = await analyst.get(`/api/v1/questionnaires/${ID}/report?version=all&by=unit`);
      const expected = computeIndex(version2, all(), { by: ['unit'], utcOffset: VN });
      assert.ok(expected.ranking && expected.ranking.entries.length > 3);
      assert.deepEqual(figures(ranked.body), figures(expected));

      const field = all().find((response) => response.serviceField)!.serviceField!;
      const filtered = await analyst.get(`/api/v1/questionnaires/${ID}/report?version=all&where.unit=ex-p1-d1-c1,ex-p2-d1-c1&where.field=${field}&by=answer:gender`);
      assert.equal(filtered.status, 200, JSON.stringify(filtered.body));
      assert.deepEqual(figures(filtered.body), figures(computeIndex(version2, all(), { by: ['answer:gender'], where: { unit: ['ex-p1-d1-c1', 'ex-p2-d1-c1'], field: [field] }, utcOffset: VN })));
    });

    it('should roll units up with where.unit:<level>', async () => {
      const reply = await analyst.get(`/api/v1/questionnaires/${ID}/report?version=all&where.unit:province=ex-p1&by=unit:district`);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.deepEqual(figures(reply.body), figures(computeIndex(version2, all(), { by: ['unit:district'], where: { 'unit:province': ['ex-p1'] }, utcOffset: VN })));
    });

    it('should count days in the offset asked for', async () => {
      const reply = await analyst.get(`/api/v1/questionnaires/${ID}/report?version=all&by=month&utcOffset=Z&from=2024-03-01`);
      assert.equal(reply.status, 200);
      assert.deepEqual(figures(reply.body), figures(computeIndex(version2, all(), { by: ['month'], from: '2024-03-01', utcOffset: 'Z' })));
    });

    it('should answer 422 with located, bilingual errors for bad query values', async () => {
      const bad = await analyst.get(`/api/v1/questionnaires/${ID}/report?by=colour&from=2024-13-01&where.channel=fax&version=x`);
      assert.equal(bad.status, 422);
      assert.deepEqual(errorCodes(bad.body).sort(), ['invalid-date', 'invalid-version', 'unknown-channel', 'unknown-dimension']);
      assert.deepEqual(bad.body.errors.map((error: { path: string }) => error.path).sort(), ['/query/by', '/query/from', '/query/version', '/query/where.channel']);

      const level = await analyst.get(`/api/v1/questionnaires/${ID}/report?by=unit:ward`);
      assert.equal(level.status, 422);
      assert.deepEqual(level.body.errors.map((error: { path: string; code: string }) => `${error.path} ${error.code}`), ['/query/by unknown-dimension']);

      const notBreakdown = await analyst.get(`/api/v1/questionnaires/${ID}/report?by=answer:comments`);
      assert.equal(notBreakdown.status, 422);

      const missingVersion = await analyst.get(`/api/v1/questionnaires/${ID}/report?version=9`);
      assert.equal(missingVersion.status, 422);
      assert.deepEqual(errorCodes(missingVersion.body), ['unknown-version']);
    });

    it('should answer 404 for an unknown questionnaire and for one never published', async () => {
      const unknown = await analyst.get('/api/v1/questionnaires/no-such-survey/report');
      assert.equal(unknown.status, 404);
      assert.deepEqual(errorCodes(unknown.body), ['unknown-questionnaire']);
      const draft = { ...copyTemplate('sipas-2640')!, id: 'report-draft-only' };
      assert.equal((await admin.post('/api/v1/questionnaires', { questionnaire: draft })).status, 201);
      const unpublished = await analyst.get('/api/v1/questionnaires/report-draft-only/report');
      assert.equal(unpublished.status, 404);
      assert.deepEqual(errorCodes(unpublished.body), ['not-published']);
    });

    it('should answer 401 to anonymous requests and 403 to editors, on every route', async () => {
      for (const path of ['report', 'progress', 'export/responses.csv', 'export/responses.xlsx', 'export/index.csv', 'export/index.xlsx']) {
        const anonymous = await test.anonymous.get(`/api/v1/questionnaires/${ID}/${path}`);
        assert.equal(anonymous.status, 401, path);
        assert.deepEqual(errorCodes(anonymous.body), ['unauthenticated']);
        const refused = await editor.get(`/api/v1/questionnaires/${ID}/${path}`);
        assert.equal(refused.status, 403, path);
        assert.deepEqual(errorCodes(refused.body), ['forbidden']);
      }
    });

    it('should accept an analyst\'s API token', async () => {
      const created = await analyst.post('/api/v1/auth/tokens', { name: 'dashboard' });
      assert.equal(created.status, 201);
      const client = new ApiClient(test.baseUrl, { bearer: created.body.token });
      const reply = await client.get(`/api/v1/questionnaires/${ID}/report`);
      assert.equal(reply.status, 200);
      assert.equal(reply.body.responses, 40);
    });
  });

  describe('an account limited to units', () => {
    const seen = () => all().filter((response) => response.unit !== undefined && DISTRICT_UNITS.includes(response.unit));

    it('should see only the responses of its units and the units below them', async () => {
      const reply = await districtAnalyst.get(`/api/v1/questionnaires/${ID}/report?version=all&by=unit`);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.ok(seen().length > 5 && seen().length < 60);
      assert.equal(reply.body.responses, seen().length);
      assert.deepEqual(reply.body.filters.units, ['ex-p1-d1']);
      assert.deepEqual(figures(reply.body), figures(computeIndex(version2, seen(), { by: ['unit'], utcOffset: VN })));
      for (const group of reply.body.groups) assert.ok(DISTRICT_UNITS.includes(group.key.unit), group.key.unit);
    });

    it('should answer 403 when it asks for another unit, and accept its own or an ancestor', async () => {
      const other = await districtAnalyst.get(`/api/v1/questionnaires/${ID}/report?where.unit=ex-p1-d1-c1,ex-p2-d1-c1`);
      assert.equal(other.status, 403);
      assert.deepEqual(other.body.errors.map((error: { path: string; code: string }) => `${error.path} ${error.code}`), ['/query/where.unit unit-not-allowed']);
      const otherProvince = await districtAnalyst.get(`/api/v1/questionnaires/${ID}/export/responses.csv?where.unit:province=ex-p2`);
      assert.equal(otherProvince.status, 403);

      const own = await districtAnalyst.get(`/api/v1/questionnaires/${ID}/report?version=all&where.unit=ex-p1-d1-c2`);
      assert.equal(own.status, 200);
      assert.equal(own.body.responses, seen().filter((response) => response.unit === 'ex-p1-d1-c2').length);
      const ancestor = await districtAnalyst.get(`/api/v1/questionnaires/${ID}/report?version=all&where.unit:province=ex-p1`);
      assert.equal(ancestor.status, 200);
      assert.equal(ancestor.body.responses, seen().length);
    });

    it('should see the progress and the exports of its units only', async () => {
      const progress = await districtAnalyst.get(`/api/v1/questionnaires/${ID}/progress`);
      assert.equal(progress.status, 200);
      assert.deepEqual(progress.body.units.map((row: { unit: string }) => row.unit).sort(), [...new Set(['ex-p1-d1-c1', 'ex-p1-d1-c2', ...seen().map((response) => response.unit!)])].sort());
      assert.equal(progress.body.total.collected, seen().length);
      assert.equal(progress.body.total.planned, PLANNED['ex-p1-d1-c1']! + PLANNED['ex-p1-d1-c2']!);

      const csv = await download(districtAnalyst, `/api/v1/questionnaires/${ID}/export/responses.csv?version=all`);
      const [header, ...rows] = parseCsv(utf8(csv.bytes)).records.map((record) => record.cells);
      const unitColumn = header!.indexOf('unit');
      assert.equal(rows.length, seen().length);
      for (const row of rows) assert.ok(DISTRICT_UNITS.includes(row[unitColumn]!));
    });
  });

  describe('GET /questionnaires/:id/progress', () => {
    const countBy = <T>(items: T[], key: (item: T) => string | null) => {
      const counts = new Map<string | null, number>();
      for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
      return counts;
    };

    it('should count every version\'s responses per unit and channel against the plan', async () => {
      const reply = await analyst.get(`/api/v1/questionnaires/${ID}/progress`);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.deepEqual(reply.body.questionnaire.versions, [2, 1]);
      const collected = countBy(all(), (response) => response.unit ?? null);
      const expectedUnits = new Set<string | null>([...Object.keys(PLANNED), ...collected.keys()]);
      assert.equal(reply.body.units.length, expectedUnits.size);
      for (const row of reply.body.units) {
        assert.equal(row.collected, collected.get(row.unit) ?? 0, `collected of ${row.unit}`);
        assert.equal(row.planned, row.unit === null ? null : (PLANNED[row.unit] ?? null), `planned of ${row.unit}`);
        assert.equal(row.share, row.planned ? row.collected / row.planned : null);
        const channels = countBy(all().filter((response) => (response.unit ?? null) === row.unit), (response) => response.channel);
        for (const [channel, count] of Object.entries(row.byChannel)) assert.equal(count, channels.get(channel) ?? 0, `${row.unit} ${channel}`);
      }
      const plannedOnly = reply.body.units.find((row: { unit: string }) => row.unit === 'planned-only');
      assert.deepEqual({ ...plannedOnly, byChannel: undefined }, { unit: 'planned-only', label: null, planned: 5, collected: 0, share: 0, byChannel: undefined });
      // The unit tree's order, then units outside it by id, then the responses without a unit.
      const tree = flattenHierarchy(version2.sipas!.units);
      const position = (unit: string | null) => (unit === null ? 2e9 : tree.findIndex((item) => item.id === unit) >= 0 ? tree.findIndex((item) => item.id === unit) : 1e9);
      const listed: (string | null)[] = reply.body.units.map((row: { unit: string | null }) => row.unit);
      assert.deepEqual(listed, [...listed].sort((a, b) => position(a) - position(b) || String(a).localeCompare(String(b))));
      assert.ok(collected.has(null) && listed.at(-1) === null, 'some responses name no unit, listed last');
      const commune = reply.body.units.find((row: { unit: string }) => row.unit === 'ex-p1-d1-c1');
      assert.deepEqual(commune.label, tree.find((item) => item.id === 'ex-p1-d1-c1')!.label);
      assert.equal(reply.body.total.collected, 120);
      assert.equal(reply.body.total.planned, Object.values(PLANNED).reduce((a, b) => a + b, 0));
      const channels = countBy(all(), (response) => response.channel);
      for (const [channel, count] of Object.entries(reply.body.byChannel)) assert.equal(count, channels.get(channel) ?? 0, channel);
      assert.equal(reply.body.lastReceivedAt, posted.map((entry) => entry.receivedAt).sort().at(-1));
    });

    it('should filter by version and days', async () => {
      const reply = await analyst.get(`/api/v1/questionnaires/${ID}/progress?version=1&from=2024-04-01&to=2024-06-30`);
      assert.equal(reply.status, 200);
      const kept = postedTo(1).filter((response) => vietnameseDay(response.submittedAt) >= '2024-04-01' && vietnameseDay(response.submittedAt) <= '2024-06-30');
      assert.ok(kept.length > 0 && kept.length < 80);
      assert.equal(reply.body.total.collected, kept.length);
      assert.equal(reply.body.filters.from, '2024-04-01');
    });

    it('should refuse `by`, which progress does not take', async () => {
      const reply = await analyst.get(`/api/v1/questionnaires/${ID}/progress?by=unit`);
      assert.equal(reply.status, 422);
      assert.deepEqual(errorCodes(reply.body), ['unknown-parameter']);
    });
  });

  describe('exports', () => {
    const expectedRow = (entry: Posted, version: Questionnaire) =>
      responseCells(responseColumns(version), {
        response_id: entry.response.responseId,
        questionnaire_version: entry.response.questionnaire.version,
        received_at: entry.receivedAt,
        unit: entry.response.unit ?? null,
        service_field: entry.response.serviceField ?? null,
        document: entry.response,
      }).map(csvCell);

    it('should export every response of the latest version as CSV for Excel, each row as stored', async () => {
      const reply = await download(analyst, `/api/v1/questionnaires/${ID}/export/responses.csv`);
      assert.equal(reply.status, 200);
      assert.equal(reply.headers.get('content-type'), 'text/csv; charset=utf-8; header=present');
      assert.equal(reply.headers.get('content-disposition'), `attachment; filename="${ID}-responses.csv"; filename*=UTF-8''${ID}-responses.csv`);
      assert.equal(reply.headers.get('cache-control'), 'no-store');
      assert.deepEqual([...reply.bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
      const text = utf8(reply.bytes);
      assert.ok(!/[^\r]\n/.test(text.replace(/"[^"]*"/g, '')), 'CRLF line ends');
      const [header, ...rows] = parseCsv(text).records.map((record) => record.cells);
      assert.deepEqual(header, responseColumns(version2).map((column) => column.name));
      assert.equal(rows.length, 40);
      const byId = new Map(rows.map((row) => [row[0], row]));
      for (const entry of posted.filter((each) => each.response.questionnaire.version === 2)) assert.deepEqual(byId.get(entry.response.responseId), expectedRow(entry, version2));
    });

    it('should apply the report\'s filters, and add a row of titles on request', async () => {
      const reply = await download(analyst, `/api/v1/questionnaires/${ID}/export/responses.csv?version=all&where.channel=paper&titles=en`);
      assert.equal(reply.status, 200);
      const [header, titles, ...rows] = parseCsv(utf8(reply.bytes)).records.map((record) => record.cells);
      assert.equal(titles![header!.indexOf('responseId')], 'Response id');
      const paper = posted.filter((entry) => entry.response.channel === 'paper');
      assert.equal(rows.length, paper.length);
      assert.deepEqual(rows.map((row) => row[0]).sort(), paper.map((entry) => entry.response.responseId).sort());
    });

    it('should export the responses as XLSX with a questions sheet', async () => {
      const reply = await download(analyst, `/api/v1/questionnaires/${ID}/export/responses.xlsx?version=all`);
      assert.equal(reply.status, 200);
      assert.equal(reply.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      assert.match(reply.headers.get('content-disposition')!, new RegExp(`^attachment; filename="${ID}-responses\\.xlsx"`));
      const workbook = await readWorkbook(reply.bytes);
      const [sheet, questions] = workbook.worksheets;
      const columns = responseColumns(version2);
      assert.equal(sheet!.rowCount, 121);
      assert.equal(questions!.rowCount, columns.length + 1);
      const expected = new Map(posted.map((entry) => [entry.response.responseId, entry]));
      sheet!.eachRow((row, number) => {
        if (number === 1) return;
        const values = (row.values as unknown[]).slice(1);
        const entry = expected.get(String(values[0]))!;
        assert.ok(entry, `row ${number}`);
        const cells = responseCells(columns, { response_id: entry.response.responseId, questionnaire_version: entry.response.questionnaire.version, received_at: entry.receivedAt, unit: entry.response.unit ?? null, service_field: entry.response.serviceField ?? null, document: entry.response });
        assert.deepEqual(columns.map((_, i) => values[i] ?? null), cells);
        expected.delete(entry.response.responseId);
      });
      assert.equal(expected.size, 0, 'every response exported once');
    });

    it('should export the index tables as CSV, the same text as from computeIndex', async () => {
      const reply = await download(analyst, `/api/v1/questionnaires/${ID}/export/index.csv?version=all&by=unit:province&lang=en`);
      assert.equal(reply.status, 200);
      assert.equal(reply.headers.get('content-disposition'), `attachment; filename="${ID}-index.csv"; filename*=UTF-8''${ID}-index.csv`);
      assert.equal(utf8(reply.bytes), indexCsv(computeIndex(version2, all(), { by: ['unit:province'], utcOffset: VN }), 'en'));
    });

    it('should export the index tables as XLSX', async () => {
      const reply = await download(analyst, `/api/v1/questionnaires/${ID}/export/index.xlsx?by=unit`);
      assert.equal(reply.status, 200);
      const workbook = await readWorkbook(reply.bytes);
      assert.deepEqual(workbook.worksheets.map((sheet) => sheet.name), ['Chỉ số (index)', 'Xếp hạng (ranking)', 'Phân bố (distributions)']);
      const expected = computeIndex(version2, postedTo(2), { by: ['unit'], utcOffset: VN });
      const header = (workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
      const first = (workbook.worksheets[0]!.getRow(2).values as unknown[]).slice(1);
      assert.equal(first[header.indexOf('node')], 'SIPAS');
      assert.equal(first[header.indexOf('n_valid')], expected.overall.root.nValid);
      assert.equal(first[header.indexOf('responses')], 40);
    });

    it('should refuse report-only parameters on the responses export', async () => {
      const reply = await analyst.get(`/api/v1/questionnaires/${ID}/export/responses.csv?by=unit`);
      assert.equal(reply.status, 422);
      assert.deepEqual(errorCodes(reply.body), ['unknown-parameter']);
    });
  });

  describe('questionnaires whose versions or model do not fit', () => {
    it('should leave out of version=all a version whose index model differs', async () => {
      const base = { ...copyTemplate('sipas-2640')!, id: 'report-reweighted' };
      const first = await publish(base);
      const reweighted: Questionnaire = structuredClone(base);
      reweighted.sipas!.index!.root.children![0]!.weight = 2;
      const second = await publish(reweighted);
      const mine: Posted[] = [];
      await post(simulateResponses(first, 3, { random: seededRandom(21) }), mine);
      await post(simulateResponses(second, 4, { random: seededRandom(22) }), mine);
      const reply = await analyst.get('/api/v1/questionnaires/report-reweighted/report?version=all');
      assert.equal(reply.status, 200);
      assert.deepEqual(reply.body.filters.versions, [2]);
      assert.equal(reply.body.responses, 4);
      const progress = await analyst.get('/api/v1/questionnaires/report-reweighted/progress');
      assert.equal(progress.body.total.collected, 7, 'progress counts every version');
    });

    it('should answer 409 for a report without an index model, and still export the responses', async () => {
      const plain = { ...copyTemplate('sipas-2640')!, id: 'report-no-model' };
      delete plain.sipas!.index;
      const published = await publish(plain);
      await post(simulateResponses(published, 2, { random: seededRandom(31) }), []);
      const report = await analyst.get('/api/v1/questionnaires/report-no-model/report');
      assert.equal(report.status, 409);
      assert.deepEqual(errorCodes(report.body), ['no-index-model']);
      assert.equal((await analyst.get('/api/v1/questionnaires/report-no-model/export/index.csv')).status, 409);
      const csv = await download(analyst, '/api/v1/questionnaires/report-no-model/export/responses.csv');
      assert.equal(csv.status, 200);
      assert.equal(parseCsv(utf8(csv.bytes)).records.length, 3);
    });
  });
});
