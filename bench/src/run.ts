/**
 * `npm run bench` (this workspace): <sipas-form>, SurveyJS and Form.io side by side in headless
 * Chromium on the same questionnaires. Prints the comparison table, writes bench/results/latest.json
 * and the results section of docs/performance.md.
 *
 * Then the designer benchmark (src/designer-bench.ts): <sipas-designer> opening and editing the
 * 300-question questionnaire, against the issue's targets, with <sipas-form> opening it as reference.
 *
 * Options: --runs N (default 5), --quick (one run, nothing written), --only <questionnaire>,
 * --designer or --only designer (the designer benchmark alone; writes only its own section),
 * --report (no measuring: rewrite the tables in docs/performance.md from bench/results/latest.json).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { listQuestions } from '@sipas/schema';
import type { Browser } from 'puppeteer-core';
import { launchChromium } from './browser.js';
import { designerReport, evaluateDesignerTargets, measureDesigner, withDesignerResults, type DesignerResults, type RunInfo } from './designer-bench.js';
import { visit } from './measure.js';
import { benchQuestionnaires } from './questionnaires.js';
import { benchDir, floorPage, renderers as allRenderers, repositoryDir, type RendererId } from './renderers.js';
import { evaluateTargets, markdownReport, withLatestResults, type BenchResults, type MeasureId } from './report.js';
import { scenarioFor } from './scenario.js';
import { startBenchServer } from './server.js';
import { median, summarize } from './stats.js';

/** Adds which visit failed to its error. */
const rethrowIn = (where: string) => (error: Error): never => {
  throw new Error(`${where}: ${error.message}`, { cause: error });
};

function currentCommit(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repositoryDir, encoding: 'utf8' }).trim();
  try {
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? '+changes' : ''}`;
  } catch {
    return 'unknown';
  }
}

async function runInfo(browser: Browser): Promise<RunInfo> {
  return {
    date: new Date().toISOString().slice(0, 10),
    commit: currentCommit(),
    machine: {
      cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      os: `${platform()} ${release()}`,
      node: process.version,
      chromium: (await browser.version()).replace(/^(Headless)?Chrome\//, ''), // it reports itself as "HeadlessChrome/…" or "Chrome/…"
    },
  };
}

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    designer: { type: 'boolean', default: false },
    report: { type: 'boolean', default: false },
  },
});
/** bench/results/latest.json: the renderer comparison and the designer's section. */
type LatestResults = BenchResults & { designer?: DesignerResults };
const resultsPath = join(benchDir, 'results/latest.json');
const docPath = join(repositoryDir, 'docs/performance.md');
const printReport = (results: BenchResults) => {
  const report = markdownReport(results);
  console.log(report);
  return report;
};
const printDesignerReport = (results: DesignerResults) => {
  const report = designerReport(results);
  console.log(`\nDesigner\n\n${report}`);
  return report;
};
if (options.report) {
  const latest = JSON.parse(readFileSync(resultsPath, 'utf8')) as Partial<LatestResults>;
  let document = readFileSync(docPath, 'utf8');
  if (latest.renderers) document = withLatestResults(document, printReport(latest as BenchResults));
  if (latest.designer) document = withDesignerResults(document, printDesignerReport(latest.designer));
  writeFileSync(docPath, document);
  process.exit(0);
}
const runs = options.quick ? 1 : Number(options.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1, not ${options.runs}`);

async function designerResults(browser: Browser): Promise<DesignerResults> {
  const measures = await measureDesigner(browser, { runs, warmUp: !options.quick, log: (line) => console.error(line) });
  return { ...(await runInfo(browser)), ...measures, targets: evaluateDesignerTargets(measures) };
}

if (options.designer || options.only === 'designer') {
  const browser = await launchChromium();
  try {
    const designer = await designerResults(browser);
    const report = printDesignerReport(designer);
    if (!options.quick) {
      // The renderer comparison in the file stays as its last full run left it.
      const latest = existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as Partial<LatestResults>) : {};
      mkdirSync(join(benchDir, 'results'), { recursive: true });
      writeFileSync(resultsPath, `${JSON.stringify({ ...latest, designer }, null, 2)}\n`);
      writeFileSync(docPath, withDesignerResults(readFileSync(docPath, 'utf8'), report));
      console.error('written: the designer section of bench/results/latest.json and docs/performance.md');
    }
  } finally {
    await browser.close();
  }
  process.exit(0);
}

const questionnaires = benchQuestionnaires().filter((q) => !options.only || q.name === options.only);
if (questionnaires.length === 0) throw new Error(`--only ${options.only}: no such questionnaire`);
const renderers = allRenderers();
const server = await startBenchServer(renderers, questionnaires);
const browser = await launchChromium();

