/**
 * The designer's autosave: the latest state of each document being designed, kept in IndexedDB so
 * a crash, a closed tab or a reload loses nothing. A draft is "unsaved work" until the user saves
 * it to a file or publishes it (`markSaved`); the newest unsaved draft is offered back when the
 * designer opens (`latestUnsaved`), and dismissing the offer removes it (`remove`).
 *
 * Drafts are keyed by a `key` the caller gives, not by the questionnaire's id: the id is edited
 * like any other field, and keying by it left a draft under every id typed on the way ("n", "ne",
 * "new"…). The designer gives each document it opens a random key; without one the key is the
 * questionnaire's id (the behaviour of version 1 of the database, whose drafts are kept).
 *
 * `Autosaver` takes the key with each state: `schedule(questionnaire, key)`, so switching documents
 * needs no new Autosaver (a state waiting under the previous key is written first). Its
 * `markSaved(key)` writes what is waiting before marking, so no autosave can land afterwards as
 * unsaved work; call it rather than the store's `markSaved` while an Autosaver is running.
 *
 * IndexedDB is not always there (private modes, blocked site data, a full disk, another tab
 * upgrading the database). The designer must keep working without it, so every failure is an
 * `AutosaveError` with a message the shell can show, never an uncaught exception. Unlike the
 * form's outbox there is no in-memory fallback: the document itself lives in memory anyway, and
 * pretending to autosave would mislead the user about a reload.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { message, type LocalizedMessage, type Questionnaire } from '@sipas/schema';
import { hasDocumentShape } from './document-shape.js';

export const DEFAULT_AUTOSAVE_DATABASE = 'sipas-designer';
/** Raise it, with an upgrade step, when the stored shape changes. 2: drafts keyed by `key`, not `id`. */
const DB_VERSION = 2;
const STORE = 'drafts';
/** Some browsers leave an open request pending forever (private modes, a blocked upgrade). */
const OPEN_TIMEOUT_MS = 5000;
/** How long the Autosaver waits after a change before writing, at most once per this interval. */
export const AUTOSAVE_DELAY_MS = 500;

/** One document's latest autosaved state. */
export interface DesignerDraft {
  /** Which document: the caller's key (the designer's per-document random key, or the questionnaire id). */
  key: string;
  questionnaire: Questionnaire;
  /** When it was saved (ISO 8601). */
  savedAt: string;
  /** True once the user saved this state to a file or published it: nothing to recover. */
  clean: boolean;
}

interface DesignerDatabase extends DBSchema {
  [STORE]: { key: string; value: DesignerDraft };
}

export type AutosaveProblem = 'unavailable' | 'blocked' | 'quota' | 'closed' | 'failed';

const PROBLEM_TEXT: Record<AutosaveProblem, LocalizedMessage> = {
  unavailable: message('trình duyệt không cho lưu dữ liệu trên máy (chế độ riêng tư hoặc đã chặn dữ liệu trang)', 'the browser does not allow storing data on this device (private mode, or site data is blocked)'),
  blocked: message('cơ sở dữ liệu trên máy không mở được (có thể một thẻ khác đang giữ nó)', 'the database on this device could not be opened (another tab may be holding it)'),
  quota: message('bộ nhớ của trình duyệt đã đầy', 'the browser storage is full'),
  closed: message('kết nối tới bộ nhớ trên máy đã đóng; tải lại trang để tự động lưu tiếp', 'the connection to the device storage was closed; reload the page to resume autosaving'),
  failed: message('lưu trên máy không thành công', 'saving on this device failed'),
};

/** Why autosave failed, in both languages; `message` is the Vietnamese text (the designer's default). */
export class AutosaveError extends Error {
  readonly problem: AutosaveProblem;
  readonly text: LocalizedMessage;

  constructor(problem: AutosaveProblem, cause?: unknown) {
    const detail = cause === undefined ? '' : ` (${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)})`;
    const text = message(PROBLEM_TEXT[problem].vi + detail, PROBLEM_TEXT[problem].en + detail);
    super(text.vi, { cause });
    this.name = 'AutosaveError';
    this.problem = problem;
    this.text = text;
  }
}

