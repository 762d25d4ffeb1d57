/**
 * Drives a <sipas-report> in tests the way a staff member reads and filters it, so tests say what
 * the dashboard shows rather than how its shadow DOM is built (Material's harness idea). Reports
 * are real: simulated respondents (@sipas/core) through the index engine (@sipas/index).
 */
import { fixture, html } from '@open-wc/testing';
import { seededRandom, simulateResponses } from '@sipas/core';
import { computeIndex, type Dimension, type IndexReport } from '@sipas/index';
import type { Questionnaire, Response as SurveyResponse } from '@sipas/schema';
import { Chart } from 'chart.js';
import '../../src/index.js';
import type { CollectionProgress, ReportFilters, ReportInput, SipasReport } from '../../src/index.js';

const responseCache = new Map<string, SurveyResponse[]>();

/** Simulated respondents of a questionnaire, the same for the same seed (cached: the engine is not what is tested). */
export function simulated(questionnaire: Questionnaire, count: number, seed = 1): SurveyResponse[] {
  const key = `${questionnaire.id}:${count}:${seed}`;
  let responses = responseCache.get(key);
  if (!responses) {
    responses = [...simulateResponses(questionnaire, count, { random: seededRandom(seed), from: '2024-01-01', to: '2024-06-30' })];
    responseCache.set(key, responses);
  }
  return responses;
}

export function makeReport(questionnaire: Questionnaire, by: Dimension[], options: { count?: number; seed?: number; responses?: SurveyResponse[] } = {}): IndexReport {
  return computeIndex(questionnaire, options.responses ?? simulated(questionnaire, options.count ?? 200, options.seed), { by });
}

export interface RenderOptions {
  report?: ReportInput;
  trend?: IndexReport;
  progress?: CollectionProgress;
  questionnaire?: Questionnaire;
  filters?: ReportFilters;
  lang?: string;
  server?: string;
  questionnaireId?: string;
}

export async function renderReport(options: RenderOptions): Promise<ReportHarness> {
  const element = await fixture<SipasReport>(
    html`<sipas-report
      lang=${options.lang ?? 'vi'}
      .report=${options.report}
      .trend=${options.trend}
      .progress=${options.progress}
      .questionnaire=${options.questionnaire}
      .filters=${options.filters}
    ></sipas-report>`,
  );
  if (options.server !== undefined) element.server = options.server;
  if (options.questionnaireId !== undefined) element.questionnaireId = options.questionnaireId;
  const harness = new ReportHarness(element);
  await harness.settled();
  return harness;
}

export interface CriterionRowText {
  code: string;
  text: string;
  index: string;
  nValid: string;
  ratio: string;
}

export class ReportHarness {
  constructor(readonly element: SipasReport) {}

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  /** Waits for the render and, when fetching, for the server's answer. */
  async settled(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      await this.element.updateComplete;
      if (this.root.querySelector('.report')?.getAttribute('aria-busy') !== 'true') break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await this.element.updateComplete;
  }

  private textOf(node: Element | null | undefined): string {
    return node?.textContent?.replace(/[ \t\r\n]+/g, ' ').trim() ?? '';
  }

  /** The large figure of a node of the index tree (the root's id for the overall index). */
  figure(id: string): { value: string; nValid: string; method: string; heading: string } {
    const card = this.root.querySelector(`.figure[data-node="${id}"]`);
    if (!card) throw new Error(`no figure for ${id}`);
    return {
      heading: this.textOf(card.querySelector('h4')),
      value: this.textOf(card.querySelector('.figure-value')),
      nValid: this.textOf(card.querySelector('.n-valid')),
      method: this.textOf(card.querySelector('.method')),
    };
  }

  figureIds(): string[] {
    return [...this.root.querySelectorAll<HTMLElement>('.figure')].map((card) => card.dataset.node!);
  }

  criteriaTable(): HTMLTableElement {
    const table = this.root.querySelector<HTMLTableElement>('[part~="criteria-table"]');
    if (!table) throw new Error('no criteria table');
    return table;
  }

  criteriaRows(): CriterionRowText[] {
    return [...this.criteriaTable().querySelectorAll('tr.criterion')].map((row) => ({
      code: this.textOf(row.querySelector('th')),
      text: this.textOf(row.querySelector('td')),
      index: this.textOf(row.querySelector('.index')),
      nValid: this.textOf(row.querySelector('.n-valid')),
      ratio: this.textOf(row.querySelector('.ratio')),
    }));
  }

