// Drafts (autosave and resume) and device memory (one response per device) in real IndexedDB.
// A "reload" is a new instance opened on the same database, as a new page load would.
import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { seededRandom, simulateResponse } from '@sipas/core';
import type { Response } from '@sipas/schema';
import { kioskQuick } from '@sipas/templates';
import { DeviceMemory, DraftStore, Outbox, type Draft, type OutboxEntry, type OutboxEvent } from '../../src/outbox/index.js';

const draft = (overrides: Partial<Draft> = {}): Draft => ({
  responseId: '6f1d8a3e-2b7c-4e59-8a10-3c5d7e9f1a2b',
  startedAt: '2024-05-01T08:00:00.000Z',
  values: { overall: 4, criteria: { K1: 5, K2: 4 }, comment: 'Công chức nhiệt tình.' },
  page: 'main',
  savedAt: '2024-05-01T08:03:00.000Z',
  ...overrides,
});

describe('drafts', () => {
  let dbName: string;
  beforeEach(() => {
    dbName = `sipas-test-${crypto.randomUUID()}`;
  });

  it('should save, load after a reload, and clear a draft', async () => {
    const drafts = await DraftStore.open({ dbName });
    expect(drafts.persistent).to.equal(true);
    expect(await drafts.load('kiosk-quick@1')).to.equal(undefined);
    await drafts.save('kiosk-quick@1', draft());

    const reloaded = await DraftStore.open({ dbName });
    expect(await reloaded.load('kiosk-quick@1')).to.deep.equal(draft());
    await reloaded.clear('kiosk-quick@1');
    expect(await reloaded.load('kiosk-quick@1')).to.equal(undefined);
    expect(await (await DraftStore.open({ dbName })).load('kiosk-quick@1')).to.equal(undefined);
  });

  it('should keep drafts of different keys apart and replace a draft on save', async () => {
    const drafts = await DraftStore.open({ dbName });
    await drafts.save('kiosk-quick@1', draft());
    await drafts.save('counter-3@1', draft({ responseId: 'other', page: undefined }));
    await drafts.save('kiosk-quick@1', draft({ values: { overall: 2 }, page: 'end' }));

    expect(await drafts.load('kiosk-quick@1')).to.deep.equal(draft({ values: { overall: 2 }, page: 'end' }));
    expect(await drafts.load('counter-3@1')).to.deep.equal(draft({ responseId: 'other', page: undefined }));
  });

  it('should store a copy, not the live answers object', async () => {
    const drafts = await DraftStore.open({ dbName });
    const saved = draft();
    await drafts.save('kiosk-quick@1', saved);
    saved.values.overall = 1;
    expect((await drafts.load('kiosk-quick@1'))?.values.overall).to.equal(4);
  });

  it('should ignore a stored draft it cannot read', async () => {
    await DraftStore.open({ dbName });
    const db = await openDB(dbName);
    await db.put('drafts', { version: 7, answers: [] }, 'kiosk-quick@1');
    await db.put('drafts', 'garbage', 'counter-3@1');
    db.close();
    const drafts = await DraftStore.open({ dbName });
    expect(await drafts.load('kiosk-quick@1')).to.equal(undefined);
    expect(await drafts.load('counter-3@1')).to.equal(undefined);
  });

  it('should share the database with the outbox', async () => {
    const outbox = await Outbox.open({ dbName });
    try {
      await outbox.drafts.save('kiosk-quick@1', draft());
      expect(await (await DraftStore.open({ dbName })).load('kiosk-quick@1')).to.deep.equal(draft());
    } finally {
      await outbox.close();
    }
  });
});

describe('device memory', () => {
  let dbName: string;
  beforeEach(() => {
    dbName = `sipas-test-${crypto.randomUUID()}`;
  });

  it('should remember, across reloads, that a questionnaire was answered on this device', async () => {
    const memory = await DeviceMemory.open({ dbName });
    expect(memory.persistent).to.equal(true);
    expect(await memory.hasSubmitted('kiosk-quick')).to.equal(false);
    await memory.markSubmitted('kiosk-quick', '6f1d8a3e-2b7c-4e59-8a10-3c5d7e9f1a2b');

    const reloaded = await DeviceMemory.open({ dbName });
    expect(await reloaded.hasSubmitted('kiosk-quick')).to.equal(true);
    expect(await reloaded.hasSubmitted('counter-3')).to.equal(false);
  });

  it('should be seen through the outbox too', async () => {
    const outbox = await Outbox.open({ dbName });
    try {
      await outbox.device.markSubmitted('sipas-1001', 'a');
      expect(await (await DeviceMemory.open({ dbName })).hasSubmitted('sipas-1001')).to.equal(true);
    } finally {
      await outbox.close();
    }
  });
});

