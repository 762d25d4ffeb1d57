// The development collector (scripts/dev-collector.mjs) over real HTTP: the contract the outbox
// relies on (idempotent receipts, located errors) and the controls the browser tests use.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom, simulateResponse } from '@sipas/core';
import type { Response } from '@sipas/schema';
import { kioskQuick, sipas1001, sipas2640, templates } from '@sipas/templates';
import { startCollector } from '../../../scripts/dev-collector.mjs';

type Collector = Awaited<ReturnType<typeof startCollector>>;

let seed = 1;
/** A valid kiosk response with a fresh id. */
const kioskResponse = (): Response => ({ ...simulateResponse(kioskQuick, { random: seededRandom(seed++) }), responseId: crypto.randomUUID() });

/** A valid typed-in paper 2640 form with a fresh id. */
const paperResponse = (serial: string): Response => ({
  ...simulateResponse(sipas2640, { random: seededRandom(seed++), channels: ['paper'] }),
  responseId: crypto.randomUUID(),
  paper: { serial, sample: 'official' },
});

const post = (collector: Collector, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${collector.url}/api/v1/responses`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('dev collector', () => {
  let collector: Collector;

  before(async () => {
    collector = await startCollector({ questionnaires: templates.map((entry) => entry.questionnaire) });
  });
  after(() => collector.close());
  beforeEach(() => collector.control.reset());

  describe('POST /api/v1/responses', () => {
    it('should store a response once and answer a repeat with the original receipt', async () => {
      const response = kioskResponse();
      const first = await post(collector, response);
      assert.equal(first.status, 201);
      const { receipt } = (await first.json()) as { receipt: { responseId: string; receivedAt: string } };
      assert.equal(receipt.responseId, response.responseId);
      assert.ok(!Number.isNaN(Date.parse(receipt.receivedAt)));

      const repeat = await post(collector, { ...response, answers: { overall: 1 } });
      assert.equal(repeat.status, 200);
      assert.deepEqual(await repeat.json(), { receipt });
      assert.deepEqual(collector.responses(), [response], 'the first copy is the one kept');
      assert.equal(collector.control.deliveries(response.responseId), 2);
    });

    it('should refuse an answer outside the scale with errors located in the response', async () => {
      const reply = await post(collector, { ...kioskResponse(), answers: { overall: 9 } });
      assert.equal(reply.status, 422);
      const { errors } = (await reply.json()) as { errors: { path: string; code: string; message: { vi: string; en: string } }[] };
      assert.ok(errors.length > 0);
      assert.ok(errors.some((error) => error.path === '/answers/overall'), JSON.stringify(errors));
      for (const error of errors) {
        assert.equal(typeof error.code, 'string');
        assert.ok(error.message.vi && error.message.en);
      }
      assert.equal(collector.responses().length, 0);
    });

    it('should refuse a required answer that is missing (the engine check, not only the format)', async () => {
      const reply = await post(collector, { ...kioskResponse(), answers: {} });
      assert.equal(reply.status, 422);
      const { errors } = (await reply.json()) as { errors: { path: string; code: string }[] };
      assert.ok(errors.some((error) => error.path === '/answers/overall' && error.code === 'missing-required'), JSON.stringify(errors));
    });

    it('should answer 413 to a body over 1 MB', async () => {
      const reply = await post(collector, { ...kioskResponse(), answers: { comment: 'x'.repeat(1024 * 1024) } });
      assert.equal(reply.status, 413);
      assert.equal(((await reply.json()) as { errors: { code: string }[] }).errors[0]?.code, 'too-large');
    });

    it('should answer 400 with located errors to a body that is not JSON', async () => {
      const reply = await post(collector, '{"responseId": ');
      assert.equal(reply.status, 400);
      assert.deepEqual(((await reply.json()) as { errors: { path: string; code: string }[] }).errors.map(({ path, code }) => ({ path, code })), [
        { path: '', code: 'invalid-json' },
      ]);
    });

    it('should answer 404 to a response for an unknown questionnaire', async () => {
      const reply = await post(collector, { ...kioskResponse(), questionnaire: { id: 'nobody', version: 1 } });
      assert.equal(reply.status, 404);
      const { errors } = (await reply.json()) as { errors: { path: string; code: string }[] };
      assert.deepEqual(errors.map(({ path, code }) => ({ path, code })), [{ path: '/questionnaire/id', code: 'unknown-questionnaire' }]);
    });

    it('should append each stored response once to the data file', async () => {
      const folder = await mkdtemp(join(tmpdir(), 'sipas-collector-'));
      const dataFile = join(folder, 'responses.jsonl');
      const filing = await startCollector({ questionnaires: [kioskQuick], dataFile });
      try {
        const [a, b] = [kioskResponse(), kioskResponse()];
        for (const response of [a, b, a]) assert.ok((await post(filing, response)).ok);
        const lines = (await readFile(dataFile, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Response);
        assert.deepEqual(lines.map((line) => line.responseId), [a.responseId, b.responseId]);
      } finally {
        await filing.close();
        await rm(folder, { recursive: true });
      }
    });
  });

  describe('restarts', () => {
    it('should remember what earlier runs stored: responses and paper serials, however the serial is spaced or cased', async () => {
      const folder = await mkdtemp(join(tmpdir(), 'sipas-collector-'));
      const dataFile = join(folder, 'responses.jsonl');
      const first = await startCollector({ questionnaires: [sipas2640], dataFile });
      const paper = paperResponse('AB 12');
      try {
        assert.equal((await post(first, paper)).status, 201);
      } finally {
        await first.close();
      }
      const second = await startCollector({ questionnaires: [sipas2640], dataFile });
      try {
        assert.equal((await post(second, paper)).status, 200, 'a repeat after the restart gets its receipt');
        assert.equal((await post(second, paperResponse(' ab   12 '))).status, 409, 'the same paper form typed again');
        const lines = (await readFile(dataFile, 'utf8')).trim().split('\n');
        assert.equal(lines.length, 1);
      } finally {
        await second.close();
        await rm(folder, { recursive: true });
      }
    });
  });

  describe('paper forms', () => {
    it('should refuse a second response with the same paper serial with 409 duplicate-serial, located at /paper/serial', async () => {
      const first = paperResponse('000123');
      assert.equal((await post(collector, first)).status, 201);
      const second = paperResponse('000123');
      const reply = await post(collector, second);
      assert.equal(reply.status, 409);
      const { errors } = (await reply.json()) as { errors: { path: string; code: string; message: { vi: string; en: string } }[] };
      assert.deepEqual(errors.map(({ path, code }) => ({ path, code })), [{ path: '/paper/serial', code: 'duplicate-serial' }]);
      assert.match(errors[0]!.message.vi, /000123/);
      assert.match(errors[0]!.message.en, /000123/);
      assert.deepEqual(collector.responses().map((response) => response.responseId), [first.responseId], 'only the first is kept');
    });

    it('should still answer a repeat of the same response with its receipt, not as a duplicate', async () => {
      const response = paperResponse('000124');
      assert.equal((await post(collector, response)).status, 201);
      assert.equal((await post(collector, response)).status, 200);
    });

    it('should take the same serial for another questionnaire, other serials, and after a reset', async () => {
      assert.equal((await post(collector, paperResponse('000125'))).status, 201);
      assert.equal((await post(collector, paperResponse('000126'))).status, 201);
      const other = { ...simulateResponse(sipas1001, { random: seededRandom(seed++), channels: ['paper'] }), responseId: crypto.randomUUID(), paper: { serial: '000125' } };
      assert.equal((await post(collector, other)).status, 201);
      collector.control.reset();
      assert.equal((await post(collector, paperResponse('000125'))).status, 201);
    });

    it('should not hold the serial of a response it could not store', async () => {
      const folder = await mkdtemp(join(tmpdir(), 'sipas-collector-'));
      // A data file inside a folder that is not there: appending fails.
      const filing = await startCollector({ questionnaires: [sipas2640], dataFile: join(folder, 'missing', 'responses.jsonl') });
      try {
        const original = console.error;
        console.error = () => undefined;
        try {
          assert.equal((await post(filing, paperResponse('000127'))).status, 500);
        } finally {
          console.error = original;
        }
        await mkdir(join(folder, 'missing'));
        assert.equal((await post(filing, paperResponse('000127'))).status, 201);
      } finally {
        await filing.close();
        await rm(folder, { recursive: true });
      }
    });
  });

  describe('GET /api/v1/questionnaires/:id', () => {
    it('should serve a published questionnaire and 404 an unknown one', async () => {
      const found = await fetch(`${collector.url}/api/v1/questionnaires/kiosk-quick`);
      assert.equal(found.status, 200);
      assert.deepEqual(await found.json(), kioskQuick);
      assert.equal((await fetch(`${collector.url}/api/v1/questionnaires/nobody`)).status, 404);
    });
  });

  describe('CORS', () => {
    it('should answer a preflight and let any origin read the answer by default', async () => {
      const preflight = await fetch(`${collector.url}/api/v1/responses`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://ubnd.example.gov.vn', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
      assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /content-type/i);
      const reply = await post(collector, kioskResponse(), { Origin: 'https://ubnd.example.gov.vn' });
      assert.equal(reply.headers.get('access-control-allow-origin'), '*');
      assert.match(reply.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
    });

    it('should allow only the listed origins when given', async () => {
      const strict = await startCollector({ questionnaires: [kioskQuick], allowOrigins: ['https://dichvucong.example.gov.vn'] });
      try {
        const preflight = (origin: string) =>
          fetch(`${strict.url}/api/v1/responses`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });
        const allowed = await preflight('https://dichvucong.example.gov.vn');
        assert.equal(allowed.status, 204);
        assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://dichvucong.example.gov.vn');
        const refused = await preflight('https://elsewhere.example.com');
        assert.equal(refused.status, 403);
        assert.equal(refused.headers.get('access-control-allow-origin'), null);
      } finally {
        await strict.close();
      }
    });
  });

  describe('controls', () => {
    it('should fail the next requests with the chosen status and Retry-After, then recover', async () => {
      collector.control.failNext(2, 503, { retryAfter: 7 });
      const response = kioskResponse();
      const first = await post(collector, response);
      assert.equal(first.status, 503);
      assert.equal(first.headers.get('retry-after'), '7');
      assert.equal((await post(collector, response)).status, 503);
      assert.equal((await post(collector, response)).status, 201);
      assert.equal(collector.control.deliveries(response.responseId), 3);
      assert.equal(collector.responses().length, 1);
    });

    it('should pass on a Retry-After given as an HTTP date', async () => {
      collector.control.failNext(1, 503, { retryAfter: 'Wed, 01 May 2024 07:00:00 GMT' });
      const reply = await post(collector, kioskResponse());
      assert.equal(reply.status, 503);
      assert.equal(reply.headers.get('retry-after'), 'Wed, 01 May 2024 07:00:00 GMT');
    });

    it('should answer as a captive portal, a stranger or a redirect when hijacked, storing and counting nothing', async () => {
      const response = kioskResponse();
      collector.control.hijackNext(1, 'login-page');
      const page = await post(collector, response);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(await page.text(), /<form/);

      collector.control.hijackNext(1, 'other-receipt');
      const stranger = await post(collector, response);
      assert.equal(stranger.status, 200);
      assert.notEqual(((await stranger.json()) as { receipt: { responseId: string } }).receipt.responseId, response.responseId);

      collector.control.hijackNext(1, 'redirect');
      const redirect = await fetch(`${collector.url}/api/v1/responses`, { method: 'POST', body: JSON.stringify(response), redirect: 'manual' });
      assert.equal(redirect.status, 307);
      assert.equal(redirect.headers.get('location'), `${collector.url}/api/v1/responses?redirected=1`);

      assert.equal(collector.control.deliveries(response.responseId), 0);
      assert.deepEqual(collector.responses(), []);
      assert.equal((await post(collector, response)).status, 201, 'the next POST reaches the collector');
    });

    it('should forget a hijack on reset', async () => {
      collector.control.hijackNext(1, 'login-page');
      collector.control.reset();
      assert.equal((await post(collector, kioskResponse())).status, 201);
    });

    it('should answer late when delayed', async () => {
      collector.control.delayNext(1, 150);
      const started = Date.now();
      assert.equal((await post(collector, kioskResponse())).status, 201);
      assert.ok(Date.now() - started >= 140);
    });

    it('should refuse connections while down and listen on the same port when up again', async () => {
      await collector.control.down();
      await assert.rejects(post(collector, kioskResponse()));
      await collector.control.up();
      assert.equal((await post(collector, kioskResponse())).status, 201);
    });
  });
});
