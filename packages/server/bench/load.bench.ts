/**
 * Load benchmark of the collector's `POST /api/v1/responses` (not a test): sustained submissions
 * per second, and p50/p99 latency at half that rate, on embedded PGlite and, when DATABASE_URL is
 * set, on PostgreSQL. Targets (the issue): at least 1,000 responses/s with PostgreSQL, p99 under
 * 50 ms at half the maximum rate.
 *
 *   npm run bench -w @sipas/server                                      PGlite only
 *   bash scripts/with-postgres.sh npm run bench -w @sipas/server        PGlite and PostgreSQL
 *
 * BENCH_SECONDS (10) sets each measured window, BENCH_CLIENTS ("8,32,64") the closed-loop client
 * counts tried. The server runs in a child process, so that it and the load generator do not share
 * one event loop; both still share this machine's CPUs.
 */
import { cpus } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sipas2640 } from '@sipas/templates';
import { openDatabase, type Database } from '@sipas/server';
import { startServerProcess } from '../test/helpers/server-process.js';
import { closedLoop, openLoop, percentile, ResponseBodies, type LoadResult } from './load-generator.js';
import { createScratchSchema } from './scratch-schema.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
const CLIENT_COUNTS = (process.env.BENCH_CLIENTS ?? '8,32,64').split(',').map(Number);
const TARGET_RATE = 1_000;
const TARGET_P99_MS = 50;

interface Row {
  backend: string;
  mode: string;
  result: LoadResult;
}

/** Where a run keeps its data, and how to read it back and clean up afterwards. */
interface Storage {
  backend: 'PGlite' | 'PostgreSQL';
  serverOptions: { dataDir: string } | { databaseUrl: string };
  /** Opens the database to count what was stored (after the server stopped, for PGlite). */
  open(): Promise<Database>;
  /** Settings that decide what a commit costs, as the database reports them. */
  durability?: string;
  remove(): Promise<void>;
}

async function main(): Promise<void> {
  const cpuList = cpus();
  console.log('SIPAS collector load benchmark: POST /api/v1/responses, valid and distinct sipas-2640 responses');
  console.log(`machine: ${cpuList.length} × ${cpuList[0]?.model.trim() ?? 'CPU'}, Node ${process.version}`);
  console.log(
    'the load generator runs on this same machine, in this process; the server runs in a child process ' +
      '(PostgreSQL in its own processes): all of them share these CPUs, so the rates are a lower bound for a dedicated server.',
  );
  console.log(`each figure: ${WARMUP_SECONDS} s warm-up, then ${SECONDS} s measured\n`);

  // Simulated and serialized before any measurement; enough responseIds for every request of a backend.
  const ids = 600_000;
  const rows: Row[] = [];
  const storages: Storage[] = [pgliteStorage()];
  if (process.env.DATABASE_URL) storages.push(await postgresStorage(process.env.DATABASE_URL));

  for (const storage of storages) {
    const bodies = new ResponseBodies(sipas2640, { distinct: 2_000, ids, seed: 2640 });
    const server = await startServerProcess(storage.serverOptions);
    const url = new URL('/api/v1/responses', server.baseUrl);
    let created = 0;
    try {
      if (storage.durability) console.log(`${storage.backend}: ${storage.durability}`);
      let best: LoadResult | undefined;
      for (const clients of CLIENT_COUNTS) {
        const result = await closedLoop(url, bodies, { clients, warmupSeconds: WARMUP_SECONDS, seconds: SECONDS });
        created += result.created;
        rows.push({ backend: storage.backend, mode: `max, ${clients} clients`, result });
        printRow(rows.at(-1)!);
        if (!best || result.rate > best.rate) best = result;
      }
      const halfRate = Math.max(1, Math.round(best!.rate / 2));
      const result = await openLoop(url, bodies, { rate: halfRate, warmupSeconds: WARMUP_SECONDS, seconds: SECONDS });
      created += result.created;
      rows.push({ backend: storage.backend, mode: `fixed ${halfRate}/s (half)`, result });
      printRow(rows.at(-1)!);
    } finally {
      await server.stop();
    }
    const db = await storage.open();
    const stored = (await db.query<{ n: number }>('select count(*)::int as n from responses')).rows[0]!.n;
    await db.close();
    await storage.remove();
    console.log(`${storage.backend}: ${stored} responses stored, ${created} acknowledged with 201${stored === created ? '' : ' — MISMATCH'}\n`);
  }

  console.log(['backend', 'mode', 'rate/s', 'p50 ms', 'p99 ms', 'errors'].map((cell, i) => cell.padEnd(WIDTHS[i]!)).join(''));
  for (const row of rows) printRow(row);
  console.log();
  verdicts(rows);
  if (!process.env.DATABASE_URL) {
    console.log('PostgreSQL: skipped (DATABASE_URL is not set). Run: bash scripts/with-postgres.sh npm run bench -w @sipas/server');
  }
}

const WIDTHS = [12, 26, 10, 10, 10, 8];

function printRow({ backend, mode, result }: Row): void {
  const cells = [backend, mode, result.rate.toFixed(0), percentile(result.latencies, 50).toFixed(1), percentile(result.latencies, 99).toFixed(1), String(result.errors)];
  console.log(cells.map((cell, i) => cell.padEnd(WIDTHS[i]!)).join(''));
}

function verdicts(rows: Row[]): void {
  for (const backend of new Set(rows.map((row) => row.backend))) {
    const mine = rows.filter((row) => row.backend === backend);
    const best = Math.max(...mine.filter((row) => row.mode.startsWith('max')).map((row) => row.result.rate));
    const half = mine.find((row) => row.mode.startsWith('fixed'))!.result;
    const p99 = percentile(half.latencies, 99);
    const rateVerdict = backend === 'PostgreSQL' ? ` (target ≥ ${TARGET_RATE}/s: ${best >= TARGET_RATE ? 'met' : 'NOT met'})` : ' (no target for PGlite)';
    console.log(`${backend}: max ${best.toFixed(0)}/s${rateVerdict}; p99 ${p99.toFixed(1)} ms at half that rate (target < ${TARGET_P99_MS} ms: ${p99 < TARGET_P99_MS ? 'met' : 'NOT met'})`);
  }
}

function pgliteStorage(): Storage {
  const dataDir = mkdtempSync(join(tmpdir(), 'sipas-bench-'));
  return {
    backend: 'PGlite',
    serverOptions: { dataDir },
    open: () => openDatabase({ dataDir }),
    durability: 'a data folder on this machine\'s disk (PGlite runs with fsync off)',
    remove: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function postgresStorage(serverUrl: string): Promise<Storage> {
  const scratch = await createScratchSchema(serverUrl, 'sipas_bench');
  return {
    backend: 'PostgreSQL',
    serverOptions: { databaseUrl: scratch.url },
    open: () => openDatabase({ url: scratch.url }),
    durability: await scratch.durability(),
    remove: () => scratch.drop(),
  };
}

await main();