describe('submit', () => {
  const key = 'kiosk-quick@1';
  /** Never contacted: these outboxes are not started. */
  const endpoint = 'https://thu-thap.example.gov.vn/api/v1/responses';
  let dbName: string;
  let outbox: Outbox;
  let events: OutboxEvent[];
  let seed = 7;
  const kioskResponse = (): Response => ({ ...simulateResponse(kioskQuick, { random: seededRandom(seed++) }), responseId: crypto.randomUUID() });

  /** The three tables as IndexedDB holds them, read without the outbox. */
  async function stored(responseId: string): Promise<{ entry: OutboxEntry | undefined; draft: unknown; submitted: unknown }> {
    const db = await openDB(dbName);
    try {
      return {
        entry: (await db.get('outbox', responseId)) as OutboxEntry | undefined,
        draft: await db.get('drafts', key),
        submitted: await db.get('device', `submitted:${kioskQuick.id}`),
      };
    } finally {
      db.close();
    }
  }

  beforeEach(async () => {
    dbName = `sipas-test-${crypto.randomUUID()}`;
    outbox = await Outbox.open({ dbName });
    events = [];
    outbox.subscribe((event) => events.push(event));
  });
  afterEach(() => outbox.close());

  it('should queue the response, delete the draft and remember the device together', async () => {
    const response = kioskResponse();
    await outbox.drafts.save(key, draft({ responseId: response.responseId }));
    await outbox.submit(response, endpoint, { draftKey: key, onePerDevice: true });

    const { entry, draft: left, submitted } = await stored(response.responseId);
    expect(entry).to.include({ responseId: response.responseId, endpoint, state: 'pending', attempts: 0 });
    expect(entry!.response).to.deep.equal(response);
    expect(left).to.equal(undefined);
    expect(submitted).to.include({ responseId: response.responseId });
    expect(events).to.deep.equal([{ type: 'queued', responseId: response.responseId, persistent: true }]);
    expect(await outbox.device.hasSubmitted(kioskQuick.id)).to.equal(true);
  });

  it('should only delete the draft and remember the device when there is no endpoint', async () => {
    const response = kioskResponse();
    await outbox.drafts.save(key, draft({ responseId: response.responseId }));
    await outbox.submit(response, undefined, { draftKey: key, onePerDevice: true });

    const { entry, draft: left, submitted } = await stored(response.responseId);
    expect([entry, left]).to.deep.equal([undefined, undefined]);
    expect(submitted).to.include({ responseId: response.responseId });
    expect(events).to.deep.equal([]);
  });

  it('should leave the draft and the device alone when not asked to', async () => {
    const response = kioskResponse();
    await outbox.drafts.save(key, draft({ responseId: response.responseId }));
    await outbox.submit(response, endpoint);

    const { entry, draft: left, submitted } = await stored(response.responseId);
    expect(entry).to.include({ responseId: response.responseId });
    expect(left).to.deep.equal(draft({ responseId: response.responseId }));
    expect(submitted).to.equal(undefined);
  });

  it('should keep the waiting copy of a response submitted twice, and still delete the draft', async () => {
    const response = kioskResponse();
    await outbox.submit(response, endpoint);
    await outbox.drafts.save(key, draft({ responseId: response.responseId }));
    await outbox.submit({ ...response, answers: { overall: 1 } }, endpoint, { draftKey: key });

    const { entry, draft: left } = await stored(response.responseId);
    expect(entry!.response.answers).to.deep.equal(response.answers);
    expect(left).to.equal(undefined);
    expect(events.map((event) => event.type)).to.deep.equal(['queued']);
  });

  it('should change nothing, the draft left in place, when the transaction fails', async () => {
    const response = kioskResponse();
    await outbox.drafts.save(key, draft({ responseId: response.responseId }));
    // A value IndexedDB cannot store: the put fails after the draft's deletion was made in the transaction.
    const unstorable = { ...response, answers: { ...response.answers, overall: (() => 4) as unknown as number } };

    let failure: unknown;
    await outbox.submit(unstorable, endpoint, { draftKey: key, onePerDevice: true }).catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(DOMException);
    expect((failure as DOMException).name).to.equal('DataCloneError');
    const { entry, draft: left, submitted } = await stored(response.responseId);
    expect(left).to.deep.equal(draft({ responseId: response.responseId }));
    expect([entry, submitted]).to.deep.equal([undefined, undefined]);
    expect(await outbox.drafts.load(key)).to.deep.equal(draft({ responseId: response.responseId }));
    expect(await outbox.pending()).to.deep.equal([]);
    expect(await outbox.device.hasSubmitted(kioskQuick.id)).to.equal(false);
    expect(outbox.persistent).to.equal(true);
    expect(events).to.deep.equal([]);
  });
});
