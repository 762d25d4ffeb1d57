/**
 * A fresh, empty database for one test file: an in-memory PGlite by default or, when DATABASE_URL
 * is set (scripts/with-postgres.sh), a schema of its own on that PostgreSQL, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '@sipas/server';

export interface TestDatabase {
  db: Database;
  /** The connection string that reaches this very schema (PostgreSQL only). */
  url?: string;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await openDatabase({ dataDir: ':memory:' });
    return { db, kind: 'pglite', close: () => db.close() };
  }
  const schema = `sipas_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = withSearchPath(serverUrl, schema);
  const db = await openDatabase({ url });
  return {
    db,
    url,
    kind: 'postgres',
    async close() {
      await db.close();
      const cleaner = new pg.Client({ connectionString: serverUrl });
      await cleaner.connect();
      await cleaner.query(`drop schema ${schema} cascade`);
      await cleaner.end();
    },
  };
}

/** The same server and database, with every connection's search_path set to `schema`. */
function withSearchPath(connectionString: string, schema: string): string {
  const url = new URL(connectionString);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}
