/**
 * Turns the measurements into the comparison: ratios of <sipas-form> to each peer measured in
 * the same run, the issue's targets marked met or missed, a Markdown table, and the JSON record.
 */
import type { RendererId } from './renderers.js';
import type { Summary } from './stats.js';

export type MeasureId = 'firstRender' | 'firstRenderSlow' | 'firstRenderSlowOwn' | 'answerNextPaint' | 'answerSettled' | 'pageSwitch' | 'heap';

export const MEASURES: { id: MeasureId; label: string; unit: 'ms' | 'bytes' }[] = [
  { id: 'firstRender', label: 'first render', unit: 'ms' },
  { id: 'firstRenderSlow', label: 'first render, CPU 4× slower', unit: 'ms' },
  // Each run's throttled first render minus the static page's in the same run: the renderer's own work.
  { id: 'firstRenderSlowOwn', label: "… of which the renderer's own (above the static page)", unit: 'ms' },
  { id: 'answerNextPaint', label: 'answer → next paint', unit: 'ms' },
  { id: 'answerSettled', label: 'answer → page settled', unit: 'ms' },
  { id: 'pageSwitch', label: 'page switch → settled', unit: 'ms' },
  { id: 'heap', label: 'JS heap after render', unit: 'bytes' },
];

export interface RendererInfo {
  id: RendererId;
  label: string;
  version: string;
  shippedBytes: number;
}

export interface BenchResults {
  date: string;
  /** The commit measured (`git rev-parse HEAD`), with "+changes" when the tree was not clean. */
  commit: string;
  machine: { cpu: string; cores: number; memoryGiB: number; os: string; node: string; chromium: string };
  runs: number;
  /** First render of a page with no renderer (static HTML): the part of every first render that is the browser's. */
  floor: { firstRender: Summary; firstRenderSlow: Summary };
  renderers: RendererInfo[];
  questionnaires: { name: string; label: string; questions: number; pages: number }[];
  /** measures[questionnaire][renderer][measure]; a measure is missing where the scenario has none. */
  measures: Record<string, Partial<Record<RendererId, Partial<Record<MeasureId, Summary>>>>>;
  targets: Target[];
}

export interface Target {
  what: string;
  sipas: number;
  goal: number;
  /** 'tie': not ahead, but the runs' ranges overlap, so the difference is within the noise. */
  outcome: 'met' | 'missed' | 'tie';
}

const SIPAS: RendererId = 'sipas';

