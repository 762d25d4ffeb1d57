// Drafts (autosave and resume) and device memory (one response per device) in real IndexedDB.
// A "reload" is a new instance opened on the same database, as a new page load would.
import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { DeviceMemory, DraftStore, Outbox, type Draft } from '../../src/outbox/index.js';

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
    await outbox.drafts.save('kiosk-quick@1', draft());
    expect(await (await DraftStore.open({ dbName })).load('kiosk-quick@1')).to.deep.equal(draft());
    outbox.close();
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
    await outbox.device.markSubmitted('sipas-1001', 'a');
    expect(await (await DeviceMemory.open({ dbName })).hasSubmitted('sipas-1001')).to.equal(true);
    outbox.close();
  });
});