function asAutosaveError(error: unknown): AutosaveError {
  if (error instanceof AutosaveError) return error;
  if (error instanceof DOMException && error.name === 'QuotaExceededError') return new AutosaveError('quota', error);
  if (error instanceof DOMException && error.name === 'InvalidStateError') return new AutosaveError('closed', error);
  return new AutosaveError('failed', error);
}

export interface SaveDraftOptions {
  /** The draft's key; by default the questionnaire's id. */
  key?: string;
  /** When it was saved (ISO 8601); by default now. */
  savedAt?: string;
}

export interface AutosaveStoreOptions {
  /** The database name; tests and several designers on one origin give their own. */
  name?: string;
}

export class AutosaveStore {
  /** Opens (creating when needed) the database; rejects with an AutosaveError when IndexedDB refuses. */
  static async open(options: AutosaveStoreOptions = {}): Promise<AutosaveStore> {
    const store = new AutosaveStore(options.name ?? DEFAULT_AUTOSAVE_DATABASE);
    store.connection = await connect(store.name, () => store.close());
    return store;
  }

  readonly name: string;
  private connection: IDBPDatabase<DesignerDatabase> | undefined;

  private constructor(name: string) {
    this.name = name;
  }

  /**
   * Keeps this state as the draft under `key`, marked unsaved, unless it is exactly the state
   * already marked saved (an autosave that lands after the user saved must not bring the recovery
   * prompt back). A draft saved later (by another tab) is not overwritten by an older one.
   */
  async save(questionnaire: Questionnaire, options: SaveDraftOptions = {}): Promise<DesignerDraft> {
    const draft: DesignerDraft = { key: options.key ?? questionnaire.id, questionnaire, savedAt: options.savedAt ?? new Date().toISOString(), clean: false };
    return this.run(async (db) => {
      const transaction = db.transaction(STORE, 'readwrite');
      const stored = await transaction.store.get(draft.key);
      let kept = draft;
      if (stored && stored.savedAt > draft.savedAt) kept = stored;
      else if (stored?.clean && JSON.stringify(stored.questionnaire) === JSON.stringify(questionnaire)) kept = stored;
      else await transaction.store.put(draft);
      await transaction.done;
      return kept;
    });
  }

  /**
   * The user saved a file or published: the draft under `key` is no longer unsaved work. It does
   * not wait for an Autosaver's pending write; `Autosaver.markSaved` does.
   */
  async markSaved(key: string): Promise<void> {
    await this.run(async (db) => {
      const transaction = db.transaction(STORE, 'readwrite');
      const stored = await transaction.store.get(key);
      if (stored && !stored.clean) await transaction.store.put({ ...stored, clean: true });
      await transaction.done;
    });
  }

  /** The newest draft not saved to a file or published, to offer after a crash or a reload. */
  async latestUnsaved(): Promise<DesignerDraft | undefined> {
    return (await this.list()).find((draft) => !draft.clean);
  }

  async load(key: string): Promise<DesignerDraft | undefined> {
    const stored = await this.run((db) => db.get(STORE, key));
    return isDraft(stored) ? stored : undefined;
  }

  /** Every draft, newest first. */
  async list(): Promise<DesignerDraft[]> {
    const stored = await this.run((db) => db.getAll(STORE));
    return stored.filter(isDraft).sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
  }

  /** Forgets the draft under `key` (the user dismissed the offer to recover it). */
  async remove(key: string): Promise<void> {
    await this.run((db) => db.delete(STORE, key));
  }

  /** Closes the connection; later calls reject with a `closed` AutosaveError. */
  close(): void {
    this.connection?.close();
    this.connection = undefined;
  }

  private async run<R>(operation: (db: IDBPDatabase<DesignerDatabase>) => Promise<R>): Promise<R> {
    const db = this.connection;
    if (!db) throw new AutosaveError('closed');
    try {
      return await operation(db);
    } catch (error) {
      throw asAutosaveError(error);
    }
  }
}

