/**
 * Reads a JSONL file line by line (streamed) and scans it, in this thread or spread over worker
 * threads. The main thread only splits lines and hands out batches; parsing, checking and counting,
 * which cost most, run in the workers. Their counts merge exactly (IndexAccumulator snapshots).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import type { AccumulatorSnapshot, IndexAccumulator, IndexOptions } from '@sipas/index';
import type { Questionnaire } from '@sipas/schema';
import type { WorkerRequest } from './index-worker.js';
import { combineTotals, LineScanner, type ScanTotals } from './response-scan.js';
import { loadedTypeModules } from './type-modules.js';

const BATCH_LINES = 2000;
/** Batches a worker may have queued, so reading never runs far ahead of the workers. */
const IN_FLIGHT_PER_WORKER = 3;

export interface ScanResult {
  totals: ScanTotals;
  accumulator: IndexAccumulator;
}

function lines(file: string) {
  return createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
}

/**
 * Built code runs dist/index-worker.js. From TypeScript sources (tests, `--conditions=source`), a
 * worker does not inherit tsx's loader, so a two-line bootstrap registers it first.
 */
function startWorker(workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./index-worker.js', import.meta.url), { workerData });
  const source = new URL('./index-worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** Scans a file; with `threads` > 1 the work is spread over that many worker threads. */
export async function scanFile(questionnaire: Questionnaire, indexOptions: IndexOptions, file: string, trusted: boolean, threads: number): Promise<ScanResult> {
  const main = new LineScanner(questionnaire, indexOptions, trusted);
  if (threads <= 1) {
    let number = 0;
    for await (const text of lines(file)) main.scan(text, ++number);
    return { totals: main.totals(), accumulator: main.accumulator };
  }
  const workerData = { questionnaire, indexOptions, trusted, typeModules: loadedTypeModules() };
  const workers = Array.from({ length: threads }, () => startWorker(workerData));
  try {
    const inFlight = workers.map(() => 0);
    let wake: (() => void) | undefined;
    const failures: Error[] = [];
    workers.forEach((worker, i) => {
      worker.on('message', (message: { kind: string }) => {
        if (message.kind === 'batch-done') {
          inFlight[i]!--;
          wake?.();
        }
      });
      worker.on('error', (error) => {
        failures.push(error);
        wake?.();
      });
    });
    const send = async (batch: WorkerRequest) => {
      for (;;) {
        if (failures.length > 0) throw failures[0];
        const free = inFlight.findIndex((count) => count < IN_FLIGHT_PER_WORKER);
        if (free >= 0) {
          inFlight[free]!++;
          workers[free]!.postMessage(batch);
          return;
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    };
    let number = 0;
    let batch: string[] = [];
    for await (const text of lines(file)) {
      batch.push(text);
      if (batch.length === BATCH_LINES) {
        await send({ kind: 'batch', firstLine: number + 1, lines: batch });
        number += batch.length;
        batch = [];
      }
    }
    if (batch.length > 0) await send({ kind: 'batch', firstLine: number + 1, lines: batch });
    if (failures.length > 0) throw failures[0];
    const results = await Promise.all(
      workers.map(async (worker) => {
        const answer = new Promise<{ snapshot: AccumulatorSnapshot; totals: ScanTotals }>((resolve, reject) => {
          worker.on('message', (message: { kind: string; snapshot?: AccumulatorSnapshot; totals?: ScanTotals }) => {
            if (message.kind === 'result') resolve(message as { snapshot: AccumulatorSnapshot; totals: ScanTotals });
          });
          worker.once('error', reject);
          worker.once('exit', (code) => reject(new Error(`A worker thread stopped (exit code ${code}) before returning its counts`)));
        });
        worker.postMessage({ kind: 'finish' } satisfies WorkerRequest);
        return answer;
      }),
    );
    for (const { snapshot } of results) main.accumulator.restore(snapshot);
    return { totals: combineTotals(results.map((r) => r.totals)), accumulator: main.accumulator };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