/** The issue's goals: bytes ≤ 0.15× and a throttled first render ≤ 0.3× the best peer; ahead on everything else. */
export function evaluateTargets(results: Omit<BenchResults, 'targets'>): Target[] {
  const peers = results.renderers.filter((r) => r.id !== SIPAS);
  const own = results.renderers.find((r) => r.id === SIPAS)!;
  const targets: Target[] = [];
  const smallest = Math.min(...peers.map((p) => p.shippedBytes));
  targets.push({ what: 'bytes shipped ≤ 0.15 × the smallest peer', sipas: own.shippedBytes, goal: 0.15 * smallest, outcome: own.shippedBytes <= 0.15 * smallest ? 'met' : 'missed' });
  for (const q of results.questionnaires) {
    const byRenderer = results.measures[q.name]!;
    for (const measure of MEASURES) {
      if (measure.id === 'firstRenderSlowOwn') continue; // explains the throttled first render; no goal of its own
      const mine = byRenderer[SIPAS]?.[measure.id];
      const best = peers
        .map((p) => byRenderer[p.id]?.[measure.id])
        .filter((summary): summary is Summary => summary !== undefined)
        .sort((a, b) => a.median - b.median)[0];
      if (!mine || !best) continue;
      const factor = measure.id === 'firstRenderSlow' ? 0.3 : 1;
      const goal = factor * best.median;
      const met = factor === 1 ? mine.median < goal : mine.median <= goal;
      const overlapping = factor === 1 && mine.min <= best.max && best.min <= mine.max;
      targets.push({
        what: `${q.name}: ${measure.label} ${factor === 1 ? '< the best peer' : `≤ ${factor} × the best peer`}`,
        sipas: mine.median,
        goal,
        outcome: met ? 'met' : overlapping ? 'tie' : 'missed',
      });
    }
  }
  return targets;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const format = (value: number, unit: 'ms' | 'bytes') => (unit === 'ms' ? `${value < 10 ? value.toFixed(1) : Math.round(value)} ms` : kib(value));
const ratio = (mine: number, theirs: number) => `${(mine / theirs).toFixed(2)}×`;

export function markdownReport(results: BenchResults): string {
  const peers = results.renderers.filter((r) => r.id !== SIPAS);
  const own = results.renderers.find((r) => r.id === SIPAS)!;
  const head = (first: string) =>
    `| ${first} | ${results.renderers.map((r) => `${r.label} ${r.version}`).join(' | ')} | ${peers.map((p) => `÷ ${p.label}`).join(' | ')} |\n` +
    `|---|${results.renderers.map(() => '---:').join('|')}|${peers.map(() => '---:').join('|')}|`;
  const lines: string[] = [];
  const m = results.machine;
  lines.push(`Run of ${results.date} (commit ${results.commit}) on ${m.cpu} (${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}), Node ${m.node}, Chromium ${m.chromium}; ${results.runs} runs after a warm-up, each in a fresh browser context. Cells: median (lowest–highest run). Ratios: <sipas-form> ÷ the peer (below 1 is better).`);
  lines.push('');
  lines.push(
    `A page with no renderer, showing one question as static HTML, paints it after ${format(results.floor.firstRender.median, 'ms')} (${format(results.floor.firstRenderSlow.median, 'ms')} with the CPU 4× slower): the browser's share of every first render below.`,
  );
  lines.push('');
  lines.push(head('bytes shipped (JS + CSS, min+gzip)'));
  lines.push(`| all questionnaires | ${results.renderers.map((r) => kib(r.shippedBytes)).join(' | ')} | ${peers.map((p) => ratio(own.shippedBytes, p.shippedBytes)).join(' | ')} |`);
  for (const q of results.questionnaires) {
    lines.push('');
    lines.push(`**${q.label}** (${q.questions} questions, ${q.pages} pages)`);
    lines.push('');
    lines.push(head('measure'));
    const byRenderer = results.measures[q.name]!;
    for (const measure of MEASURES) {
      const cells = results.renderers.map((r) => byRenderer[r.id]?.[measure.id]);
      if (cells.some((c) => c === undefined)) continue;
      const mine = byRenderer[SIPAS]![measure.id]!.median;
      lines.push(
        `| ${measure.label} | ${cells.map((c) => `${format(c!.median, measure.unit)} (${format(c!.min, measure.unit)}–${format(c!.max, measure.unit)})`).join(' | ')} | ${peers.map((p) => ratio(mine, byRenderer[p.id]![measure.id]!.median)).join(' | ')} |`,
      );
    }
  }
  lines.push('');
  const count = (outcome: Target['outcome']) => results.targets.filter((t) => t.outcome === outcome).length;
  lines.push(`Targets: ${count('met')} of ${results.targets.length} met, ${count('tie')} tied (within the runs' range), ${count('missed')} missed.`);
  for (const t of results.targets.filter((target) => target.outcome !== 'met')) lines.push(`- ${t.outcome}: ${t.what} (${t.sipas.toFixed(1)} against ${t.goal.toFixed(1)})`);
  return lines.join('\n');
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/** Replaces the results between the markers of docs/performance.md, leaving the method text alone. */
export function withLatestResults(document: string, report: string): string {
  const start = document.indexOf(START);
  const end = document.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/performance.md lacks the ${START} … ${END} markers`);
  return `${document.slice(0, start + START.length)}\n${report}\n${document.slice(end)}`;
}
