import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, MIGRATIONS, openDatabase, runMigrations } from '@sipas/server';
import { ApiClient, signIn, startServer } from './helpers/http.js';
import { counterResponse, publishCounter } from './helpers/fixtures.js';
import { openTestDatabase, type TestDatabase } from './helpers/test-database.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('storage', () => {
  let database: TestDatabase;

  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());

  it('should let two collectors start together on an empty database: migrated once, one first admin', async () => {
    const [first, second] = await Promise.all([createServer({ database: database.db }), createServer({ database: database.db })]);
    try {
      assert.equal([first.initialAdmin, second.initialAdmin].filter(Boolean).length, 1);
      const { rows } = await database.db.query<{ version: number }>('select version from schema_migrations order by version');
      assert.deepEqual(rows.map((row) => row.version), MIGRATIONS.map((migration) => migration.version));
      const admins = await database.db.query<{ username: string; role: string }>('select username, role from users');
      assert.deepEqual(admins.rows, [{ username: 'admin', role: 'admin' }]);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('should apply no migration twice', async () => {
    assert.deepEqual(await runMigrations(database.db), []);
    const started = await createServer({ database: database.db });
    assert.equal(started.initialAdmin, undefined);
    await started.close();
    assert.equal((await database.db.query('select 1 from schema_migrations')).rows.length, MIGRATIONS.length);
  });

  it('should hold no IP address or user agent anywhere', async () => {
    const { rows } = await database.db.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns where table_schema = current_schema()`,
    );
    const tables = new Set(rows.map((row) => row.table_name));
    for (const table of ['users', 'sessions', 'api_tokens', 'questionnaires', 'questionnaire_versions', 'responses', 'schema_migrations']) assert.ok(tables.has(table), table);
    const suspicious = rows.filter((row) => /(^|_)(ip|ips|inet|addr|address|remote|client|agent|ua|user_agent|host)(_|$)/i.test(row.column_name));
    assert.deepEqual(suspicious, []);
    const { rows: inetColumns } = await database.db.query(
      `select column_name from information_schema.columns where table_schema = current_schema() and data_type in ('inet', 'cidr')`,
    );
    assert.deepEqual(inetColumns, []);
  });

  it('should roll back a failed transaction without taking a concurrent statement with it', async () => {
    await database.db.query('create table probe (note text)');
    const failing = database.db.transaction(async (tx) => {
      await tx.query(`insert into probe values ('inside')`);
      await sleep(30);
      throw new Error('changed my mind');
    });
    await sleep(5);
    const outside = database.db.query(`insert into probe values ('outside')`);
    await assert.rejects(failing, /changed my mind/);
    await outside;
    const { rows } = await database.db.query<{ note: string }>('select note from probe');
    assert.deepEqual(rows, [{ note: 'outside' }]);
  });

  it('should not interleave two transactions on PGlite', async () => {
    // PGlite always (even in a PostgreSQL run): its single connection is what the queue protects.
    const pglite = await openDatabase({ dataDir: ':memory:' });
    try {
      await pglite.query('create table counter (n int not null)');
      await pglite.query('insert into counter values (0)');
      // Read, wait, write: two at once would both read 0 if their statements interleaved.
      const increment = () =>
        pglite.transaction(async (tx) => {
          const { rows } = await tx.query<{ n: number }>('select n from counter');
          await sleep(20);
          await tx.query('update counter set n = $1', [rows[0]!.n + 1]);
        });
      await Promise.all([increment(), increment(), increment()]);
      assert.deepEqual((await pglite.query('select n from counter')).rows, [{ n: 3 }]);
    } finally {
      await pglite.close();
    }
  });

  it('should keep data in a PGlite data folder across restarts, creating the first admin only once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sipas-server-'));
    try {
      const first = await createServer({ dataDir, databaseUrl: '' });
      assert.equal(first.db.kind, 'pglite');
      assert.equal(first.initialAdmin?.username, 'admin');
      const { password } = first.initialAdmin!;
      assert.ok(password.length >= 10);
      const firstUrl = await first.listen(0, '127.0.0.1');
      const admin = await signIn(firstUrl, 'admin', password);
      await publishCounter(admin, 'kept');
      const response = counterResponse('kept');
      assert.equal((await new ApiClient(firstUrl).post('/api/v1/responses', response)).status, 201);
      await first.close();

      const second = await createServer({ dataDir, databaseUrl: '' });
      try {
        assert.equal(second.initialAdmin, undefined);
        const secondUrl = await second.listen(0, '127.0.0.1');
        assert.equal((await new ApiClient(secondUrl).post('/api/v1/responses', response)).status, 200);
        assert.equal((await signIn(secondUrl, 'admin', password)).cookie !== undefined, true);
        assert.equal((await second.db.query('select 1 from schema_migrations')).rows.length, MIGRATIONS.length);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  // Registered only in the PostgreSQL run (npm run test:pg), so neither run reports a skipped test.
  if (process.env.DATABASE_URL) it('should reach PostgreSQL through databaseUrl', async () => {
    const server = await createServer({ databaseUrl: database.url! });
    try {
      assert.equal(server.db.kind, 'postgres');
      assert.equal(server.initialAdmin, undefined);
      const url = await server.listen(0, '127.0.0.1');
      assert.equal((await new ApiClient(url).get('/api/v1/questionnaires/kept')).status, 404);
    } finally {
      await server.close();
    }
  });

  it('should refuse a first admin password shorter than 10 characters', async () => {
    await assert.rejects(createServer({ database: database.db, initialAdminPassword: 'short' }), /at least 10/);
  });

  it('should serve over a database opened by the caller and leave it open on close', async () => {
    const test = await startServer(database.db);
    await test.close();
    assert.deepEqual((await database.db.query('select 1 as one')).rows, [{ one: 1 }]);
  });
});
