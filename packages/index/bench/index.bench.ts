/**
 * Index engine benchmark (not a test): responses per second of IndexAccumulator#add for the SIPAS
 * 2640 questionnaire (22 items in 5 components, the expectations distribution, the feedback
 * filter), over responses generated and JSON-parsed beforehand (neither is timed), without
 * grouping and grouped by unit and quarter. Prints the median of several runs per case.
 *
 * Two pools of responses:
 * - 50,000 distinct responses (tens of megabytes, so most reads miss the CPU caches): the
 *   conservative figure, which the target (≥ 1,000,000 responses/s on one core) is judged on;
 * - 1,000 distinct responses added over and over (they stay in cache): close to streaming, where
 *   each response is added right after it was parsed.
 *
 * Run: npm run bench --workspace @sipas/index
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { IndexAccumulator, type IndexOptions } from '@sipas/index';
import type { Response } from '@sipas/schema';
import { sipas2640 } from '@sipas/templates';
import { generateResponses } from '../test/helpers/generate-responses.js';

const DISTINCT = 50_000;
const CACHED = 1_000;
/** Responses added per run (a fresh accumulator per run). */
const PER_RUN = 200_000;
const RUNS = 9;
const WARM_UP_RUNS = 3;
const TARGET = 1_000_000;

const started = performance.now();
// Through JSON, as the CLI reads them: the objects have the shapes JSON.parse gives.
const distinct: Response[] = generateResponses(sipas2640, DISTINCT, { seed: 2640, blankRate: 0.05 }).map((response) => JSON.parse(JSON.stringify(response)) as Response);
const cached = distinct.slice(0, CACHED);
const generatedIn = performance.now() - started;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function measure(pool: readonly Response[], options: IndexOptions): { rate: number; groups: number; resultMs: number } {
  const rates: number[] = [];
  const resultTimes: number[] = [];
  let groups = 0;
  for (let run = 0; run < WARM_UP_RUNS + RUNS; run++) {
    const accumulator = new IndexAccumulator(sipas2640, options);
    const size = pool.length;
    const t0 = performance.now();
    for (let i = 0, j = 0; i < PER_RUN; i++, j = j + 1 === size ? 0 : j + 1) accumulator.add(pool[j]!);
    const elapsed = performance.now() - t0;
    const t1 = performance.now();
    const report = accumulator.result();
    const resultMs = performance.now() - t1;
    if (report.responses !== PER_RUN) throw new Error(`counted ${report.responses} of ${PER_RUN} responses`);
    if (run >= WARM_UP_RUNS) {
      rates.push(PER_RUN / (elapsed / 1000));
      resultTimes.push(resultMs);
    }
    groups = report.groups.length;
  }
  return { rate: median(rates), groups, resultMs: median(resultTimes) };
}

const format = (rate: number) => Math.round(rate).toLocaleString('en-US');
console.log(`@sipas/index on ${sipas2640.id}: ${PER_RUN.toLocaleString('en-US')} add() per run, median of ${RUNS} runs after ${WARM_UP_RUNS} warm-up runs (responses generated in ${(generatedIn / 1000).toFixed(1)} s)`);
console.log(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}`);
for (const [poolName, pool, judged] of [
  [`${DISTINCT.toLocaleString('en-US')} distinct`, distinct, true],
  [`${CACHED.toLocaleString('en-US')} distinct, in cache`, cached, false],
] as const) {
  for (const [name, options] of [
    ['no breakdown', {}],
    ['by unit, quarter', { by: ['unit', 'quarter'] }],
  ] as [string, IndexOptions][]) {
    const { rate, groups, resultMs } = measure(pool, options);
    const verdict = judged ? `  target ${format(TARGET)}/s -> ${rate >= TARGET ? 'met' : 'MISSED'}` : '';
    console.log(`${poolName.padEnd(24)} ${name.padEnd(17)} ${format(rate).padStart(10)} responses/s  (${String(groups).padStart(2)} groups, result() ${resultMs.toFixed(2)} ms)${verdict}`);
  }
}
