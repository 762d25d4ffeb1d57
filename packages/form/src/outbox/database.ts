/**
 * The device's one IndexedDB database for SIPAS Forms: the outbox, drafts and the memory of sent
 * responses, one database per origin so every page of a district site shares one outbox.
 *
 * IndexedDB is not always there: private modes, sandboxed frames and blocked site data refuse it,
 * an older cached bundle meets a database a newer one upgraded (VersionError), another tab
 * upgrades or the user clears site data while the page is open, or the disk is full. A response
 * must never be lost to any of that, so every table falls back to memory for the page's lifetime,
 * and `persistent` turns false so the form can tell the respondent that closing the page now would
 * lose what is not yet sent.
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
}

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
  private readonly memory = new Map<TableName, Map<string, unknown>>(TABLE_NAMES.map((table) => [table, new Map()]));

  private constructor(name: string) {
    this.name = name;
  }

  /** False when something written now may not survive a reload. */
  get persistent(): boolean {
    return this.connection !== undefined && !this.degraded;
  }

  table<T>(name: TableName): Table<T> {
    const memory = this.memory.get(name)!;
    return {
      get: async (key) => {
        if (memory.has(key)) return structuredClone(memory.get(key)) as T;
        return (await this.attempt((db) => db.get(name, key))) as T | undefined;
      },
      put: async (key, value) => {
        const written = await this.attempt(async (db) => {
          await db.put(name, value, key);
          return true;
        });
        if (written) {
          memory.delete(key);
          return;
        }
        this.degraded = true;
        memory.set(key, structuredClone(value));
      },
      delete: async (key) => {
        memory.delete(key);
        await this.attempt((db) => db.delete(name, key));
      },
      values: async () => {
        const stored = await this.attempt(async (db) => {
          const transaction = db.transaction(name);
          const [keys, values] = await Promise.all([transaction.store.getAllKeys(), transaction.store.getAll()]);
          return keys.map((key, i) => [String(key), values[i]] as const);
        });
        const merged = new Map<string, unknown>(stored ?? []);
        for (const [key, value] of memory) merged.set(key, structuredClone(value));
        return [...merged.keys()].sort().map((key) => merged.get(key) as T);
      },
    };
  }

  /** Runs an IndexedDB operation; undefined when there is no connection or the operation failed. */
  private async attempt<R>(operation: (db: IDBPDatabase) => Promise<R>): Promise<R | undefined> {
    if (!this.connection) return undefined;
    try {
      return await operation(this.connection);
    } catch (error) {
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
