// The outbox in Chromium with real IndexedDB, delivering over real HTTP to the development
// collector (scripts/collector-test-plugin.mjs gives this file its own), which the tests take
// down, slow down and make fail. "Exactly once" is checked on the server's side: how many POSTs
// carried a responseId, and how many responses it stored.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { openDB } from 'idb';
import { seededRandom, simulateResponse } from '@sipas/core';
import type { Response } from '@sipas/schema';
import { kioskQuick } from '@sipas/templates';
import { Outbox, sendResponse, type OutboxEntry, type OutboxEvent, type OutboxOptions } from '../../src/outbox/index.js';

type CollectorPayload = Record<string, unknown> | undefined;
const collector = <R = boolean>(command: string, payload?: CollectorPayload) => executeServerCommand<R, CollectorPayload>(command, payload);
const deliveries = (responseId: string) => collector<number>('collector-deliveries', { responseId });
const storedCopies = async (responseId: string) => (await collector<Response[]>('collector-responses')).filter((r) => r.responseId === responseId).length;

let seed = 1;
/** A valid kiosk response with a fresh id. */
const kioskResponse = (): Response => ({ ...simulateResponse(kioskQuick, { random: seededRandom(seed++) }), responseId: crypto.randomUUID() });

/** Small delays so retries happen within a test. */
const FAST: OutboxOptions = { retry: { baseMs: 20, capMs: 100 }, timeoutMs: 3000 };