  /** Rows of a chart's data table: the cells' text, row header included. */
  dataTable(name: 'ranking' | 'trend' | 'expectations' | 'progress'): string[][] {
    const table = this.root.querySelector(`table[data-table="${name}"]`);
    if (!table) throw new Error(`no ${name} table`);
    return [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => this.textOf(cell)));
  }

  hasSection(part: string): boolean {
    return this.root.querySelector(`[part~="${part}"]`) !== null;
  }

  canvas(name: string): HTMLCanvasElement | null {
    return this.root.querySelector<HTMLCanvasElement>(`canvas[data-chart="${name}"]`);
  }

  /** The chart.js instance drawn on a chart's canvas. */
  chart(name: string): Chart | undefined {
    const canvas = this.canvas(name);
    return canvas ? Chart.getChart(canvas) : undefined;
  }

  control(name: 'from' | 'to' | 'unit' | 'field' | 'channel'): HTMLInputElement | HTMLSelectElement {
    const control = this.root.querySelector<HTMLInputElement | HTMLSelectElement>(`form [name="${name}"]`);
    if (!control) throw new Error(`no ${name} filter`);
    return control;
  }

  /** Sets a filter as a person does (the control's value, then its input and change events). */
  setFilter(name: 'from' | 'to' | 'unit' | 'field' | 'channel', value: string): void {
    const control = this.control(name);
    control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  button(part: 'apply-button' | 'clear-button' | 'retry-button'): HTMLButtonElement {
    const button = this.root.querySelector<HTMLButtonElement>(`[part~="${part}"]`);
    if (!button) throw new Error(`no ${part}`);
    return button;
  }

  async click(part: 'apply-button' | 'clear-button' | 'retry-button'): Promise<void> {
    this.button(part).click();
    await this.settled();
  }

  statusText(): string {
    return this.textOf(this.root.querySelector('[part~="status"]'));
  }

  errorText(): string {
    return this.textOf(this.root.querySelector('[part~="error"]'));
  }

  errorKind(): string | undefined {
    return this.root.querySelector<HTMLElement>('[part~="error"]')?.dataset.kind;
  }

  headerText(): string {
    return this.textOf(this.root.querySelector('[part~="header"]'));
  }

  text(): string {
    return this.textOf(this.root.querySelector('.report'));
  }

  focused(): Element | null {
    return this.root.activeElement;
  }
}

/** Collects the details of one event type fired by an element. */
export function record<T>(target: EventTarget, type: string): T[] {
  const seen: T[] = [];
  target.addEventListener(type, (event) => seen.push((event as CustomEvent<T>).detail));
  return seen;
}

/** Records Content-Security-Policy violations of the page from now on; call the result to stop and read them. */
export function watchCsp(): () => string[] {
  const seen: string[] = [];
  const listener = (event: SecurityPolicyViolationEvent) => seen.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`);
  document.addEventListener('securitypolicyviolation', listener);
  return () => {
    document.removeEventListener('securitypolicyviolation', listener);
    return seen;
  };
}

/** The expected display of a percentage, worked out independently of the element's formatter. */
export function expectedPercent(value: number, language: 'vi' | 'en'): string {
  const rounded = Math.round(Number(value.toFixed(9)) * 10) / 10;
  const [whole, decimal] = rounded.toFixed(1).split('.') as [string, string];
  return language === 'vi' ? `${whole},${decimal}\u00a0%` : `${whole}.${decimal}%`;
}

export interface FetchCall {
  url: string;
  credentials: RequestCredentials | undefined;
}

/**
 * Watches the page's fetch calls (they still go to the real server) and lets a test answer some
 * of them itself: `answer` returns a Response for a call it handles, undefined to let it through.
 */
export function spyOnFetch(answer?: (url: string) => Promise<Response> | Response | undefined): { calls: FetchCall[]; restore: () => void } {
  const original = window.fetch;
  const calls: FetchCall[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    calls.push({ url, credentials: init?.credentials });
    const handled = answer?.(url);
    if (handled !== undefined) {
      const reply = await handled;
      if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      return reply;
    }
    return original(input, init);
  };
  return { calls, restore: () => (window.fetch = original) };
}

/** Where the test server serves packages/report/test/fixtures (the dev server's own origin). */
export const FIXTURE_SERVER = `${location.origin}/packages/report/test/fixtures`;

/** Waits (up to a second) for something the browser does on its own time, such as a media query's change event. */
export async function until(condition: () => boolean, what = 'the condition'): Promise<void> {
  // By the clock, not by a count of polls: on a loaded machine (test files run two at a time) a
  // chart's frames come late, and timers late too.
  const deadline = performance.now() + 5000;
  while (performance.now() < deadline) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Every text drawn on canvases while `draw` runs (chart.js draws labels with fillText). */
export async function canvasTexts(draw: () => Promise<unknown>): Promise<string[]> {
  const original = CanvasRenderingContext2D.prototype.fillText;
  const texts: string[] = [];
  CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number) {
    texts.push(text);
    return maxWidth === undefined ? original.call(this, text, x, y) : original.call(this, text, x, y, maxWidth);
  };
  try {
    await draw();
  } finally {
    CanvasRenderingContext2D.prototype.fillText = original;
  }
  return texts;
}
