import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database } from './database.js';
import { SerialQueue } from './serial-queue.js';

/**
 * PostgreSQL compiled to WebAssembly, embedded: in `dataDir` on disk, or in memory for ':memory:'.
 *
 * Every statement and every transaction goes through one queue, so a transaction holds the only
 * session until it ends and no other request's statement can land inside it. (PGlite serializes
 * on its own too; the queue makes the guarantee ours rather than an implementation detail.)
 */
export async function openPGlite(dataDir: string): Promise<Database> {
  if (dataDir !== ':memory:') await mkdir(dirname(dataDir), { recursive: true });
  const pglite = await PGlite.create(dataDir === ':memory:' ? undefined : dataDir);
  const queue = new SerialQueue();
  let closed = false;
  return {
    kind: 'pglite',
    query: <Row>(text: string, params: readonly unknown[] = []) =>
      queue.run(async () => ({ rows: (await pglite.query<Row>(text, [...params])).rows })),
    transaction: <T>(work: (tx: Database) => Promise<T>) =>
      queue.run(() => pglite.transaction((tx) => work(transactionDatabase(tx)))),
    async close() {
      if (closed) return;
      closed = true;
      await queue.run(() => pglite.close());
    },
  };
}

/** The open transaction as a Database; a nested transaction() joins it rather than queueing behind itself. */
function transactionDatabase(tx: Transaction): Database {
  const database: Database = {
    kind: 'pglite',
    query: async <Row>(text: string, params: readonly unknown[] = []) => ({ rows: (await tx.query<Row>(text, [...params])).rows }),
    transaction: (work) => work(database),
    close: async () => {
      throw new Error('close() the database, not a transaction');
    },
  };
  return database;
}
