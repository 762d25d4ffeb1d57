/**
 * The designer benchmark: <sipas-designer> with the 300-question questionnaire in headless
 * Chromium. Times the open (creating the element to the first frame after its first render) and
 * four edits (select a question by clicking its card, change its title, move it one step, undo)
 * from the action to the next painted frame, at normal speed and with the CPU 4× slower.
 *
 * There is no peer designer to run beside it (SurveyJS Creator is commercial), so the figures are
 * absolute, against the issue's targets; the in-run reference is the same document opened in a
 * plain <sipas-form>. Every edit is checked (the document and the canvas changed, the undo
 * restored them) before its time counts.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, ElementHandle, HTTPRequest, Page } from 'puppeteer-core';
import { listQuestions, type Questionnaire } from '@sipas/schema';
import { largeQuestionnaire } from '../../packages/core/bench/large-questionnaire.js';
import { benchDir, repositoryDir } from './renderers.js';
import type { BenchResults } from './report.js';
import { median, summarize, type Summary } from './stats.js';

export type EditKind = 'select' | 'title' | 'move' | 'undo';
export type Speed = 'normal' | 'slow';
export type Opened = 'designer' | 'form';

export const EDITS: { id: EditKind; label: string }[] = [
  { id: 'select', label: 'select a question (click its card)' },
  { id: 'title', label: 'change its title (applyEdit)' },
  { id: 'move', label: 'move it one step (moveStep)' },
  { id: 'undo', label: 'undo the move' },
];

/** The issue's targets, at normal CPU speed. */
export const OPEN_TARGET_MS = 1000;
export const EDIT_TARGET_MS = 16;
/** Chromium's CPU slowdown for the second visit of each run (as the renderer comparison uses). */
export const SLOWDOWN = 4;
const QUESTIONNAIRE_NAME = 'large-300';
const QUESTIONNAIRE_LABEL = '300 câu, 10 trang, 100 điều kiện';

// ——— Checks: an edit's time counts only if the edit really happened ———

/** What the page reports about one question, before and after an edit (pages/designer-probe.js). */
export interface Snapshot {
  /** A fingerprint of the designer's whole document. */
  digest: string;
  /** The selected question's name (null when something else is selected). */
  selected: string | null;
  title: string | null;
  section: string | null;
  /** The question's place in its section (-1 when it is not in the document). */
  index: number;
  /** Its card on the canvas (null when the canvas shows none). */
  card: { selected: boolean; label: string; section: string; index: number } | null;
}

export interface EditCheck {
  kind: EditKind;
  name: string;
  before: Snapshot;
  after: Snapshot;
  /** The title a title edit set. */
  title?: string;
  /** For an undo: the state before the edit it undoes. */
  restores?: Snapshot;
}

/** Why an edit did not do what it should, or undefined when it did. */
export function editProblem({ kind, name, before, after, title, restores }: EditCheck): string | undefined {
  const card = after.card;
  if (!card) return `${name} has no card on the canvas after the ${kind}`;
  const cardAgrees = card.section === after.section && card.index === after.index;
  switch (kind) {
    case 'select':
      if (before.selected === name) return `${name} was selected before the click: the click measured nothing`;
      if (after.selected !== name || !card.selected) return `clicking ${name}'s card did not select it (selected: ${after.selected ?? 'no question'})`;
      return undefined;
    case 'title':
      if (title === undefined) return 'a title edit without the title it sets';
      if (after.digest === before.digest) return `the title edit left the document of ${name} unchanged`;
      if (after.title !== title) return `${name}'s title is ${JSON.stringify(after.title)}, expected ${JSON.stringify(title)}`;
      if (!card.label.includes(title)) return `${name}'s card still reads ${JSON.stringify(card.label)}`;
      return undefined;
    case 'move':
      if (after.digest === before.digest) return `moving ${name} left the document unchanged`;
      if (after.section === before.section && after.index !== before.index + 1) return `${name} went from place ${before.index} to ${after.index}, not one step down`;
      if (!cardAgrees) return `${name}'s card is at ${card.section}/${card.index}, the document says ${after.section}/${after.index}`;
      return undefined;
    case 'undo':
      if (!restores) return 'an undo without the state it should restore';
      if (after.digest === before.digest) return `the undo left the document unchanged`;
      if (after.digest !== restores.digest) return `the undo did not restore the document as it was before the move of ${name}`;
      if (!cardAgrees || card.index !== restores.index || card.section !== restores.section) return `after the undo ${name}'s card is at ${card.section}/${card.index}, expected ${restores.section}/${restores.index}`;
      return undefined;
  }
}