async function until(condition: () => boolean | Promise<boolean>, what: string | (() => string), timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Everything an outbox reported, to wait for and look at. */
class EventLog {
  readonly events: OutboxEvent[] = [];

  constructor(outbox: Outbox) {
    outbox.subscribe((event) => this.events.push(event));
  }

  of<T extends OutboxEvent['type']>(type: T, responseId?: string): Extract<OutboxEvent, { type: T }>[] {
    return this.events.filter((event): event is Extract<OutboxEvent, { type: T }> => event.type === type && (responseId === undefined || event.responseId === responseId));
  }

  async next<T extends OutboxEvent['type']>(type: T, responseId: string, count = 1): Promise<Extract<OutboxEvent, { type: T }>> {
    const seen = () => this.events.map((event) => `${event.type} of ${event.responseId}`).join(', ') || 'nothing';
    await until(() => this.of(type, responseId).length >= count, () => `${count} × ${type} of ${responseId} (seen: ${seen()})`);
    return this.of(type, responseId)[count - 1]!;
  }
}

/** Makes `navigator.locks` what a test needs (undefined: no Web Locks); returns the undo. */
function replaceWebLocks(locks: unknown): () => void {
  Object.defineProperty(navigator, 'locks', { configurable: true, get: () => locks });
  return () => void Reflect.deleteProperty(navigator, 'locks');
}

/** Web Locks as sandboxed and opaque-origin frames have them: every request refused. */
const refusingLocks = (how: 'reject' | 'throw') => ({
  request: () => {
    const error = new DOMException('Access to the Locks API is denied in this context.', 'SecurityError');
    if (how === 'throw') throw error;
    return Promise.reject(error);
  },
});

/** Rewrites an entry as another page would, without the outbox. */
async function changeStoredEntry(dbName: string, responseId: string, change: Partial<OutboxEntry>): Promise<void> {
  const db = await openDB(dbName);
  try {
    const entry = (await db.get('outbox', responseId)) as OutboxEntry;
    await db.put('outbox', { ...entry, ...change }, responseId);
  } finally {
    db.close();
  }
}

/** The entry as IndexedDB holds it, read without the outbox. */
async function storedEntry(dbName: string, responseId: string): Promise<OutboxEntry | undefined> {
  const db = await openDB(dbName);
  try {
    return (await db.get('outbox', responseId)) as OutboxEntry | undefined;
  } finally {
    db.close();
  }
}

describe('outbox', () => {
  let endpoint: string;
  let dbName: string;
  const opened: Outbox[] = [];
  const open = async (options: OutboxOptions = FAST): Promise<Outbox> => {
    const outbox = await Outbox.open({ dbName, ...options });
    opened.push(outbox);
    return outbox;
  };

  before(async () => {
    endpoint = `${await collector<string>('collector-url')}/api/v1/responses`;
  });

  beforeEach(async () => {
    dbName = `sipas-test-${crypto.randomUUID()}`;
    await collector('collector-up');
    await collector('collector-reset');
  });

  // Every test shares this file's collector, and its injected faults go to whichever POST comes
  // next: an attempt still in flight from a closed outbox would take the next test's fault. close()
  // resolves once its outbox's last attempt has been answered.
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((outbox) => outbox.close()));
  });

  describe('queueing', () => {
    it('should store the response before any network call', async () => {
      const outbox = await open();
      const log = new EventLog(outbox);
      const response = kioskResponse();
      await outbox.enqueue(response, endpoint);

      expect(outbox.persistent).to.equal(true);
      expect((await storedEntry(dbName, response.responseId))?.response).to.deep.equal(response);
      expect(log.of('queued')).to.deep.equal([{ type: 'queued', responseId: response.responseId, persistent: true }]);
      expect(await deliveries(response.responseId)).to.equal(0);
    });

    it('should keep one entry per responseId, the first copy', async () => {
      const outbox = await open();
      const response = kioskResponse();
      await outbox.enqueue(response, endpoint);
      await outbox.enqueue(response, endpoint);
      await outbox.enqueue({ ...response, answers: { overall: 1 } }, endpoint);

      const entries = await outbox.pending();
      expect(entries.map((entry) => entry.responseId)).to.deep.equal([response.responseId]);
      expect(entries[0]!.response.answers).to.deep.equal(response.answers);
      await outbox.flush();
      expect(await deliveries(response.responseId)).to.equal(1);
      expect(await outbox.pending()).to.deep.equal([]);
    });

    it('should resolve a relative endpoint against the page, for other pages to send it', async () => {
      const outbox = await open();
      await outbox.enqueue(kioskResponse(), '/api/v1/responses');
      expect((await outbox.pending())[0]!.endpoint).to.equal(`${location.origin}/api/v1/responses`);
    });

    it('should resolve a relative endpoint against the document base URL (CMS portals set <base href>)', async () => {
      const outbox = await open();
      const base = document.createElement('base');
      base.href = `${new URL(endpoint).origin}/portal/`;
      document.head.append(base);
      try {
        await outbox.enqueue(kioskResponse(), 'api/v1/responses');
      } finally {
        base.remove();
      }
      expect((await outbox.pending())[0]!.endpoint).to.equal(`${new URL(endpoint).origin}/portal/api/v1/responses`);
    });

    it('should start sending a submitted response at once when started', async () => {
      const outbox = await open();
      const log = new EventLog(outbox);
      const response = kioskResponse();
      outbox.start();
      await outbox.drafts.save('kiosk-quick@1', { responseId: response.responseId, startedAt: response.submittedAt, values: {}, page: undefined, savedAt: response.submittedAt });
      await outbox.submit(response, endpoint, { draftKey: 'kiosk-quick@1', onePerDevice: true });

      expect(log.of('queued', response.responseId)).to.have.length(1);
      await log.next('sent', response.responseId);
      expect(await deliveries(response.responseId)).to.equal(1);
      expect(await outbox.drafts.load('kiosk-quick@1')).to.equal(undefined);
    });

    it('should forget a discarded entry', async () => {
      const outbox = await open();
      const response = kioskResponse();
      await outbox.enqueue(response, endpoint);
      await outbox.discard(response.responseId);
      expect(await outbox.pending()).to.deep.equal([]);
      expect(await storedEntry(dbName, response.responseId)).to.equal(undefined);
    });
  });

  describe('offline', () => {
    it('should keep a response while the server is down and deliver it once when the network is back', async () => {
      await collector('collector-down');
      // A backoff far longer than the test: only the `online` event can deliver in time.
      const outbox = await open({ retry: { baseMs: 60_000, capMs: 60_000 }, random: () => 0.99, timeoutMs: 3000 });
      const log = new EventLog(outbox);
      const response = kioskResponse();
      outbox.start();
      await outbox.enqueue(response, endpoint);

      const retry = await log.next('retry', response.responseId);
      expect(retry).to.include({ reason: 'network', attempt: 1 });
      expect(retry.delayMs).to.be.within(59_000, 60_000);
      expect(await storedEntry(dbName, response.responseId)).to.include({ state: 'pending', attempts: 1, lastError: 'network' });

      await collector('collector-up');
      dispatchEvent(new Event('online'));
      const sent = await log.next('sent', response.responseId);
      expect(sent.receipt).to.include({ responseId: response.responseId });
      expect(await deliveries(response.responseId)).to.equal(1);
      expect(await outbox.pending()).to.deep.equal([]);
    });

    it('should stop listening for the network when stopped', async () => {
      await collector('collector-down');
      const outbox = await open({ retry: { baseMs: 60_000, capMs: 60_000 }, random: () => 0.99, timeoutMs: 3000 });
      const log = new EventLog(outbox);
      const response = kioskResponse();
      outbox.start();
      await outbox.enqueue(response, endpoint);
      await log.next('retry', response.responseId);
      outbox.stop();

      await collector('collector-up');
      dispatchEvent(new Event('online'));
      await sleep(200);
      expect(log.of('sent')).to.deep.equal([]);
      expect(await deliveries(response.responseId)).to.equal(0);
      expect(await outbox.pending()).to.have.length(1);
    });
  });

  describe('reloads and tabs', () => {
    it('should deliver, from a new page, what an earlier page left queued', async () => {
      const earlier = await open();
      const responses = [kioskResponse(), kioskResponse()];
      for (const response of responses) await earlier.enqueue(response, endpoint);
      earlier.close();

      const later = await open();
      const log = new EventLog(later);
      later.start();
      for (const response of responses) await log.next('sent', response.responseId);
      for (const response of responses) expect(await deliveries(response.responseId)).to.equal(1);
      expect(await later.pending()).to.deep.equal([]);
    });

    it('should deliver once when two pages flush at the same time, and tell both', async () => {
      const [first, second] = [await open(), await open()];
      const logs = [new EventLog(first!), new EventLog(second!)];
      const responses = [kioskResponse(), kioskResponse(), kioskResponse()];
      for (const response of responses) await first!.enqueue(response, endpoint);

      await Promise.all([first!.flush(), second!.flush()]);
      for (const response of responses) {
        expect(await deliveries(response.responseId), response.responseId).to.equal(1);
        expect(await storedCopies(response.responseId)).to.equal(1);
      }
      expect(await first!.pending()).to.deep.equal([]);
      // The page that did not send hears of the deliveries from the one that did.
      for (const log of logs) for (const response of responses) await log.next('sent', response.responseId);
    });

    for (const [situation, locks] of [
      ['without Web Locks (insecure http pages, old browsers)', undefined],
      ['where Web Locks refuse (sandboxed or opaque-origin frames)', refusingLocks('reject')],
      ['where asking for a Web Lock throws', refusingLocks('throw')],
    ] as const) {
      it(`should send, and deliver once when two pages flush at the same time, ${situation}`, async () => {
        const restore = replaceWebLocks(locks);
        try {
          const [first, second] = [await open(), await open()];
          const responses = [kioskResponse(), kioskResponse(), kioskResponse()];
          for (const response of responses) await first!.enqueue(response, endpoint);
          // Slow answers keep the first page's POSTs in flight while the second looks at the queue.
          await collector('collector-delay', { count: 3, ms: 50 });

          await Promise.all([first!.flush(), second!.flush()]);
          for (const response of responses) {
            expect(await deliveries(response.responseId), response.responseId).to.equal(1);
            expect(await storedCopies(response.responseId)).to.equal(1);
          }
          expect(await first!.pending()).to.deep.equal([]);
        } finally {
          restore();
        }
      });
    }

    it('should leave an entry that another page is sending until its in-flight marker expires', async () => {
      const outbox = await open();
      const response = kioskResponse();
      await outbox.enqueue(response, endpoint);
      await changeStoredEntry(dbName, response.responseId, { sendingUntil: Date.now() + 60_000 });
      await outbox.flush();
      expect(await deliveries(response.responseId)).to.equal(0);

      // That page died mid-attempt: its marker lapses and the entry goes.
      await changeStoredEntry(dbName, response.responseId, { sendingUntil: Date.now() - 1 });
      await outbox.flush();
      expect(await deliveries(response.responseId)).to.equal(1);
      expect(await outbox.pending()).to.deep.equal([]);
    });
  });

  describe('retries', () => {
    it('should retry server errors with backoff and deliver once', async () => {
      await collector('collector-fail', { count: 2, status: 500 });
      const outbox = await open();
      const log = new EventLog(outbox);
      const response = kioskResponse();
      outbox.start();
      await outbox.enqueue(response, endpoint);

      await log.next('sent', response.responseId);
      expect(log.of('retry', response.responseId).map(({ attempt, status, reason }) => ({ attempt, status, reason }))).to.deep.equal([
        { attempt: 1, status: 500, reason: 'status' },
        { attempt: 2, status: 500, reason: 'status' },
      ]);
      for (const retry of log.of('retry')) expect(retry.delayMs).to.be.within(0, 100);
      expect(await deliveries(response.responseId)).to.equal(3);
      expect(await storedCopies(response.responseId)).to.equal(1);
    });

    it('should retry after a timeout, and the server keeps one copy though both attempts reached it', async () => {
      // The timeout is long enough for an ordinary answer on a loaded machine, and the slow one
      // far longer; should an ordinary answer still time out, there is one more attempt, no failure.
      const slowMs = 1500;
      await collector('collector-delay', { count: 1, ms: slowMs });
      const outbox = await open({ ...FAST, timeoutMs: 500 });
      const log = new EventLog(outbox);
      const response = kioskResponse();
      outbox.start();
      await outbox.enqueue(response, endpoint);

      await log.next('sent', response.responseId);
      expect(log.of('retry', response.responseId)[0]).to.include({ reason: 'timeout', attempt: 1 });
      await until(async () => (await deliveries(response.responseId)) >= 2, 'the second delivery');
      // The slow first attempt is still being handled; let it finish before counting copies.
      await sleep(slowMs);
      expect(await storedCopies(response.responseId)).to.equal(1);
      expect(await outbox.pending()).to.deep.equal([]);
    });

    it("should wait as long as the server's Retry-After asks", async () => {
      await collector('collector-fail', { count: 1, status: 503, retryAfter: 1 });
      const outbox = await open();
      const log = new EventLog(outbox);
      const response = kioskResponse();
      outbox.start();
      await outbox.enqueue(response, endpoint);

      const retry = await log.next('retry', response.responseId);
      expect(retry).to.include({ status: 503, delayMs: 1000 });
      const entry = await storedEntry(dbName, response.responseId);
      expect(entry!.nextAttemptAt - Date.now()).to.be.within(500, 1000);
      await sleep(200);
      expect(await deliveries(response.responseId), 'no attempt before the wait is over').to.equal(1);

      await log.next('sent', response.responseId);
      expect(await deliveries(response.responseId)).to.equal(2);
    });

    it("should never send before the server's Retry-After for that endpoint, whatever asks", async () => {
      await collector('collector-fail', { count: 1, status: 503, retryAfter: 30 });
      const outbox = await open();
      const log = new EventLog(outbox);
      const [waiting, later] = [kioskResponse(), kioskResponse()];
      outbox.start();
      await outbox.enqueue(waiting, endpoint);
      expect(await log.next('retry', waiting.responseId)).to.include({ delayMs: 30_000 });

      await outbox.enqueue(later, endpoint);
      dispatchEvent(new Event('online'));
      await outbox.flush();
      await sleep(100);
      expect(await deliveries(waiting.responseId)).to.equal(1);
      expect(await deliveries(later.responseId), 'a new response to the same endpoint waits too').to.equal(0);
      expect(await outbox.pending()).to.have.length(2);
    });

    it('should not retry faster than the base when the server says Retry-After: 0', async () => {
      await collector('collector-fail', { count: 1000, status: 503, retryAfter: 0 });
      const outbox = await open({ retry: { baseMs: 100, capMs: 100 }, timeoutMs: 3000 });
      const log = new EventLog(outbox);
      const response = kioskResponse();
      outbox.start();
      await outbox.enqueue(response, endpoint);
      await sleep(450);

      expect(await deliveries(response.responseId)).to.be.within(2, 6);
      for (const retry of log.of('retry')) expect(retry.delayMs).to.equal(100);
    });

    it('should send a new response and what is due, not the entries waiting out their backoff', async () => {
      await collector('collector-fail', { count: 1, status: 500 });
      const outbox = await open({ retry: { baseMs: 60_000, capMs: 60_000 }, timeoutMs: 3000 });
      const log = new EventLog(outbox);
      const [failed, fresh] = [kioskResponse(), kioskResponse()];
      outbox.start();
      await outbox.enqueue(failed, endpoint);
      await log.next('retry', failed.responseId);

      await outbox.enqueue(fresh, endpoint);
      await log.next('sent', fresh.responseId);
      expect(await deliveries(failed.responseId)).to.equal(1);
      expect((await outbox.pending()).map((entry) => entry.responseId)).to.deep.equal([failed.responseId]);
    });

    it('should end the pass for an endpoint at its first retryable failure, and carry on with other endpoints', async () => {
      const outbox = await open();
      const elsewhere = `${endpoint}?district=2`;
      const [first, second, other] = [kioskResponse(), kioskResponse(), kioskResponse()];
      for (const [response, to] of [[first, endpoint], [second, endpoint], [other, elsewhere]] as const) {
        await outbox.enqueue(response, to);
        await sleep(2); // distinct queue times, so `first` goes first
      }
      await collector('collector-fail', { count: 1, status: 503 });
      await outbox.flush();

      expect(await deliveries(first.responseId)).to.equal(1);
      expect(await deliveries(second.responseId), 'not sent after its endpoint failed').to.equal(0);
      expect(await deliveries(other.responseId), 'another endpoint carries on').to.equal(1);
      const [failed, held] = [await storedEntry(dbName, first.responseId), await storedEntry(dbName, second.responseId)];
      expect(failed).to.include({ attempts: 1 });
      expect(held, 'no attempt counted against it').to.include({ attempts: 0 });
      expect(held!.nextAttemptAt, 'held until the failed one is due again').to.equal(failed!.nextAttemptAt);
    });

    it('should treat 401, 403, 404, 405 and other 4xx as a misconfigured endpoint: retried slowly, not refused', async () => {
      await collector('collector-fail', { count: 1, status: 404 });
      const outbox = await open();
      const log = new EventLog(outbox);
      const response = kioskResponse();
      outbox.start();
      await outbox.enqueue(response, endpoint);

      const retry = await log.next('retry', response.responseId);
      expect(retry).to.include({ reason: 'refused', status: 404, attempt: 1 });
      expect(retry.delayMs, "FAST's cap, well above its 20 ms base").to.equal(100);
      await log.next('sent', response.responseId);
      expect(log.of('rejected')).to.deep.equal([]);
    });
  });

  describe('what counts as delivered', () => {
    for (const [mode, what] of [
      ['login-page', "a captive portal's login page (200 text/html)"],
      ['other-receipt', 'a 200 JSON answer that is not the receipt for this response'],
    ] as const) {
      it(`should not take ${what} for a delivery`, async () => {
        await collector('collector-hijack', { count: 1, mode });
        const outbox = await open();
        const log = new EventLog(outbox);
        const response = kioskResponse();
        outbox.start();
        await outbox.enqueue(response, endpoint);

        expect(await log.next('retry', response.responseId)).to.include({ reason: 'unexpected-reply', status: 200, attempt: 1 });
        const sent = await log.next('sent', response.responseId);
        expect(sent.receipt).to.have.keys('responseId', 'receivedAt');
        expect(sent.receipt.responseId).to.equal(response.responseId);
        expect(await deliveries(response.responseId)).to.equal(1);
      });
    }

    it('should not follow a redirect', async () => {
      await collector('collector-hijack', { count: 1, mode: 'redirect' });
      const outbox = await open();
      const log = new EventLog(outbox);
      const response = kioskResponse();
      outbox.start();
      await outbox.enqueue(response, endpoint);

      expect(await log.next('retry', response.responseId)).to.include({ reason: 'unexpected-reply', attempt: 1 });
      await log.next('sent', response.responseId);
      expect(await deliveries(response.responseId), 'the redirected POST was never made').to.equal(1);
    });

    it('should refuse for good only on 400, 409, 413 and 422, and retry every other status', async () => {
      const outcomes: Record<number, string> = {};
      // Not 408: Chromium resends a request that met a 408 on a reused connection, so a page never sees it.
      for (const status of [400, 409, 413, 422, 401, 403, 404, 405, 410, 418, 429, 500, 503]) {
        await collector('collector-fail', { count: 1, status });
        const outcome = await sendResponse(kioskResponse(), endpoint, { timeoutMs: 3000 });
        outcomes[status] = outcome.kind === 'retry' ? `retry ${outcome.reason}` : outcome.kind;
        if (outcome.kind === 'rejected') expect(outcome.errors.map((error) => error.code), `${status}'s located errors`).to.deep.equal(['unavailable']);
      }
      expect(outcomes).to.deep.equal({
        400: 'rejected', 409: 'rejected', 413: 'rejected', 422: 'rejected',
        401: 'retry refused', 403: 'retry refused', 404: 'retry refused', 405: 'retry refused', 410: 'retry refused', 418: 'retry refused',
        429: 'retry status', 500: 'retry status', 503: 'retry status',
      });
    });
  });

  describe('faults', () => {
    it('should keep sending after a pass fails, with no pass left stuck behind it', async () => {
      let calls = 0;
      // A fault that is no delivery outcome: the jitter source throws, once.
      const outbox = await open({
        ...FAST,
        random: () => {
          if (calls++ === 0) throw new Error('no entropy');
          return 0.5;
        },
      });
      const response = kioskResponse();
      await collector('collector-fail', { count: 1, status: 500 });
      await outbox.enqueue(response, endpoint);
      // The first pass fails while a second waits behind it.
      await Promise.all([outbox.flush(), outbox.flush()]);
      expect(await deliveries(response.responseId)).to.equal(2);
      expect(await outbox.pending()).to.deep.equal([]);
    });

    it('should wait between passes that keep failing', async () => {
      await collector('collector-fail', { count: 1000, status: 500 });
      const outbox = await open({
        retry: { baseMs: 100, capMs: 1000 },
        timeoutMs: 3000,
        random: () => {
          throw new Error('no entropy');
        },
      });
      const response = kioskResponse();
      outbox.start();
      await outbox.enqueue(response, endpoint);
      await sleep(350);
      expect(await deliveries(response.responseId)).to.be.within(1, 3);
    });

    it('should not throw when used, or when a delivery finishes, after close()', async () => {
      const outbox = await open();
      const response = kioskResponse();
      await collector('collector-delay', { count: 1, ms: 500 });
      await outbox.enqueue(response, endpoint);
      const delivering = outbox.flush();
      await until(async () => (await deliveries(response.responseId)) === 1, 'the attempt to reach the server');
      const closing = outbox.close();
      await delivering;
      await closing;
      expect(await deliveries(response.responseId)).to.equal(1);
      await outbox.enqueue(kioskResponse(), endpoint);
    });

    it('should resolve close() once the attempt in flight is answered, and send nothing after it', async () => {
      const outbox = await open();
      const [inFlight, left] = [kioskResponse(), kioskResponse()];
      await outbox.enqueue(inFlight, endpoint);
      await sleep(2); // distinct queue times, so `inFlight` goes first
      await outbox.enqueue(left, endpoint);
      // Long enough to close while the server holds the attempt, however late the test sees it arrive.
      await collector('collector-delay', { count: 1, ms: 1000 });
      const delivering = outbox.flush();
      await until(async () => (await deliveries(inFlight.responseId)) === 1, 'the first attempt to reach the server');

      await outbox.close();
      expect(await storedEntry(dbName, inFlight.responseId), 'answered and recorded before close() resolves').to.equal(undefined);
      await outbox.flush();
      await delivering;
      expect(await deliveries(left.responseId), 'neither the running pass nor a flush sends after close()').to.equal(0);
      const kept = await storedEntry(dbName, left.responseId);
      expect(kept, 'kept for the next page, unclaimed').to.include({ state: 'pending', attempts: 0 });
      expect(kept).not.to.have.property('sendingUntil');
    });
  });

  describe('refusals', () => {
    it('should keep a refused response with the located errors and not send it again', async () => {
      const outbox = await open();
      const log = new EventLog(outbox);
      const response = { ...kioskResponse(), answers: { overall: 9 } };
      outbox.start();
      await outbox.enqueue(response, endpoint);

      const rejected = await log.next('rejected', response.responseId);
      expect(rejected.status).to.equal(422);
      expect(rejected.errors.map((error) => error.path)).to.include('/answers/overall');
      expect(rejected.errors[0]!.message).to.have.keys('vi', 'en');
      const [entry] = await outbox.pending();
      expect(entry).to.include({ responseId: response.responseId, state: 'rejected' });
      expect(entry!.rejection).to.deep.equal({ status: 422, errors: rejected.errors });

      await outbox.flush();
      dispatchEvent(new Event('online'));
      await sleep(100);
      expect(await deliveries(response.responseId)).to.equal(1);
      expect(log.of('retry')).to.deep.equal([]);
      expect(await outbox.pending()).to.have.length(1);
    });

    it('should send a corrected response queued again under the same id', async () => {
      const outbox = await open();
      const log = new EventLog(outbox);
      const corrected = kioskResponse();
      outbox.start();
      await outbox.enqueue({ ...corrected, answers: { overall: 9 } }, endpoint);
      await log.next('rejected', corrected.responseId);

      await outbox.enqueue(corrected, endpoint);
      await log.next('sent', corrected.responseId);
      expect(await outbox.pending()).to.deep.equal([]);
      expect((await collector<Response[]>('collector-responses')).find((r) => r.responseId === corrected.responseId)?.answers).to.deep.equal(corrected.answers);
    });
  });
});
