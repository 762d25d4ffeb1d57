import type { Database } from './database.js';
import { MIGRATIONS, type Migration } from './migrations.js';

/**
 * An arbitrary constant naming "the SIPAS schema" for pg_advisory_xact_lock: two collectors
 * starting together against one PostgreSQL take turns instead of racing to create the tables.
 */
const MIGRATION_LOCK = 7_470_001;

/** Applies the migrations not applied yet, each in its own transaction; returns the versions applied now. */
export async function runMigrations(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const applied: number[] = [];
  for (const migration of migrations) {
    const ran = await db.transaction(async (tx) => {
      // The lock is held to the end of this transaction; PGlite has one session, so it is free there.
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await tx.query(`create table if not exists schema_migrations (
        version int primary key,
        name text not null,
        applied_at timestamptz not null default now()
      )`);
      const done = await tx.query('select 1 from schema_migrations where version = $1', [migration.version]);
      if (done.rows.length > 0) return false;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}