type Samples = Record<MeasureId, number[]>;
const samples = new Map<string, Samples>();
const shipped = new Map<RendererId, number>();
const floor = { firstRender: [] as number[], firstRenderSlow: [] as number[] };
const nothingShown = { page: '', questions: [], visible: [] };
const noScenario = { first: 'first', opening: nothingShown, steps: [], closing: nothingShown };
const samplesOf = (q: string, r: RendererId): Samples => {
  const key = `${q}/${r}`;
  if (!samples.has(key)) samples.set(key, { firstRender: [], firstRenderSlow: [], firstRenderSlowOwn: [], answerNextPaint: [], answerSettled: [], pageSwitch: [], heap: [] });
  return samples.get(key)!;
};

try {
  for (let run = options.quick ? 1 : 0; run <= runs; run++) {
    const warmUp = run === 0;
    console.error(warmUp ? 'warm-up…' : `run ${run} of ${runs}…`);
    const floorUrl = server.pageUrl(floorPage, 'none', 'first');
    const floorFast = await visit(browser, floorUrl, noScenario, { cpuSlowdown: 1, interact: false });
    const floorSlow = await visit(browser, floorUrl, noScenario, { cpuSlowdown: 4, interact: false });
    if (!warmUp) {
      floor.firstRender.push(floorFast.firstRenderMs);
      floor.firstRenderSlow.push(floorSlow.firstRenderMs);
    }
    // Renderers take turns within a run, starting with a different one each run, so a slow spell
    // of the machine or a cold start hits all of them alike.
    const order = renderers.map((_, i) => renderers[(i + run) % renderers.length]!);
    for (const q of questionnaires) {
      const scenario = scenarioFor(q.questionnaire, q.pagesToWalk);
      for (const renderer of order) {
        const url = server.pageUrl(renderer, q.name, scenario.first);
        const where = `${renderer.label} on ${q.name}, ${warmUp ? 'warm-up' : `run ${run}`}`;
        const measured = await visit(browser, url, scenario, { cpuSlowdown: 1, interact: true }).catch(rethrowIn(where));
        const slow = await visit(browser, url, scenario, { cpuSlowdown: 4, interact: false }).catch(rethrowIn(`${where}, CPU 4× slower`));
        const bytes = shipped.get(renderer.id) ?? measured.shippedBytes;
        if (measured.shippedBytes !== bytes || slow.shippedBytes !== bytes) throw new Error(`${where}: ${renderer.label} shipped ${measured.shippedBytes} and ${slow.shippedBytes} bytes, earlier ${bytes}`);
        shipped.set(renderer.id, bytes);
        if (warmUp) continue;
        const into = samplesOf(q.name, renderer.id);
        into.firstRender.push(measured.firstRenderMs);
        into.firstRenderSlow.push(slow.firstRenderMs);
        into.firstRenderSlowOwn.push(slow.firstRenderMs - floorSlow.firstRenderMs);
        into.heap.push(measured.heapBytes);
        // One value per run for the per-answer measures: that run's median answer.
        if (measured.answerNextPaintMs.length) into.answerNextPaint.push(median(measured.answerNextPaintMs));
        if (measured.answerSettledMs.length) into.answerSettled.push(median(measured.answerSettledMs));
        if (measured.pageSwitchMs.length) into.pageSwitch.push(median(measured.pageSwitchMs));
      }
    }
  }

  const partial: Omit<BenchResults, 'targets'> = {
    ...(await runInfo(browser)),
    runs,
    floor: { firstRender: summarize(floor.firstRender), firstRenderSlow: summarize(floor.firstRenderSlow) },
    renderers: renderers.map((r) => ({ id: r.id, label: r.label, version: r.version, shippedBytes: shipped.get(r.id)! })),
    questionnaires: questionnaires.map((q) => ({ name: q.name, label: q.label, questions: listQuestions(q.questionnaire).length, pages: q.questionnaire.pages.length })),
    measures: Object.fromEntries(
      questionnaires.map((q) => [
        q.name,
        Object.fromEntries(
          renderers.map((r) => [r.id, Object.fromEntries(Object.entries(samplesOf(q.name, r.id)).filter(([, v]) => v.length > 0).map(([k, v]) => [k, summarize(v)]))]),
        ),
      ]),
    ),
  };
  // A run limited to one questionnaire leaves the designer out.
  const designer = options.only ? undefined : await designerResults(browser);
  const results: LatestResults = { ...partial, targets: evaluateTargets(partial), ...(designer ? { designer } : {}) };
  const report = printReport(results);
  const designerSection = designer ? printDesignerReport(designer) : undefined;
  if (!options.quick && !options.only) {
    mkdirSync(join(benchDir, 'results'), { recursive: true });
    writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
    let document = withLatestResults(readFileSync(docPath, 'utf8'), report);
    if (designerSection) document = withDesignerResults(document, designerSection);
    writeFileSync(docPath, document);
    console.error('written: bench/results/latest.json and docs/performance.md');
  }
} finally {
  await browser.close();
  await server.close();
}
