/**
 * A schema of its own on a PostgreSQL server for one benchmark run, dropped afterwards, so the
 * benchmark never writes into the tables of the database DATABASE_URL names.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface ScratchSchema {
  /** The connection string with every connection's search_path set to the schema. */
  url: string;
  /** fsync and synchronous_commit as the server reports them: what one acknowledged commit costs. */
  durability(): Promise<string>;
  drop(): Promise<void>;
}

export async function createScratchSchema(serverUrl: string, prefix: string): Promise<ScratchSchema> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`create schema ${schema}`));
  const url = new URL(serverUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    durability: () =>
      withClient(serverUrl, async (client) => {
        const settings = await client.query<{ name: string; setting: string }>(
          "select name, setting from pg_settings where name in ('fsync', 'synchronous_commit') order by name",
        );
        const version = await client.query<{ server_version: string }>('show server_version');
        return `PostgreSQL ${version.rows[0]!.server_version}, ${settings.rows.map((row) => `${row.name}=${row.setting}`).join(', ')}`;
      }),
    drop: () => withClient(serverUrl, (client) => client.query(`drop schema ${schema} cascade`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
