/**
 * The device's one IndexedDB database for SIPAS Forms: the outbox, drafts and the memory of sent
 * responses, one database per origin so every page of a district site shares one outbox.
 *
 * IndexedDB is not always there: private modes, sandboxed frames and blocked site data refuse it,
 * an older cached bundle meets a database a newer one upgraded (VersionError), another tab
 * upgrades or the user clears site data while the page is open, or the disk is full. A response
 * must never be lost to any of that, so every table falls back to memory for the page's lifetime,
 * and `persistent` turns false so the form can tell the respondent that closing the page now would
 * lose what is not yet sent. Writes that belong together (a submit: the response queued, its draft
 * deleted, the device marked) go in one transaction across tables, `writeTogether`.
 */
import { openDB, type IDBPDatabase } from 'idb';

export const DEFAULT_DB_NAME = 'sipas-forms';
/** Raise it, with an upgrade step, when a table is added; a lower version cannot open a higher one. */
const DB_VERSION = 1;
/** Some browsers leave an open request pending forever (private modes, a blocked upgrade). */
const OPEN_TIMEOUT_MS = 5000;

export const TABLE_NAMES = ['outbox', 'drafts', 'device'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** A key-value table; values are stored as structured clones, as IndexedDB does. */
export interface Table<T> {
  get(key: string): Promise<T | undefined>;
  put(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every value, in key order. */
  values(): Promise<T[]>;
  /**
   * Reads and rewrites one value in a single transaction, so another page cannot write in between:
   * `change` (synchronous) gets the stored value and returns its replacement, or undefined to leave
   * it. Resolves to the value written, or undefined when nothing was (no value, or left as is).
   */
  replace(key: string, change: (current: T) => T | undefined): Promise<T | undefined>;
  /** Deletes the value when `condition` holds for it, in a single transaction; resolves to whether it did. */
  deleteIf(key: string, condition: (current: T) => boolean): Promise<boolean>;
}

/** One write of a `writeTogether` batch. */
export type TableWrite =
  /** Stores `value`, unless there is a value already and `keep(current)` says to leave it. */
  | { table: TableName; key: string; value: unknown; keep?: (current: unknown) => boolean }
  | { table: TableName; key: string; delete: true };

/**
 * A value this page could not delete from IndexedDB: hidden here, though still stored (a reload
 * sees it again, which for an outbox entry or a draft errs on the side of keeping data).
 */
const DELETED: unique symbol = Symbol('deleted');
type MemoryTable = Map<string, unknown>;

export class DeviceDatabase {
  /** Opens the database, or an in-memory stand-in when IndexedDB refuses. Never rejects. */
  static async open(name: string = DEFAULT_DB_NAME): Promise<DeviceDatabase> {
    const database = new DeviceDatabase(name);
    database.connection = await connect(name, () => database.disconnect());
    return database;
  }

  readonly name: string;
  private connection: IDBPDatabase | undefined;
  /** A write failed: some values live only in memory now. */
  private degraded = false;
  /** Values (or DELETED) that IndexedDB did not take; they win over what IndexedDB holds. */
  private readonly memory = new Map<TableName, MemoryTable>(TABLE_NAMES.map((table) => [table, new Map()]));

  private constructor(name: string) {
    this.name = name;
  }

  /** False when something written now may not survive a reload. */
  get persistent(): boolean {
    return this.connection !== undefined && !this.degraded;
  }

  table<T>(name: TableName): Table<T> {
    const memory = this.memory.get(name)!;
    /** The value as this page sees it: memory first, then IndexedDB (within `store`'s transaction). */
    const current = async (key: string, read: () => Promise<unknown>): Promise<T | undefined> => {
      if (memory.has(key)) {
        const value = memory.get(key);
        return value === DELETED ? undefined : (structuredClone(value) as T);
      }
      return (await read()) as T | undefined;
    };
    return {
      get: (key) => current(key, async () => this.attempt((db) => db.get(name, key))),
      put: async (key, value) => {
        const written = await this.attempt(async (db) => {
          await db.put(name, value, key);
          return true;
        });
        if (written) memory.delete(key);
        else this.keepInMemory(memory, key, value);
      },
      delete: async (key) => {
        await this.forget(name, key);
      },
      values: async () => {
        const stored = await this.attempt(async (db) => {
          const transaction = db.transaction(name);
          const [keys, values] = await Promise.all([transaction.store.getAllKeys(), transaction.store.getAll()]);
          return keys.map((key, i) => [String(key), values[i]] as const);
        });
        const merged = new Map<string, unknown>(stored ?? []);
        for (const [key, value] of memory) {
          if (value === DELETED) merged.delete(key);
          else merged.set(key, structuredClone(value));
        }
        return [...merged.keys()].sort().map((key) => merged.get(key) as T);
      },
      replace: async (key, change) => {
        if (memory.has(key) || !this.connection) {
          const value = await current(key, async () => undefined);
          const next = value === undefined ? undefined : change(value);
          if (next !== undefined) this.keepInMemory(memory, key, next);
          return next;
        }
        let next: T | undefined;
        const caller = new CallerCode(change);
        const written = await this.attempt(async (db) => {
          const store = readwrite(db, [name]).objectStore(name);
          const stored = (await store.get(key)) as T | undefined;
          next = stored === undefined ? undefined : caller.run(stored);
          if (next !== undefined) await store.put(next, key);
          await store.transaction.done;
          return true;
        }, caller.rethrow);
        // The change was decided but IndexedDB would not take it: this page keeps it.
        if (!written && next !== undefined) this.keepInMemory(memory, key, next);
        return next;
      },
      deleteIf: async (key, condition) => {
        if (memory.has(key) || !this.connection) {
          const value = await current(key, async () => undefined);
          if (value === undefined || !condition(value)) return false;
          await this.forget(name, key);
          return true;
        }
        let matched = false;
        const caller = new CallerCode(condition);
        const deleted = await this.attempt(async (db) => {
          const store = readwrite(db, [name]).objectStore(name);
          const stored = (await store.get(key)) as T | undefined;
          matched = stored !== undefined && caller.run(stored);
          if (matched) await store.delete(key);
          await store.transaction.done;
          return true;
        }, caller.rethrow);
        if (matched && !deleted) this.hide(memory, key);
        return matched;
      },
    };
  }

  /**
   * Applies the writes all together or not at all, in one IndexedDB transaction over their tables;
   * resolves once it has committed, to which writes were made (a `keep` may leave a value). When
   * IndexedDB refuses, the writes are made in this page's memory only: a delete then hides the value
   * here but leaves it stored, so nothing is deleted from the device without what replaces it (a
   * draft stays on disk while the response it became is in memory). Rejects, with nothing written,
   * when a value cannot be stored at all (DataCloneError).
   */
  async writeTogether(writes: readonly TableWrite[]): Promise<boolean[]> {
    // What this page holds in memory wins over what IndexedDB has, for `keep` as for reading.
    const remembered = writes.map((write) => {
      const memory = this.memoryOf(write.table);
      if (!memory.has(write.key)) return undefined;
      const value = memory.get(write.key);
      return { value: value === DELETED ? undefined : value };
    });
    const made = await this.attempt((db) => writeInTransaction(db, writes, remembered), rethrowDataCloneError);
    if (made) {
      // Stored now: the memory copies are stale, except those a `keep` left in place.
      for (const [i, write] of writes.entries()) if (made[i]) this.memoryOf(write.table).delete(write.key);
      return made;
    }
    // Clone every value first: a value that cannot be cloned must not leave half a batch behind.
    const values = writes.map((write) => ('value' in write ? structuredClone(write.value) : undefined));
    const applied: boolean[] = [];
    for (const [i, write] of writes.entries()) {
      const memory = this.memoryOf(write.table);
      if ('delete' in write) {
        this.hide(memory, write.key);
        applied.push(true);
        continue;
      }
      const stored = memory.has(write.key) ? memory.get(write.key) : await this.attempt((db) => db.get(write.table, write.key));
      const existing = stored === DELETED ? undefined : stored;
      const keep = existing !== undefined && write.keep?.(existing) === true;
      if (!keep) this.keepInMemory(memory, write.key, values[i]);
      applied.push(!keep);
    }
    return applied;
  }

  private memoryOf(table: TableName): MemoryTable {
    return this.memory.get(table)!;
  }

  private keepInMemory(memory: MemoryTable, key: string, value: unknown): void {
    this.degraded = true;
    memory.set(key, structuredClone(value));
  }

  /** Deletes from memory and IndexedDB; a value IndexedDB would not delete is hidden instead. */
  private async forget(name: TableName, key: string): Promise<void> {
    const memory = this.memoryOf(name);
    memory.delete(key);
    const deleted = await this.attempt(async (db) => {
      await db.delete(name, key);
      return true;
    });
    if (!deleted) this.hide(memory, key);
  }

  private hide(memory: MemoryTable, key: string): void {
    // Without a connection there may be nothing stored to hide; the marker costs nothing then.
    if (this.connection) this.degraded = true;
    memory.set(key, DELETED);
  }

  /**
   * Runs an IndexedDB operation; undefined when there is no connection or the operation failed.
   * `rethrow` picks failures that must reach the caller instead.
   */
  private async attempt<R>(operation: (db: IDBPDatabase) => Promise<R>, rethrow: (error: unknown) => void = () => undefined): Promise<R | undefined> {
    if (!this.connection) return undefined;
    try {
      return await operation(this.connection);
    } catch (error) {
      rethrow(error);
      console.warn('[sipas] IndexedDB failed; keeping data in memory', error);
      return undefined;
    }
  }

  /** Another tab needs a newer version, or the site's data is being cleared: let it proceed. */
  private disconnect(): void {
    this.connection?.close();
    this.connection = undefined;
  }
}

/**
 * A readwrite transaction whose `done` is observed at once: a failed request aborts it, and its
 * rejection must not go unhandled when the caller stops at the request's own error.
 */
function readwrite(db: IDBPDatabase, tables: TableName[]) {
  const transaction = db.transaction(tables, 'readwrite');
  transaction.done.catch(() => undefined);
  return transaction;
}

/** One readwrite transaction for the batch; aborted (nothing written) when any write fails. */
async function writeInTransaction(db: IDBPDatabase, writes: readonly TableWrite[], remembered: readonly ({ value: unknown } | undefined)[]): Promise<boolean[]> {
  const transaction = readwrite(db, [...new Set(writes.map((write) => write.table))]);
  try {
    const applied: boolean[] = [];
    for (const [i, write] of writes.entries()) {
      const store = transaction.objectStore(write.table);
      if ('delete' in write) {
        await store.delete(write.key);
        applied.push(true);
        continue;
      }
      const known = remembered[i];
      const existing = known ? known.value : ((await store.get(write.key)) as unknown);
      const keep = existing !== undefined && write.keep?.(existing) === true;
      if (!keep) await store.put(write.value, write.key);
      applied.push(!keep);
    }
    await transaction.done;
    return applied;
  } catch (error) {
    try {
      transaction.abort();
    } catch {
      // Already finished or aborted.
    }
    throw error;
  }
}

/** A callback run inside a transaction: its own errors reach the caller, not the IndexedDB fallback. */
class CallerCode<A, R> {
  private failure: { error: unknown } | undefined;
  private readonly code: (argument: A) => R;

  constructor(code: (argument: A) => R) {
    this.code = code;
  }

  run(argument: A): R {
    try {
      return this.code(argument);
    } catch (error) {
      this.failure = { error };
      throw error;
    }
  }

  readonly rethrow = (error: unknown): void => {
    if (this.failure && this.failure.error === error) throw error;
  };
}

const rethrowDataCloneError = (error: unknown): void => {
  if (error instanceof DOMException && error.name === 'DataCloneError') throw error;
};

async function connect(name: string, onVersionChange: () => void): Promise<IDBPDatabase | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // Reading `indexedDB` itself throws a SecurityError in sandboxed frames and with storage blocked.
    if (typeof indexedDB === 'undefined') return undefined;
    const opening = openDB(name, DB_VERSION, {
      upgrade(db) {
        for (const table of TABLE_NAMES) if (!db.objectStoreNames.contains(table)) db.createObjectStore(table);
      },
      blocking: onVersionChange,
      terminated: onVersionChange,
    });
    const timedOut = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => {
        // A late success would hold a connection nobody uses and block other tabs' upgrades.
        void opening.then((db) => db.close(), () => undefined);
        resolve(undefined);
      }, OPEN_TIMEOUT_MS);
    });
    return await Promise.race([opening, timedOut]);
  } catch (error) {
    console.warn('[sipas] IndexedDB is unavailable; responses and drafts stay in memory', error);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
