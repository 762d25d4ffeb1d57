/**
 * The designer's autosave on the real IndexedDB of Chromium: drafts per document key, recovery of
 * unsaved work after a reload, the debounced writer and what happens when IndexedDB refuses.
 */
import { expect } from '@open-wc/testing';
import type { Questionnaire } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';
import { AutosaveError, AutosaveStore, Autosaver } from '../../src/model/autosave.js';

let databaseCount = 0;
const opened: AutosaveStore[] = [];

/** A store on a database of its own, so tests do not see each other's drafts. */
async function openStore(name = `sipas-designer-test-${Date.now()}-${databaseCount++}`): Promise<AutosaveStore> {
  const store = await AutosaveStore.open({ name });
  opened.push(store);
  return store;
}

const titled = (id: string, title: string): Questionnaire => ({ ...copyTemplate('kiosk-quick')!, id, title });

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Records what an Autosaver writes, in order; each write takes a moment, as IndexedDB's do. */
class RecordingStore {
  /** The titles saved. */
  readonly saved: string[] = [];
  /** Every call: `save <key> <title>` or `mark <key>`. */
  readonly log: string[] = [];
  failWith: unknown;
  async save(questionnaire: Questionnaire, options: { key?: string } = {}) {
    await wait(5);
    if (this.failWith) throw this.failWith;
    const key = options.key ?? questionnaire.id;
    this.saved.push(String(questionnaire.title));
    this.log.push(`save ${key} ${String(questionnaire.title)}`);
    return { key, questionnaire, savedAt: new Date().toISOString(), clean: false };
  }
  async markSaved(key: string) {
    await wait(1);
    this.log.push(`mark ${key}`);
  }
}

/** Writes raw records into a database, as an older or newer designer might have left them. */
function putRaw(name: string, version: number, records: object[], keyPath?: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => {
      if (keyPath) request.result.createObjectStore('drafts', { keyPath });
    };
    request.onsuccess = () => {
      const db = request.result;
      const transaction = db.transaction('drafts', 'readwrite');
      for (const record of records) transaction.objectStore('drafts').put(record);
      transaction.oncomplete = () => {
        db.close();
        resolve();
      };
      transaction.onerror = () => reject(transaction.error);
    };
    request.onerror = () => reject(request.error);
  });
}

/** Replaces a prototype method for one test. */
function replaceMethod<T extends object, K extends keyof T>(target: T, key: K, replacement: T[K]): () => void {
  const original = target[key];
  target[key] = replacement;
  return () => {
    target[key] = original;
  };
}