async function connect(name: string, onGone: () => void): Promise<IDBPDatabase<DesignerDatabase>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // Reading `indexedDB` itself throws a SecurityError in sandboxed frames and with storage blocked.
    if (typeof indexedDB === 'undefined') throw new AutosaveError('unavailable');
    const opening = openDB<DesignerDatabase>(name, DB_VERSION, {
      async upgrade(db, oldVersion, _newVersion, transaction) {
        // Version 1 kept drafts under the questionnaire id (keyPath `id`): they move to `key`.
        const earlier: unknown[] = oldVersion >= 1 && db.objectStoreNames.contains(STORE) ? await transaction.objectStore(STORE).getAll() : [];
        if (db.objectStoreNames.contains(STORE)) db.deleteObjectStore(STORE);
        const store = db.createObjectStore(STORE, { keyPath: 'key' });
        for (const record of earlier) {
          const draft = fromVersion1(record);
          if (draft) await store.put(draft);
        }
      },
      // Another tab needs a newer version, or the site's data is being cleared: let it proceed.
      blocking: onGone,
      terminated: onGone,
    });
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        // A late success would hold a connection nobody uses and block other tabs' upgrades.
        void opening.then((db) => db.close(), () => undefined);
        reject(new AutosaveError('blocked'));
      }, OPEN_TIMEOUT_MS);
    });
    return await Promise.race([opening, timedOut]);
  } catch (error) {
    throw error instanceof AutosaveError ? error : new AutosaveError(error instanceof DOMException && error.name === 'SecurityError' ? 'unavailable' : 'blocked', error);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Drafts outlive the code that wrote them; a future shape, or a document the designer cannot
 * render (model/document-shape.ts), must not crash today's designer.
 */
function isDraft(value: unknown): value is DesignerDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Partial<Record<keyof DesignerDraft, unknown>>;
  return typeof draft.key === 'string' && typeof draft.savedAt === 'string' && typeof draft.clean === 'boolean' && hasDocumentShape(draft.questionnaire);
}

/** A version 1 draft (`id` was the key) as today's; undefined for anything else. */
function fromVersion1(record: unknown): DesignerDraft | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const { id, ...rest } = record as { id?: unknown };
  return typeof id === 'string' ? { ...(rest as Omit<DesignerDraft, 'key'>), key: id } : undefined;
}

export interface AutosaverOptions {
  /** The wait after a change, and the shortest interval between writes (500 ms). */
  delayMs?: number;
  /** Hears a failed write (the shell shows it); by default it is logged. */
  onError?: (error: AutosaveError) => void;
}

/**
 * Writes the document a short while after it changes: typing a title saves about twice a second,
 * not on every key. Writes happen one after another, the newest state last.
 */
export class Autosaver {
  private readonly store: Pick<AutosaveStore, 'save' | 'markSaved'>;
  private readonly delayMs: number;
  private readonly onError: (error: AutosaveError) => void;
  private waiting: { questionnaire: Questionnaire; key: string } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The writes in progress, in order. */
  private writing: Promise<void> = Promise.resolve();

  constructor(store: Pick<AutosaveStore, 'save' | 'markSaved'>, options: AutosaverOptions = {}) {
    this.store = store;
    this.delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
    this.onError = options.onError ?? ((error) => console.warn('[sipas-designer] autosave failed', error));
  }

  /** True while a change waits to be written. */
  get pending(): boolean {
    return this.waiting !== undefined;
  }

  /**
   * Notes a new state of the document under `key` (by default the questionnaire's id); it is
   * written within `delayMs` (later changes in between replace it). A state still waiting under
   * another key (the previous document) is written first.
   */
  schedule(questionnaire: Questionnaire, key: string = questionnaire.id): void {
    if (this.waiting && this.waiting.key !== key) void this.flush();
    this.waiting = { questionnaire, key };
    // The timer is not restarted by later changes: continuous typing still saves every interval.
    this.timer ??= setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Writes the waiting state now (page hidden, designer closed); resolves when every write has finished. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) this.enqueue(() => this.store.save(waiting.questionnaire, { key: waiting.key }));
    return this.writing;
  }

  /**
   * The user saved a file or published the document under `key`: writes what is waiting, then
   * marks the draft saved, so no autosave of that state lands afterwards as unsaved work. Resolves
   * when done; a failure goes to `onError`.
   */
  markSaved(key: string): Promise<void> {
    void this.flush();
    this.enqueue(() => this.store.markSaved(key));
    return this.writing;
  }

  /** Drops the waiting state (the document was just saved or discarded). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.waiting = undefined;
  }

  private enqueue(operation: () => Promise<unknown>): void {
    this.writing = this.writing.then(async () => {
      try {
        await operation();
      } catch (error) {
        this.onError(asAutosaveError(error));
      }
    });
  }
}
