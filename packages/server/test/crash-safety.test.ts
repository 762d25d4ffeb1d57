/**
 * Crash safety of the collector: responses stream in from several senders, the server process is
 * killed with SIGKILL in the middle, restarted on the same data, and the senders retry what was
 * not acknowledged, the way the browser outbox does. Twice. Every acknowledged response must
 * survive, once, with the receipt time it was acknowledged with.
 *
 * The server runs in a child process on a PGlite data folder in a temporary directory or, when
 * DATABASE_URL is set (scripts/with-postgres.sh), on a schema of its own in that PostgreSQL.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom, simulateResponse, type RandomInt } from '@sipas/core';
import type { Response } from '@sipas/schema';
import { MIGRATIONS, openDatabase, type Database } from '@sipas/server';
import { counter3, sipas1001, sipas2640 } from '@sipas/templates';
import { startServerProcess, type ServerProcess, type ServerProcessOptions } from './helpers/server-process.js';
import { openTestDatabase, type TestDatabase } from './helpers/test-database.js';

const SEED = process.env.CRASH_SEED ? Number(process.env.CRASH_SEED) : randomInt(2 ** 31);
const SENDERS = 6;
const KILLS = 2;
/** Fresh responses offered in each round before a kill; the kill comes well before they run out. */
const FRESH_PER_ROUND = 1_500;

interface Acknowledgement {
  receivedAt: string;
  /** The round (0, 1, 2) in which the server first acknowledged it. */
  round: number;
}

/** What one round of streaming saw. */
interface RoundReport {
  acknowledged: number;
  /** Sent and not answered because the process died: the outbox keeps them for the next round. */
  unanswered: Response[];
  /** Requests on the wire when the kill came (0 would mean the kill fell between two requests). */
  inFlightAtKill: number;
}

/**
 * The client side: what was sent, what was acknowledged with which receipt, and every answer that
 * breaks the contract (a 201 for a response already acknowledged means the server lost it).
 */
class Senders {
  readonly attempted = new Set<string>();
  readonly acknowledged = new Map<string, Acknowledgement>();
  readonly documents = new Map<string, Response>();
  readonly violations: string[] = [];

  /**
   * Sends `queue` with SENDERS concurrent senders until it is empty or, when `killAfter` is given,
   * kills the server with SIGKILL once that many answers have come back in this round.
   */
  async stream(server: ServerProcess, round: number, queue: Response[], killAfter?: number): Promise<RoundReport> {
    const report: RoundReport = { acknowledged: 0, unanswered: [], inFlightAtKill: 0 };
    let inFlight = 0;
    let killing: Promise<void> | undefined;
    const sender = async () => {
      for (let response = queue.shift(); response; response = queue.shift()) {
        this.attempted.add(response.responseId);
        this.documents.set(response.responseId, response);
        inFlight++;
        const reply = await deliver(server.baseUrl, response);
        inFlight--;
        if (!reply) {
          // The process is gone: this one may or may not be stored; the outbox will send it again.
          report.unanswered.push(response);
          return;
        }
        this.judge(response, reply, round);
        report.acknowledged++;
        if (killAfter !== undefined && report.acknowledged >= killAfter && !killing) {
          report.inFlightAtKill = inFlight;
          killing = server.kill();
        }
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, sender));
    await killing;
    // Senders that stopped on the dead server left their turn in the queue: still unsent, not lost.
    return report;
  }

  private judge(response: Response, reply: { status: number; body: unknown }, round: number): void {
    const id = response.responseId;
    const receipt = receiptOf(reply.body);
    const earlier = this.acknowledged.get(id);
    if ((reply.status !== 201 && reply.status !== 200) || !receipt || receipt.responseId !== id) {
      this.violations.push(`round ${round}: ${id} answered ${reply.status} ${JSON.stringify(reply.body)}`);
      return;
    }
    if (earlier && reply.status === 201) {
      this.violations.push(`round ${round}: ${id}, acknowledged in round ${earlier.round} at ${earlier.receivedAt}, was stored anew at ${receipt.receivedAt}: the crash lost it`);
      return;
    }
    if (earlier && receipt.receivedAt !== earlier.receivedAt) {
      this.violations.push(`round ${round}: ${id} came back with receipt ${receipt.receivedAt}, first acknowledged at ${earlier.receivedAt}`);
      return;
    }
    // A 200 the first time: it was stored just before a kill, its answer never arrived.
    if (!earlier) this.acknowledged.set(id, { receivedAt: receipt.receivedAt, round });
  }
}