// ——— Pages ———

/** What pages/designer-probe.js puts on the page's window. */
interface DesignerProbe {
  ready(): Promise<void>;
  open(): Promise<number>;
  movableQuestions(): string[];
  snapshot(name: string): Snapshot;
  reveal(name: string): Element;
  settle(quietMs?: number): Promise<void>;
  arm(): void;
  click(): Promise<number>;
  edit(kind: Exclude<EditKind, 'select'>, name: string, title?: string): Promise<number>;
}
declare const __designerBench: DesignerProbe;

export interface DesignerServer {
  /** The page that opens the questionnaire in <sipas-designer> or, for reference, in <sipas-form>. */
  pageUrl(opened: Opened): string;
  /** The gzip-compressed size of each element's script. */
  shippedBytes: Record<Opened, number>;
  questionnaire: Questionnaire;
  close(): Promise<void>;
}

const BUNDLES: Record<Opened, { tag: string; dir: string; file: string; module: boolean }> = {
  designer: { tag: 'sipas-designer', dir: 'packages/designer/dist', file: 'sipas-designer.bundle.js', module: true },
  form: { tag: 'sipas-form', dir: 'packages/form/dist', file: 'sipas-form.bundle.js', module: false },
};

const pageHtml = (opened: Opened): string => {
  const bundle = BUNDLES[opened];
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${bundle.tag}</title>
<script src="/designer-probe.js"></script>
</head><body><main id="app"></main>
<script ${bundle.module ? 'type="module" ' : ''}src="/${opened}/${bundle.file}"></script>
</body></html>`;
};

/** Serves the two pages, the probe, each element's built files and the questionnaire on 127.0.0.1. */
export async function startDesignerServer(questionnaire: Questionnaire = largeQuestionnaire()): Promise<DesignerServer> {
  for (const bundle of Object.values(BUNDLES)) {
    const file = join(repositoryDir, bundle.dir, bundle.file);
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  const probe = readFileSync(join(benchDir, 'pages/designer-probe.js'));
  const json = JSON.stringify(questionnaire);
  const send = (response: ServerResponse, type: string, body: string | Buffer) =>
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const [, first, ...rest] = path.split('/');
    if (path === '/designer-probe.js') return send(response, 'text/javascript', probe);
    if (path === `/q/${QUESTIONNAIRE_NAME}.json`) return send(response, 'application/json', json);
    if (first === 'page' && (rest[0] === 'designer' || rest[0] === 'form')) return send(response, 'text/html; charset=utf-8', pageHtml(rest[0]));
    // An element's own files (its bundle, and anything the bundle loads beside it).
    if ((first === 'designer' || first === 'form') && rest.length === 1) {
      const dir = join(repositoryDir, BUNDLES[first].dir);
      const file = normalize(join(dir, rest[0]!));
      if (file.startsWith(dir + sep) && existsSync(file) && statSync(file).isFile()) return send(response, file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream', readFileSync(file));
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const first = questionnaire.pages[0]?.sections[0]?.questions[0]?.name;
  if (!first) throw new Error(`${questionnaire.id} has no question on its first page`);
  const gzipped = (opened: Opened) => gzipSync(readFileSync(join(repositoryDir, BUNDLES[opened].dir, BUNDLES[opened].file))).length;
  return {
    pageUrl: (opened) => `${origin}/page/${opened}?element=${BUNDLES[opened].tag}&q=${QUESTIONNAIRE_NAME}&first=${encodeURIComponent(first)}`,
    shippedBytes: { designer: gzipped('designer'), form: gzipped('form') },
    questionnaire,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// ——— Visits ———

const LOCAL = 'http://127.0.0.1:';

/** Opens a page in a fresh browser context, ready to open the questionnaire; fails on page errors or requests leaving the server. */
async function inFreshPage<T>(browser: Browser, url: string, cpuSlowdown: number, work: (page: Page, failIfErrors: (doing: string) => void) => Promise<T>): Promise<T> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String((error as Error).message ?? error)));
    page.on('request', (request: HTTPRequest) => {
      if (!request.url().startsWith(LOCAL) && !request.url().startsWith('data:')) errors.push(`requested ${request.url()} outside the benchmark server`);
    });
    const failIfErrors = (doing: string) => {
      if (errors.length) throw new Error(`${doing}: ${errors.join('; ')}`);
    };
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => __designerBench.ready());
    failIfErrors('loading');
    // Loading the page is not measured: the CPU slows down for the open and the edits only.
    if (cpuSlowdown > 1) await page.emulateCPUThrottling(cpuSlowdown);
    const result = await work(page, failIfErrors);
    failIfErrors('at the end');
    return result;
  } finally {
    await context.close();
  }
}

/** Opens the questionnaire in the plain runtime: the in-run reference for the designer's open time. */
export function visitForm(browser: Browser, server: DesignerServer, cpuSlowdown: number): Promise<number> {
  return inFreshPage(browser, server.pageUrl('form'), cpuSlowdown, (page) => page.evaluate(() => __designerBench.open()));
}

export interface DesignerVisit {
  openMs: number;
  /** Each repetition's time from the action to the next painted frame, per edit kind. */
  edits: Record<EditKind, number[]>;
}

/**
 * Opens the questionnaire in the designer, then repeats on the first page's questions in turn:
 * click a card, change that question's title, move it one step down, undo the move. Each edit's
 * effect is checked after its time is taken; a failed check fails the visit.
 */
export function visitDesigner(browser: Browser, server: DesignerServer, options: { cpuSlowdown: number; repetitions: number }): Promise<DesignerVisit> {
  return inFreshPage(browser, server.pageUrl('designer'), options.cpuSlowdown, async (page, failIfErrors) => {
    const openMs = await page.evaluate(() => __designerBench.open());
    failIfErrors('opening');
    const settle = () => page.evaluate(() => __designerBench.settle());
    const snapshot = (name: string) => page.evaluate((n) => __designerBench.snapshot(n), name);
    const check = (edit: EditCheck) => {
      failIfErrors(`the ${edit.kind} of ${edit.name}`);
      const problem = editProblem(edit);
      if (problem) throw new Error(problem);
    };
    await settle();
    const questions = await page.evaluate(() => __designerBench.movableQuestions());
    if (questions.length < 2) throw new Error(`the first page has ${questions.length} questions that can move one step; the benchmark needs two or more`);

    const edits: Record<EditKind, number[]> = { select: [], title: [], move: [], undo: [] };
    for (let repetition = 0; repetition < options.repetitions; repetition++) {
      const name = questions[repetition % questions.length]!;
      const initial = await snapshot(name);

      // A real click on the card, the pointer already resting on it (hover is not the selection's work).
      const card = (await page.evaluateHandle((n) => __designerBench.reveal(n), name)) as ElementHandle<Element>;
      await card.hover();
      await settle();
      await page.evaluate(() => __designerBench.arm());
      await card.click();
      edits.select.push(await page.evaluate(() => __designerBench.click()));
      await card.dispose();
      await settle();
      const selected = await snapshot(name);
      check({ kind: 'select', name, before: initial, after: selected });

      const title = `Câu hỏi đã sửa lần ${repetition + 1}`;
      edits.title.push(await page.evaluate((n, t) => __designerBench.edit('title', n, t), name, title));
      await settle();
      const retitled = await snapshot(name);
      check({ kind: 'title', name, before: selected, after: retitled, title });

      edits.move.push(await page.evaluate((n) => __designerBench.edit('move', n), name));
      await settle();
      const moved = await snapshot(name);
      check({ kind: 'move', name, before: retitled, after: moved });

      edits.undo.push(await page.evaluate((n) => __designerBench.edit('undo', n), name));
      await settle();
      check({ kind: 'undo', name, before: moved, after: await snapshot(name), restores: retitled });
    }
    return { openMs, edits };
  });
}

// ——— Runs ———

/** The value below which 90 % of the values lie (nearest rank). */
export function percentile90(values: readonly number[]): number {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.9 * sorted.length) - 1]!;
}

export interface EditSummary {
  /** Each run's median, summarized over the runs. */
  median: Summary;
  /** Each run's 90th percentile, summarized over the runs. */
  p90: Summary;
}

export interface DesignerMeasures {
  runs: number;
  /** Whether an unrecorded run came first. */
  warmUp: boolean;
  /** Repetitions of each edit per visit. */
  repetitions: number;
  cpuSlowdown: number;
  questionnaire: { name: string; label: string; questions: number; pages: number };
  /** The gzip-compressed script of each element (sipas-designer.bundle.js, sipas-form.bundle.js). */
  shippedBytes: Record<Opened, number>;
  open: Record<Opened, Record<Speed, Summary>>;
  edits: Record<EditKind, Record<Speed, EditSummary>>;
}

export interface DesignerTarget {
  what: string;
  value: number;
  goal: number;
  outcome: 'met' | 'missed';
}

export type RunInfo = Pick<BenchResults, 'date' | 'commit' | 'machine'>;

/** The designer section of bench/results/latest.json. */
export type DesignerResults = RunInfo & DesignerMeasures & { targets: DesignerTarget[] };

export interface DesignerBenchOptions {
  runs: number;
  /** One unrecorded run first (the full benchmark always has one; --quick has none). */
  warmUp: boolean;
  repetitions?: number;
  log?: (line: string) => void;
}

/** Runs the designer benchmark: per run, both elements at both speeds, each visit in a fresh context. */
export async function measureDesigner(browser: Browser, options: DesignerBenchOptions): Promise<DesignerMeasures> {
  const repetitions = options.repetitions ?? 20;
  const log = options.log ?? (() => undefined);
  const server = await startDesignerServer();
  const open: Record<Opened, Record<Speed, number[]>> = { designer: { normal: [], slow: [] }, form: { normal: [], slow: [] } };
  const perRun = byEdit(() => bySpeed(() => ({ median: [] as number[], p90: [] as number[] })));
  try {
    for (let run = options.warmUp ? 0 : 1; run <= options.runs; run++) {
      const warmUp = run === 0;
      log(warmUp ? 'designer: warm-up…' : `designer: run ${run} of ${options.runs}…`);
      for (const speed of ['normal', 'slow'] as const) {
        const cpuSlowdown = speed === 'slow' ? SLOWDOWN : 1;
        const where = `${warmUp ? 'warm-up' : `run ${run}`}${speed === 'slow' ? `, CPU ${SLOWDOWN}× slower` : ''}`;
        // The two elements take turns, starting with a different one each run.
        const order: Opened[] = run % 2 ? ['designer', 'form'] : ['form', 'designer'];
        for (const opened of order) {
          if (opened === 'form') {
            const ms = await visitForm(browser, server, cpuSlowdown).catch(rethrowIn(`<sipas-form>, ${where}`));
            if (!warmUp) open.form[speed].push(ms);
            continue;
          }
          const visit = await visitDesigner(browser, server, { cpuSlowdown, repetitions }).catch(rethrowIn(`<sipas-designer>, ${where}`));
          if (warmUp) continue;
          open.designer[speed].push(visit.openMs);
          for (const { id } of EDITS) {
            perRun[id][speed].median.push(median(visit.edits[id]));
            perRun[id][speed].p90.push(percentile90(visit.edits[id]));
          }
        }
      }
    }
    return {
      runs: options.runs,
      warmUp: options.warmUp,
      repetitions,
      cpuSlowdown: SLOWDOWN,
      questionnaire: { name: QUESTIONNAIRE_NAME, label: QUESTIONNAIRE_LABEL, questions: listQuestions(server.questionnaire).length, pages: server.questionnaire.pages.length },
      shippedBytes: server.shippedBytes,
      open: { designer: bySpeed((s) => summarize(open.designer[s])), form: bySpeed((s) => summarize(open.form[s])) },
      edits: byEdit((id) => bySpeed((s) => ({ median: summarize(perRun[id][s].median), p90: summarize(perRun[id][s].p90) }))),
    };
  } finally {
    await server.close();
  }
}

const bySpeed = <T>(make: (speed: Speed) => T): Record<Speed, T> => ({ normal: make('normal'), slow: make('slow') });
const byEdit = <T>(make: (edit: EditKind) => T): Record<EditKind, T> => ({ select: make('select'), title: make('title'), move: make('move'), undo: make('undo') });

const rethrowIn = (where: string) => (error: Error): never => {
  throw new Error(`${where}: ${error.message}`, { cause: error });
};

/** The issue's targets, judged on the medians at normal CPU speed: open under 1 s, each edit within one frame. */
export function evaluateDesignerTargets(measures: DesignerMeasures): DesignerTarget[] {
  const target = (what: string, value: number, goal: number, strictlyBelow: boolean): DesignerTarget => ({
    what,
    value,
    goal,
    outcome: (strictlyBelow ? value < goal : value <= goal) ? 'met' : 'missed',
  });
  return [
    target(`open < ${OPEN_TARGET_MS} ms`, measures.open.designer.normal.median, OPEN_TARGET_MS, true),
    ...EDITS.map(({ id, label }) => target(`${label} → next frame ≤ ${EDIT_TARGET_MS} ms (median)`, measures.edits[id].normal.median.median, EDIT_TARGET_MS, false)),
  ];
}

// ——— Report ———

const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
const cell = (summary: Summary) => `${ms(summary.median)} (${ms(summary.min)}–${ms(summary.max)})`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export function designerReport(results: DesignerResults): string {
  const m = results.machine;
  const q = results.questionnaire;
  const outcome = (index: number) => results.targets[index]!.outcome;
  const lines = [
    `Run of ${results.date} (commit ${results.commit}) on ${m.cpu} (${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}), Node ${m.node}, Chromium ${m.chromium}; ${results.runs} run${results.runs === 1 ? '' : 's'}${results.warmUp ? ' after a warm-up' : ' (no warm-up)'}, each visit in a fresh browser context, ${results.repetitions} repetitions of every edit per visit. The machine is shared, so the times are noisy.`,
    '',
    `**${q.label}** (${q.questions} questions, ${q.pages} pages) in \`<sipas-designer>\`. No peer designer can run here (SurveyJS Creator is commercial): the figures are absolute, against the issue's targets at normal CPU speed. The in-run reference is the same document opened in a plain \`<sipas-form>\` (the runtime). Cells: median of the runs (lowest–highest run); an edit's run value is the median, or the 90th percentile, of its ${results.repetitions} repetitions.`,
    '',
    `| measure | median | p90 | CPU ${results.cpuSlowdown}× slower: median | CPU ${results.cpuSlowdown}× slower: p90 | target | |`,
    '|---|---:|---:|---:|---:|---|---|',
    `| open: element created → first frame painted | ${cell(results.open.designer.normal)} | | ${cell(results.open.designer.slow)} | | < ${OPEN_TARGET_MS / 1000} s | ${outcome(0)} |`,
    `| reference: the same document in \`<sipas-form>\` | ${cell(results.open.form.normal)} | | ${cell(results.open.form.slow)} | | | |`,
    ...EDITS.map(({ id, label }, i) => {
      const edit = results.edits[id];
      return `| ${label} → next frame | ${cell(edit.normal.median)} | ${cell(edit.normal.p90)} | ${cell(edit.slow.median)} | ${cell(edit.slow.p90)} | ≤ ${EDIT_TARGET_MS} ms | ${outcome(i + 1)} |`;
    }),
    '',
    `Scripts (min+gzip): \`sipas-designer.bundle.js\` ${kib(results.shippedBytes.designer)}, \`sipas-form.bundle.js\` ${kib(results.shippedBytes.form)}.`,
    '',
    `Targets (normal CPU speed): ${results.targets.filter((t) => t.outcome === 'met').length} of ${results.targets.length} met.`,
    ...results.targets.filter((t) => t.outcome === 'missed').map((t) => `- missed: ${t.what} (${t.value.toFixed(1)} against ${t.goal})`),
  ];
  return lines.join('\n');
}

const START = '<!-- bench:designer:start -->';
const END = '<!-- bench:designer:end -->';

/** Replaces the designer results between their markers in docs/performance.md. */
export function withDesignerResults(document: string, report: string): string {
  const start = document.indexOf(START);
  const end = document.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/performance.md lacks the ${START} … ${END} markers`);
  return `${document.slice(0, start + START.length)}\n${report}\n${document.slice(end)}`;
}
