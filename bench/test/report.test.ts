import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateTargets, markdownReport, withLatestResults, type BenchResults } from '../src/report.js';
import { summarize } from '../src/stats.js';

type Partial = Omit<BenchResults, 'targets'>;
const results = (mine: number[], peerA: number[], peerB: number[], bytes = [30_000, 400_000, 450_000]): Partial => ({
  date: '2026-01-01',
  commit: 'abc1234',
  machine: { cpu: 'CPU', cores: 2, memoryGiB: 8, os: 'linux', node: 'v20', chromium: '1' },
  runs: mine.length,
  floor: { firstRender: summarize([50]), firstRenderSlow: summarize([100]) },
  renderers: [
    { id: 'sipas', label: 'S', version: '1', shippedBytes: bytes[0]! },
    { id: 'surveyjs', label: 'A', version: '1', shippedBytes: bytes[1]! },
    { id: 'formio', label: 'B', version: '1', shippedBytes: bytes[2]! },
  ],
  questionnaires: [{ name: 'q', label: 'Q', questions: 1, pages: 1 }],
  measures: { q: { sipas: { answerSettled: summarize(mine) }, surveyjs: { answerSettled: summarize(peerA) }, formio: { answerSettled: summarize(peerB) } } },
});

describe('targets and the published table', () => {
  it('should compare with the best peer and tell a win, a tie within the runs and a loss apart', () => {
    const outcome = (mine: number[]) => evaluateTargets(results(mine, [20, 21, 22], [30, 31, 32])).find((t) => t.what.includes('answer'))!.outcome;
    assert.equal(outcome([10, 11, 12]), 'met');
    assert.equal(outcome([20, 21.5, 23]), 'tie');
    assert.equal(outcome([25, 26, 27]), 'missed');
  });

  it('should hold bytes to 0.15 × the smallest peer', () => {
    const bytesTarget = (own: number) => evaluateTargets(results([1], [2], [3], [own, 400_000, 450_000]))[0]!;
    assert.equal(bytesTarget(60_000).outcome, 'met');
    assert.equal(bytesTarget(60_001).outcome, 'missed');
  });

  it('should print ratios as ours divided by the peer', () => {
    const table = markdownReport({ ...results([10, 10, 10], [20, 20, 20], [40, 40, 40]), targets: [] });
    assert.match(table, /\| answer → page settled \| 10 ms \(10 ms–10 ms\) \| 20 ms \(20 ms–20 ms\) \| 40 ms \(40 ms–40 ms\) \| 0\.50× \| 0\.25× \|/);
  });

  it('should replace only what lies between the result markers', () => {
    const document = 'method\n<!-- bench:results:start -->\nold\n<!-- bench:results:end -->\nafter';
    assert.equal(withLatestResults(document, 'new'), 'method\n<!-- bench:results:start -->\nnew\n<!-- bench:results:end -->\nafter');
    assert.throws(() => withLatestResults('no markers', 'new'), /markers/);
  });
});
