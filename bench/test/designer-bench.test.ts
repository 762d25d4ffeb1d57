/**
 * The designer benchmark must time real edits: its scenario runs end to end in Chromium (open,
 * click a card, change a title, move, undo), and its checks refuse an edit that changed nothing or
 * an undo that did not restore the document. No timing is asserted: times belong to `npm run bench`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { launchChromium } from '../src/browser.js';
import {
  EDITS,
  designerReport,
  editProblem,
  evaluateDesignerTargets,
  percentile90,
  startDesignerServer,
  visitDesigner,
  visitForm,
  withDesignerResults,
  type DesignerMeasures,
  type DesignerServer,
  type Snapshot,
} from '../src/designer-bench.js';

const card = (section: string, index: number, label = 'q3 · Câu 3', selected = false) => ({ selected, label, section, index });
const state = (over: Partial<Snapshot> = {}): Snapshot => ({ digest: 'a', selected: null, title: 'Câu 3', section: 'section1', index: 2, card: card('section1', 2), ...over });

describe('the designer benchmark checks', () => {
  it('should accept a click that selected the card', () => {
    const after = state({ selected: 'q3', card: card('section1', 2, 'q3', true) });
    assert.equal(editProblem({ kind: 'select', name: 'q3', before: state(), after }), undefined);
  });

  it('should refuse a click on a card already selected, or one that selected nothing', () => {
    const selected = state({ selected: 'q3', card: card('section1', 2, 'q3', true) });
    assert.match(editProblem({ kind: 'select', name: 'q3', before: selected, after: selected })!, /was selected before the click/);
    assert.match(editProblem({ kind: 'select', name: 'q3', before: state(), after: state() })!, /did not select it/);
  });

  it('should accept a title edit seen in the document and on the card, and refuse one that changed nothing', () => {
    const after = state({ digest: 'b', title: 'Mới', card: card('section1', 2, 'q3 · Mới') });
    assert.equal(editProblem({ kind: 'title', name: 'q3', before: state(), after, title: 'Mới' }), undefined);
    assert.match(editProblem({ kind: 'title', name: 'q3', before: state(), after: state(), title: 'Mới' })!, /unchanged/);
    assert.match(editProblem({ kind: 'title', name: 'q3', before: state(), after: { ...after, card: card('section1', 2) }, title: 'Mới' })!, /card still reads/);
  });

  it('should accept a move one step down and refuse a move that went elsewhere or left the card behind', () => {
    const moved = state({ digest: 'b', index: 3, card: card('section1', 3) });
    assert.equal(editProblem({ kind: 'move', name: 'q3', before: state(), after: moved }), undefined);
    assert.match(editProblem({ kind: 'move', name: 'q3', before: state(), after: state() })!, /unchanged/);
    assert.match(editProblem({ kind: 'move', name: 'q3', before: state(), after: { ...moved, index: 5, card: card('section1', 5) } })!, /not one step down/);
    assert.match(editProblem({ kind: 'move', name: 'q3', before: state(), after: { ...moved, card: card('section1', 2) } })!, /card is at/);
  });

  it('should accept an undo that restored the document and refuse one that did not', () => {
    const moved = state({ digest: 'b', index: 3, card: card('section1', 3) });
    assert.equal(editProblem({ kind: 'undo', name: 'q3', before: moved, after: state(), restores: state() }), undefined);
    assert.match(editProblem({ kind: 'undo', name: 'q3', before: moved, after: moved, restores: state() })!, /unchanged/);
    assert.match(editProblem({ kind: 'undo', name: 'q3', before: moved, after: state({ digest: 'c' }), restores: state() })!, /did not restore/);
    assert.match(editProblem({ kind: 'undo', name: 'q3', before: moved, after: state({ card: null }), restores: state() })!, /no card/);
  });

  it('should take the 90th percentile by nearest rank, and refuse no values', () => {
    assert.equal(percentile90([5, 1, 4, 2, 3, 6, 7, 8, 9, 10]), 9);
    assert.equal(percentile90([3]), 3);
    assert.throws(() => percentile90([]), /no values/);
  });
});

describe('the designer benchmark report', () => {
  const summary = (median: number) => ({ median, min: median - 1, max: median + 1, runs: 5 });
  const speeds = (median: number) => ({ normal: summary(median), slow: summary(median * 4) });
  const measures: DesignerMeasures = {
    runs: 5,
    warmUp: true,
    repetitions: 20,
    cpuSlowdown: 4,
    questionnaire: { name: 'large-300', label: '300 câu', questions: 300, pages: 10 },
    shippedBytes: { designer: 90_000, form: 39_000 },
    open: { designer: speeds(400), form: speeds(150) },
    edits: Object.fromEntries(EDITS.map(({ id }) => [id, { normal: { median: summary(id === 'move' ? 30 : 12), p90: summary(40) }, slow: { median: summary(50), p90: summary(80) } }])) as DesignerMeasures['edits'],
  };
  const machine = { cpu: 'CPU', cores: 2, memoryGiB: 8, os: 'linux', node: 'v20', chromium: '1' };

  it('should judge the targets on the normal-speed medians', () => {
    const targets = evaluateDesignerTargets(measures);
    assert.deepEqual(targets.map((t) => t.outcome), ['met', 'met', 'met', 'missed', 'met']);
    assert.match(targets[3]!.what, /move/);
  });

  it('should write the table between its own markers and leave the rest of the page alone', () => {
    const report = designerReport({ date: '2026-01-01', commit: 'abc', machine, ...measures, targets: evaluateDesignerTargets(measures) });
    assert.match(report, /<sipas-form>/);
    assert.match(report, /missed: move it one step/);
    const page = 'intro\n<!-- bench:results:start -->\nold\n<!-- bench:results:end -->\n<!-- bench:designer:start -->\nold\n<!-- bench:designer:end -->\nend';
    const written = withDesignerResults(page, report);
    assert.ok(written.startsWith('intro\n<!-- bench:results:start -->\nold\n<!-- bench:results:end -->'));
    assert.ok(written.endsWith('<!-- bench:designer:end -->\nend'));
    assert.ok(written.includes(report));
    assert.throws(() => withDesignerResults('no markers', report), /lacks/);
  });
});

describe('the designer benchmark scenario in Chromium', () => {
  let browser: Browser;
  let server: DesignerServer;
  before(async () => {
    server = await startDesignerServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('should open the 300-question document in the designer and play every edit, each checked', async () => {
    const visit = await visitDesigner(browser, server, { cpuSlowdown: 1, repetitions: 2 });
    assert.ok(visit.openMs > 0 && visit.openMs < 60_000, `open took ${visit.openMs} ms`);
    for (const { id } of EDITS) {
      assert.equal(visit.edits[id].length, 2, id);
      for (const ms of visit.edits[id]) assert.ok(ms > 0 && ms < 30_000, `${id}: ${ms} ms`);
    }
  });

  it('should open the same document in <sipas-form> as the reference', async () => {
    const ms = await visitForm(browser, server, 1);
    assert.ok(ms > 0 && ms < 60_000, `open took ${ms} ms`);
  });

  it('should ship the designer script and the runtime script', () => {
    assert.ok(server.shippedBytes.designer > server.shippedBytes.form, 'the designer bundle holds the runtime and more');
  });
});