/** One POST; undefined when no HTTP answer came back (connection refused or reset by the kill). */
async function deliver(baseUrl: string, response: Response): Promise<{ status: number; body: unknown } | undefined> {
  try {
    const reply = await fetch(`${baseUrl}/api/v1/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(response),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await reply.text();
    return { status: reply.status, body: text ? JSON.parse(text) : undefined };
  } catch {
    return undefined;
  }
}

function receiptOf(body: unknown): { responseId: string; receivedAt: string } | undefined {
  const receipt = (body as { receipt?: { responseId?: unknown; receivedAt?: unknown } } | undefined)?.receipt;
  return typeof receipt?.responseId === 'string' && typeof receipt.receivedAt === 'string' ? { responseId: receipt.responseId, receivedAt: receipt.receivedAt } : undefined;
}

function freshResponses(random: RandomInt, count: number): Response[] {
  const questionnaires = [sipas2640, sipas1001, counter3];
  return Array.from({ length: count }, (_, i) => {
    const questionnaire = questionnaires[i % questionnaires.length]!;
    // No paper: two paper forms may clash on a serial (409), which is not what this test is about.
    const channels = (questionnaire.sipas?.survey?.channels ?? ['online']).filter((channel) => channel !== 'paper');
    return simulateResponse(questionnaire, { random, channels });
  });
}

/** Fisher–Yates with the seeded source: retries and repeats interleave as they would in the field. */
function shuffle<T>(random: RandomInt, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

describe('crash safety of POST /api/v1/responses', () => {
  let postgres: TestDatabase | undefined;
  let dataDir = '';
  let serverOptions: ServerProcessOptions;

  before(async () => {
    if (process.env.DATABASE_URL) {
      postgres = await openTestDatabase();
      serverOptions = { databaseUrl: postgres.url! };
    } else {
      dataDir = mkdtempSync(join(tmpdir(), 'sipas-crash-'));
      serverOptions = { dataDir };
    }
  });
  after(async () => {
    await postgres?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it(`should keep every acknowledged response exactly once, with its receipt time, across ${KILLS} kill -9s`, { timeout: 300_000 }, async (t) => {
    const backend = postgres ? 'PostgreSQL' : 'PGlite';
    t.diagnostic(`crash seed ${SEED} on ${backend} (replay: CRASH_SEED=${SEED})`);
    const random = seededRandom(SEED);
    const senders = new Senders();
    const fresh = freshResponses(random, FRESH_PER_ROUND * (KILLS + 1));
    let outbox: Response[] = [];

    for (let round = 0; round <= KILLS; round++) {
      const server = await startServerProcess(serverOptions);
      // Stopped servers are restarted below; one that is still alive after a failed assertion is not.
      t.after(() => server.kill());
      const killing = round < KILLS;
      // Each round: what the outbox still holds, the acknowledged ones again (a repeat must get the
      // same receipt), and new responses; the last round ends with nothing but retries and repeats.
      const repeats = [...senders.acknowledged.keys()].map((id) => senders.documents.get(id)!);
      const newOnes = killing ? fresh.slice(round * FRESH_PER_ROUND, (round + 1) * FRESH_PER_ROUND) : [];
      const queue = [...outbox, ...shuffle(random, [...repeats, ...newOnes])];
      const killAfter = killing ? repeats.length + 200 + random(400) : undefined;
      const report = await senders.stream(server, round, queue, killAfter);
      t.diagnostic(
        killing
          ? `round ${round}: ${report.acknowledged} answered, then kill -9 with ${report.inFlightAtKill} requests in flight; ${report.unanswered.length} left for the outbox`
          : `round ${round}: ${report.acknowledged} answered (retries and repeats), then a clean stop`,
      );
      if (killing) {
        assert.ok(report.inFlightAtKill > 0, `round ${round}: the kill should come while requests are in flight`);
        outbox = report.unanswered;
      } else {
        assert.deepEqual(report.unanswered, [], 'every response should be answered once the server stays up');
        assert.equal(queue.length, 0);
        assert.equal(await server.stop(), 0, `the server should stop cleanly:\n${server.output()}`);
      }
      // No request may have failed on the server, before or after a crash.
      assert.doesNotMatch(server.output(), /request failed/, `round ${round}:\n${server.output()}`);
    }

    assert.deepEqual(senders.violations.slice(0, 20), [], `${senders.violations.length} answers break the contract (seed ${SEED})`);
    assert.equal(senders.acknowledged.size, senders.attempted.size, 'the outbox should end empty: every response sent was acknowledged');

    const db: Database = postgres ? postgres.db : await openDatabase({ dataDir });
    try {
      const migrations = await db.query<{ version: number }>('select version from schema_migrations order by version');
      assert.deepEqual(migrations.rows.map((row) => row.version), MIGRATIONS.map((migration) => migration.version), 'each migration recorded once after the restarts');
      const { rows } = await db.query<{ response_id: string; received_at: Date; document: Response }>('select response_id, received_at, document from responses');
      const stored = new Map(rows.map((row) => [row.response_id, row]));
      assert.equal(stored.size, rows.length, 'a response is stored twice');
      const lost = [...senders.acknowledged].filter(([id]) => !stored.has(id)).map(([id, ack]) => `${id} (acknowledged in round ${ack.round})`);
      assert.deepEqual(lost, [], `acknowledged, then lost by a crash (seed ${SEED})`);
      const neverSent = [...stored.keys()].filter((id) => !senders.attempted.has(id));
      assert.deepEqual(neverSent, [], 'stored although never sent');
      for (const [id, ack] of senders.acknowledged) {
        const row = stored.get(id)!;
        assert.equal(row.received_at.toISOString(), ack.receivedAt, `${id}: stored receipt time differs from the acknowledged one`);
        assert.deepEqual(row.document, senders.documents.get(id), `${id}: stored document differs from the one sent`);
      }
      t.diagnostic(`${rows.length} responses stored, all acknowledged; ${fresh.length - senders.attempted.size} generated responses never sent`);
    } finally {
      if (!postgres) await db.close();
    }
  });
});
