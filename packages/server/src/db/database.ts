/**
 * The one SQL interface the server speaks (ARCHITECTURE.md D4): PGlite embedded in a data folder
 * by default, a PostgreSQL server when DATABASE_URL is set. Both take `$1`-style parameters and
 * answer `{ rows }`, so every store module works on either.
 */
export interface Database {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
  /** Runs `work` in one transaction (BEGIN … COMMIT, ROLLBACK when it throws) on one connection. */
  transaction<T>(work: (tx: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** 'pglite' or 'postgres': for messages and benchmarks, never for choosing SQL. */
  readonly kind: 'pglite' | 'postgres';
}
