/**
 * A worker thread of `sipas index --threads N`: scans the batches of lines the main thread sends
 * and, when told to finish, returns its counts as a snapshot and its totals.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { IndexOptions } from '@sipas/index';
import type { Questionnaire } from '@sipas/schema';
import { LineScanner } from './response-scan.js';
import { loadTypeModules } from './type-modules.js';

export type WorkerRequest = { kind: 'batch'; firstLine: number; lines: string[] } | { kind: 'finish' };

const { questionnaire, indexOptions, trusted, typeModules } = workerData as { questionnaire: Questionnaire; indexOptions: IndexOptions; trusted: boolean; typeModules: string[] };
// The parent loaded these already (a bad module never gets this far); batches wait in the port meanwhile.
if (typeModules.length > 0) {
  const loaded = await loadTypeModules(typeModules);
  // A worker without the types would count differently from the main thread: stop instead.
  if ('problem' in loaded) throw new Error(loaded.problem.en);
}
const scanner = new LineScanner(questionnaire, indexOptions, trusted);

parentPort!.on('message', (request: WorkerRequest) => {
  if (request.kind === 'batch') {
    request.lines.forEach((text, i) => scanner.scan(text, request.firstLine + i));
    parentPort!.postMessage({ kind: 'batch-done' });
  } else {
    parentPort!.postMessage({ kind: 'result', snapshot: scanner.accumulator.snapshot(), totals: scanner.totals() });
  }
});
