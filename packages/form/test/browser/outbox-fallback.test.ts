// When IndexedDB refuses, the outbox, drafts and device memory keep working in memory and say so
// (`persistent === false`), so the form can warn that closing the page would lose the response.
// Each case is one way real browsers refuse.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { openDB } from 'idb';
import { seededRandom, simulateResponse } from '@sipas/core';
import type { Response } from '@sipas/schema';
import { kioskQuick } from '@sipas/templates';
import { DraftStore, Outbox, type OutboxEvent } from '../../src/outbox/index.js';

type CollectorPayload = Record<string, unknown> | undefined;
const collector = <R = boolean>(command: string, payload?: CollectorPayload) => executeServerCommand<R, CollectorPayload>(command, payload);

let seed = 100;
const kioskResponse = (): Response => ({ ...simulateResponse(kioskQuick, { random: seededRandom(seed++) }), responseId: crypto.randomUUID() });

describe('outbox without IndexedDB', () => {
  let endpoint: string;
  let dbName: string;
  const opened: Outbox[] = [];
  /** Opens an outbox that afterEach closes, whatever the test's outcome. */
  const open = async (): Promise<Outbox> => {
    const outbox = await Outbox.open({ dbName });
    opened.push(outbox);
    return outbox;
  };

  before(async () => {
    endpoint = `${await collector<string>('collector-url')}/api/v1/responses`;
  });

  beforeEach(async () => {
    dbName = `sipas-test-${crypto.randomUUID()}`;
    await collector('collector-reset');
  });

  // Closed and quiet before the next test resets the collector (see outbox.test.ts).
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((outbox) => outbox.close()));
  });

  /** Queues and sends a response and a draft through an outbox that has no database. */
  async function expectWorkingInMemory(outbox: Outbox): Promise<void> {
    const events: OutboxEvent[] = [];
    outbox.subscribe((event) => events.push(event));
    const response = kioskResponse();
    await outbox.enqueue(response, endpoint);
    expect(events[0]).to.deep.equal({ type: 'queued', responseId: response.responseId, persistent: false });
    expect((await outbox.pending()).map((entry) => entry.responseId)).to.deep.equal([response.responseId]);

    await outbox.flush();
    expect(events.map((event) => event.type)).to.deep.equal(['queued', 'sent']);
    expect(await collector<number>('collector-deliveries', { responseId: response.responseId })).to.equal(1);
    expect(await outbox.pending()).to.deep.equal([]);

    const draft = { responseId: response.responseId, startedAt: '2024-05-01T08:00:00.000Z', values: { overall: 4 }, page: 'main', savedAt: '2024-05-01T08:01:00.000Z' };
    await outbox.drafts.save('kiosk-quick@1', draft);
    expect(await outbox.drafts.load('kiosk-quick@1')).to.deep.equal(draft);
    expect(outbox.drafts.persistent).to.equal(false);
    await outbox.device.markSubmitted('kiosk-quick', response.responseId);
    expect(await outbox.device.hasSubmitted('kiosk-quick')).to.equal(true);
  }

  it('should work in memory where reading indexedDB throws (sandboxed frame, site data blocked)', async () => {
    const own = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
    Object.defineProperty(window, 'indexedDB', {
      configurable: true,
      get() {
        throw new DOMException('Access to the IndexedDB API is denied in this context.', 'SecurityError');
      },
    });
    let outbox: Outbox;
    try {
      outbox = await open();
    } finally {
      Object.defineProperty(window, 'indexedDB', own);
    }
    expect(outbox.persistent).to.equal(false);
    await expectWorkingInMemory(outbox);
  });

  it('should work in memory when an older page meets a database a newer version upgraded', async () => {
    (await openDB(dbName, 99)).close();
    const outbox = await open();
    expect(outbox.persistent).to.equal(false);
    await expectWorkingInMemory(outbox);
  });

  it('should let another tab upgrade the database, and carry on in memory', async () => {
    const outbox = await open();
    expect(outbox.persistent).to.equal(true);
    const earlier = kioskResponse();
    await outbox.enqueue(earlier, endpoint);

    // Another tab, running a newer bundle, upgrades the database: this page must not block it.
    const newer = await openDB(dbName, 2);
    try {
      expect(outbox.persistent).to.equal(false);
      expect(await newer.get('outbox', earlier.responseId), 'the newer tab has the earlier response to send').to.include({ responseId: earlier.responseId });
      await expectWorkingInMemory(outbox);
    } finally {
      newer.close();
    }
  });

  const savedDraft = (responseId: string) => ({ responseId, startedAt: '2024-05-01T08:00:00.000Z', values: { overall: 4 }, page: 'main', savedAt: '2024-05-01T08:01:00.000Z' });

  it('should submit in memory: queue the response, delete the draft and remember the device', async () => {
    (await openDB(dbName, 99)).close();
    const outbox = await open();
    const response = kioskResponse();
    await outbox.drafts.save('kiosk-quick@1', savedDraft(response.responseId));
    await outbox.submit(response, endpoint, { draftKey: 'kiosk-quick@1', onePerDevice: true });

    expect((await outbox.pending()).map((entry) => entry.responseId)).to.deep.equal([response.responseId]);
    expect(await outbox.drafts.load('kiosk-quick@1')).to.equal(undefined);
    expect(await outbox.device.hasSubmitted(response.questionnaire.id)).to.equal(true);
    await outbox.flush();
    expect(await collector<number>('collector-deliveries', { responseId: response.responseId })).to.equal(1);
  });

  it('should keep the draft on disk when a submit can only store the response in memory', async () => {
    const outbox = await open();
    const response = kioskResponse();
    await outbox.drafts.save('kiosk-quick@1', savedDraft(response.responseId));
    // Another tab upgrades the database: from now on this page keeps what it writes in memory.
    const newer = await openDB(dbName, 2);
    try {
      await outbox.submit(response, endpoint, { draftKey: 'kiosk-quick@1', onePerDevice: true });

      expect(outbox.persistent).to.equal(false);
      expect((await outbox.pending()).map((entry) => entry.responseId)).to.deep.equal([response.responseId]);
      expect(await outbox.drafts.load('kiosk-quick@1'), 'gone for this page').to.equal(undefined);
      expect(await outbox.device.hasSubmitted(response.questionnaire.id)).to.equal(true);
      // Closing the page now loses the response, so the draft it came from must still be stored.
      expect(await newer.get('drafts', 'kiosk-quick@1')).to.deep.equal(savedDraft(response.responseId));
      expect(await newer.get('outbox', response.responseId)).to.equal(undefined);
      await outbox.flush();
      expect(await collector<number>('collector-deliveries', { responseId: response.responseId })).to.equal(1);
    } finally {
      newer.close();
    }
  });

  it('should report drafts as not persistent when the database cannot be opened', async () => {
    (await openDB(dbName, 99)).close();
    const drafts = await DraftStore.open({ dbName });
    expect(drafts.persistent).to.equal(false);
    await drafts.save('k', { responseId: 'r', startedAt: '2024-05-01T08:00:00.000Z', values: {}, page: undefined, savedAt: '2024-05-01T08:00:00.000Z' });
    expect((await drafts.load('k'))?.responseId).to.equal('r');
  });
});
