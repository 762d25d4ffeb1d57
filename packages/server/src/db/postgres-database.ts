import pg from 'pg';
import type { Database } from './database.js';

/** A PostgreSQL server through a connection pool; DATABASE_URL is a libpq connection string. */
export function openPostgres(connectionString: string): Database {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error('PostgreSQL connection error:', error.message));
  return {
    kind: 'postgres',
    query: async <Row>(text: string, params: readonly unknown[] = []) => ({ rows: (await pool.query(text, [...params])).rows as Row[] }),
    async transaction<T>(work: (tx: Database) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(clientDatabase(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** One pooled connection inside an open transaction; a nested transaction() joins it. */
function clientDatabase(client: pg.PoolClient): Database {
  const database: Database = {
    kind: 'postgres',
    query: async <Row>(text: string, params: readonly unknown[] = []) => ({ rows: (await client.query(text, [...params])).rows as Row[] }),
    transaction: (work) => work(database),
    close: async () => {
      throw new Error('close() the database, not a transaction');
    },
  };
  return database;
}
