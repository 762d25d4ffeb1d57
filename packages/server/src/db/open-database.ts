import { join } from 'node:path';
import type { Database } from './database.js';
import { openPGlite } from './pglite-database.js';
import { openPostgres } from './postgres-database.js';

/** Where the data lives: a data folder for embedded PGlite (':memory:' for none), or a PostgreSQL URL. */
export type DatabaseLocation = { dataDir: string } | { url: string };

/**
 * Opens the database (ARCHITECTURE.md D4). PGlite keeps its files in `<dataDir>/pglite`, so the
 * data folder can hold other things beside it.
 */
export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  if ('url' in location) return openPostgres(location.url);
  return openPGlite(location.dataDir === ':memory:' ? ':memory:' : join(location.dataDir, 'pglite'));
}