describe('autosave', () => {
  afterEach(async () => {
    for (const store of opened.splice(0)) {
      store.close();
      await new Promise((resolve) => {
        const request = indexedDB.deleteDatabase(store.name);
        request.onsuccess = request.onerror = request.onblocked = resolve;
      });
    }
  });

  describe('AutosaveStore', () => {
    it('should keep the latest state per questionnaire, marked unsaved', async () => {
      const store = await openStore();
      await store.save(titled('phieu-a', 'Bản 1'), { savedAt: '2025-01-01T08:00:00.000Z' });
      await store.save(titled('phieu-a', 'Bản 2'), { savedAt: '2025-01-01T08:01:00.000Z' });
      const draft = await store.load('phieu-a');
      expect(draft?.questionnaire.title).to.equal('Bản 2');
      expect(draft?.savedAt).to.equal('2025-01-01T08:01:00.000Z');
      expect(draft?.clean).to.equal(false);
      expect(await store.list()).to.have.length(1);
    });

    it('should keep one draft per key while the questionnaire id is typed', async () => {
      const store = await openStore();
      let minute = 10;
      for (const id of ['n', 'ne', 'new', 'new-f', 'new-form']) {
        await store.save(titled(id, 'Phiếu mới'), { key: 'tai-lieu-1', savedAt: `2025-01-01T08:${minute++}:00.000Z` });
      }
      const drafts = await store.list();
      expect(drafts.map((draft) => draft.key)).to.deep.equal(['tai-lieu-1']);
      expect(drafts[0]!.questionnaire.id).to.equal('new-form');
      expect(await store.load('n')).to.equal(undefined);
    });

    it('should key a draft by the questionnaire id when no key is given', async () => {
      const store = await openStore();
      const draft = await store.save(titled('phieu-a', 'A'));
      expect(draft.key).to.equal('phieu-a');
      expect((await store.load('phieu-a'))?.questionnaire.title).to.equal('A');
    });

    it('should stop offering a draft the user dismissed', async () => {
      const store = await openStore();
      await store.save(titled('phieu-a', 'A'), { key: 'k-1', savedAt: '2025-01-01T08:00:00.000Z' });
      await store.save(titled('phieu-b', 'B'), { key: 'k-2', savedAt: '2025-01-01T09:00:00.000Z' });
      const offered = await store.latestUnsaved();
      expect(offered?.key).to.equal('k-2');
      await store.remove(offered!.key);
      expect((await store.latestUnsaved())?.key).to.equal('k-1');
    });

    it('should stamp the save time when none is given', async () => {
      const store = await openStore();
      const before = new Date().toISOString();
      await store.save(titled('phieu-a', 'A'));
      const draft = await store.load('phieu-a');
      expect(draft!.savedAt >= before).to.equal(true);
      expect(Number.isNaN(Date.parse(draft!.savedAt))).to.equal(false);
    });

    it('should not let an older state overwrite a newer one (another tab)', async () => {
      const store = await openStore();
      await store.save(titled('phieu-a', 'Mới'), { savedAt: '2025-01-01T09:00:00.000Z' });
      await store.save(titled('phieu-a', 'Cũ'), { savedAt: '2025-01-01T08:00:00.000Z' });
      expect((await store.load('phieu-a'))?.questionnaire.title).to.equal('Mới');
    });

    it('should list drafts newest first and offer the newest unsaved one', async () => {
      const store = await openStore();
      await store.save(titled('phieu-a', 'A'), { savedAt: '2025-01-01T08:00:00.000Z' });
      await store.save(titled('phieu-c', 'C'), { savedAt: '2025-01-01T10:00:00.000Z' });
      await store.save(titled('phieu-b', 'B'), { savedAt: '2025-01-01T09:00:00.000Z' });
      expect((await store.list()).map((draft) => draft.key)).to.deep.equal(['phieu-c', 'phieu-b', 'phieu-a']);
      expect((await store.latestUnsaved())?.key).to.equal('phieu-c');
    });

    it('should stop offering a draft once it is saved to a file or published', async () => {
      const store = await openStore();
      await store.save(titled('phieu-a', 'A'), { savedAt: '2025-01-01T08:00:00.000Z' });
      await store.save(titled('phieu-b', 'B'), { savedAt: '2025-01-01T09:00:00.000Z' });
      await store.markSaved('phieu-b');
      expect((await store.load('phieu-b'))?.clean).to.equal(true);
      expect((await store.latestUnsaved())?.key).to.equal('phieu-a');
      await store.markSaved('phieu-a');
      expect(await store.latestUnsaved()).to.equal(undefined);
    });

    it('should keep a saved draft clean when the same state is autosaved again, and not when it changes', async () => {
      const store = await openStore();
      const questionnaire = titled('phieu-a', 'A');
      await store.save(questionnaire);
      await store.markSaved('phieu-a');
      await store.save(structuredClone(questionnaire));
      expect((await store.load('phieu-a'))?.clean, 'an autosave landing after the file was saved').to.equal(true);
      await store.save(titled('phieu-a', 'A, sửa tiếp'));
      expect((await store.load('phieu-a'))?.clean).to.equal(false);
    });

    it('should do nothing when marking or removing a questionnaire it does not know', async () => {
      const store = await openStore();
      await store.markSaved('khong-co');
      await store.remove('khong-co');
      expect(await store.load('khong-co')).to.equal(undefined);
    });

    it('should remove a draft', async () => {
      const store = await openStore();
      await store.save(titled('phieu-a', 'A'));
      await store.remove('phieu-a');
      expect(await store.load('phieu-a')).to.equal(undefined);
      expect(await store.latestUnsaved()).to.equal(undefined);
    });

    it('should keep drafts across closing and reopening (a reload)', async () => {
      const first = await openStore();
      await first.save(titled('phieu-a', 'Trước khi tải lại'));
      first.close();
      const second = await openStore(first.name);
      const draft = await second.latestUnsaved();
      expect(draft?.key).to.equal('phieu-a');
      expect(draft?.questionnaire).to.deep.equal(titled('phieu-a', 'Trước khi tải lại'));
    });

    it('should ignore stored values of a shape it cannot read', async () => {
      const store = await openStore();
      await store.save(titled('phieu-a', 'A'));
      store.close();
      await putRaw(store.name, 2, [{ key: 'la', something: 'else' }]);
      const reopened = await openStore(store.name);
      expect((await reopened.list()).map((draft) => draft.key)).to.deep.equal(['phieu-a']);
      expect(await reopened.load('la')).to.equal(undefined);
    });

    it('should not offer a stored document the designer could not render', async () => {
      const store = await openStore();
      store.close();
      const broken = { ...titled('hong', 'Hỏng'), pages: [{ name: 'p1', title: 'Trang' }] };
      const noType = titled('thieu-kieu', 'Thiếu kiểu');
      delete (noType.pages[0]!.sections[0]!.questions[0] as { type?: string }).type;
      await putRaw(store.name, 2, [
        { key: 'hong', questionnaire: broken, savedAt: '2025-01-01T10:00:00.000Z', clean: false },
        { key: 'thieu-kieu', questionnaire: noType, savedAt: '2025-01-01T09:00:00.000Z', clean: false },
        { key: 'tot', questionnaire: titled('tot', 'Tốt'), savedAt: '2025-01-01T08:00:00.000Z', clean: false },
      ]);
      const reopened = await openStore(store.name);
      expect((await reopened.latestUnsaved())?.key).to.equal('tot');
      expect(await reopened.load('hong')).to.equal(undefined);
      expect(await reopened.load('thieu-kieu')).to.equal(undefined);
    });

    it('should keep the drafts of the first version of the database, keyed by questionnaire id', async () => {
      const name = `sipas-designer-test-v1-${Date.now()}`;
      const draft = { id: 'phieu-cu', questionnaire: titled('phieu-cu', 'Từ phiên bản trước'), savedAt: '2025-01-01T08:00:00.000Z', clean: false };
      await putRaw(name, 1, [draft, { id: 'la', something: 'else' }], 'id');
      const store = await openStore(name);
      const recovered = await store.latestUnsaved();
      expect(recovered?.key).to.equal('phieu-cu');
      expect(recovered?.questionnaire.title).to.equal('Từ phiên bản trước');
      expect((await store.list()).map((stored) => stored.key)).to.deep.equal(['phieu-cu']);
      await store.save(titled('phieu-cu', 'Sửa tiếp'));
      expect((await store.load('phieu-cu'))?.questionnaire.title).to.equal('Sửa tiếp');
    });

    it('should reject with a described error after it is closed', async () => {
      const store = await openStore();
      store.close();
      const error = await store.save(titled('phieu-a', 'A')).then(
        () => undefined,
        (failure: unknown) => failure,
      );
      expect(error).to.be.instanceOf(AutosaveError);
      expect((error as AutosaveError).problem).to.equal('closed');
      expect((error as AutosaveError).text.en).to.contain('reload');
    });

    it('should reject opening with a described error when IndexedDB refuses (private mode, blocked site data)', async () => {
      const restore = replaceMethod(IDBFactory.prototype, 'open', function () {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      } as IDBFactory['open']);
      let error: unknown;
      try {
        await AutosaveStore.open({ name: 'sipas-designer-refused' });
      } catch (failure) {
        error = failure;
      } finally {
        restore();
      }
      expect(error).to.be.instanceOf(AutosaveError);
      expect((error as AutosaveError).problem).to.equal('unavailable');
      expect((error as AutosaveError).message).to.contain('trình duyệt không cho lưu');
      expect((error as AutosaveError).text.en).to.contain('private mode');
    });

    it('should reject a save with a described error when the storage is full', async () => {
      const store = await openStore();
      const restore = replaceMethod(IDBObjectStore.prototype, 'put', function () {
        throw new DOMException('Quota exceeded', 'QuotaExceededError');
      } as IDBObjectStore['put']);
      let error: unknown;
      try {
        await store.save(titled('phieu-a', 'A'));
      } catch (failure) {
        error = failure;
      } finally {
        restore();
      }
      expect((error as AutosaveError).problem).to.equal('quota');
      expect((error as AutosaveError).text.vi).to.contain('đầy');
      // The store still works once there is room again.
      await store.save(titled('phieu-a', 'A'));
      expect(await store.load('phieu-a')).not.to.equal(undefined);
    });
  });

  describe('Autosaver', () => {
    it('should write once, the newest state, a short while after a burst of changes', async () => {
      const store = new RecordingStore();
      const autosaver = new Autosaver(store, { delayMs: 100 });
      autosaver.schedule(titled('phieu-a', 'A'));
      autosaver.schedule(titled('phieu-a', 'AB'));
      autosaver.schedule(titled('phieu-a', 'ABC'));
      expect(store.saved).to.deep.equal([]);
      expect(autosaver.pending).to.equal(true);
      await wait(200);
      expect(store.saved).to.deep.equal(['ABC']);
      expect(autosaver.pending).to.equal(false);
    });

    it('should wait 500 ms by default', async () => {
      const store = new RecordingStore();
      const autosaver = new Autosaver(store);
      autosaver.schedule(titled('phieu-a', 'A'));
      await wait(300);
      expect(store.saved).to.deep.equal([]);
      await wait(400);
      expect(store.saved).to.deep.equal(['A']);
    });

    it('should keep saving during continuous typing, at most once per interval', async () => {
      const store = new RecordingStore();
      const autosaver = new Autosaver(store, { delayMs: 100 });
      for (let key = 0; key < 12; key += 1) {
        autosaver.schedule(titled('phieu-a', `gõ ${key}`));
        await wait(25);
      }
      await autosaver.flush();
      expect(store.saved.length).to.be.within(2, 5);
      expect(store.saved.at(-1)).to.equal('gõ 11');
    });

    it('should write at once on flush (the page is being hidden) and not again later', async () => {
      const store = new RecordingStore();
      const autosaver = new Autosaver(store, { delayMs: 100 });
      autosaver.schedule(titled('phieu-a', 'A'));
      await autosaver.flush();
      expect(store.saved).to.deep.equal(['A']);
      await wait(150);
      expect(store.saved).to.deep.equal(['A']);
      await autosaver.flush();
      expect(store.saved, 'nothing waiting, nothing written').to.deep.equal(['A']);
    });

    it('should drop the waiting state on cancel', async () => {
      const store = new RecordingStore();
      const autosaver = new Autosaver(store, { delayMs: 50 });
      autosaver.schedule(titled('phieu-a', 'A'));
      autosaver.cancel();
      await wait(100);
      expect(store.saved).to.deep.equal([]);
    });

    it('should report a failed write without rejecting', async () => {
      const store = new RecordingStore();
      store.failWith = new DOMException('Quota exceeded', 'QuotaExceededError');
      const errors: AutosaveError[] = [];
      const autosaver = new Autosaver(store, { onError: (error) => errors.push(error) });
      autosaver.schedule(titled('phieu-a', 'A'));
      await autosaver.flush();
      expect(errors.map((error) => error.problem)).to.deep.equal(['quota']);
    });

    it('should write under the given key, and the previous document’s waiting state first when the key changes', async () => {
      const store = new RecordingStore();
      const autosaver = new Autosaver(store, { delayMs: 50 });
      autosaver.schedule(titled('n', 'A'), 'tai-lieu-1');
      autosaver.schedule(titled('ne', 'AB'), 'tai-lieu-1');
      autosaver.schedule(titled('khac', 'Tệp khác'), 'tai-lieu-2');
      await wait(100);
      await autosaver.flush();
      expect(store.log).to.deep.equal(['save tai-lieu-1 AB', 'save tai-lieu-2 Tệp khác']);
    });

    it('should write the waiting state before marking it saved', async () => {
      const store = new RecordingStore();
      const autosaver = new Autosaver(store, { delayMs: 50 });
      autosaver.schedule(titled('phieu-a', 'Đã lưu thành tệp'), 'k');
      await autosaver.markSaved('k');
      expect(store.log).to.deep.equal(['save k Đã lưu thành tệp', 'mark k']);
      expect(autosaver.pending).to.equal(false);
      await wait(100);
      expect(store.log, 'nothing is written after the mark').to.have.length(2);
    });

    it('should leave no unsaved draft when the file is saved while an autosave is pending', async () => {
      const store = await openStore();
      const autosaver = new Autosaver(store, { delayMs: 50 });
      autosaver.schedule(titled('phieu-a', 'A'), 'k');
      await autosaver.flush();
      autosaver.schedule(titled('phieu-a', 'AB, vừa gõ'), 'k');
      await autosaver.markSaved('k');
      await wait(100);
      const draft = await store.load('k');
      expect(draft?.questionnaire.title).to.equal('AB, vừa gõ');
      expect(draft?.clean).to.equal(true);
      expect(await store.latestUnsaved()).to.equal(undefined);
    });

    it('should report a failed mark without rejecting', async () => {
      const store = await openStore();
      const errors: AutosaveError[] = [];
      const autosaver = new Autosaver(store, { onError: (error) => errors.push(error) });
      store.close();
      await autosaver.markSaved('k');
      expect(errors.map((error) => error.problem)).to.deep.equal(['closed']);
    });

    it('should leave a draft a reopened store offers for recovery', async () => {
      const store = await openStore();
      const autosaver = new Autosaver(store);
      autosaver.schedule(titled('phieu-a', 'A'));
      autosaver.schedule(titled('phieu-a', 'Chưa lưu thành tệp'));
      await autosaver.flush();
      store.close();
      const reloaded = await openStore(store.name);
      expect((await reloaded.latestUnsaved())?.questionnaire.title).to.equal('Chưa lưu thành tệp');
    });
  });
});
