/**
 * One measured visit: a fresh browser context opens a renderer's page, waits for the first
 * question to be painted, reads the JS heap, then (unless only the first render is wanted) plays
 * the scenario with real mouse clicks, timing each answer and each page switch.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, ElementHandle, HTTPRequest, HTTPResponse, Page } from 'puppeteer-core';
import type { Scenario, VisibilityCheck } from './scenario.js';

export interface VisitOptions {
  /** Chromium's CPU slowdown factor (4 ≈ a low-end phone on this kind of machine). */
  cpuSlowdown: number;
  /** Play the scenario (answers and page switches) after the first render. */
  interact: boolean;
  /** How long the page must stay unchanged after a click to count as settled (default 400 ms). */
  quietMs?: number;
}

/** Fails a visit, saying where: the caller adds which renderer, questionnaire and run. */
export class VisitError extends Error {
  override name = 'VisitError';
}

export interface VisitResult {
  firstRenderMs: number;
  heapBytes: number;
  /** Every JS and CSS file the page loaded (the benchmark's own probe excepted), gzip-compressed. */
  shippedBytes: number;
  answerNextPaintMs: number[];
  answerSettledMs: number[];
  pageSwitchMs: number[];
}

interface Timing {
  nextPaint: number;
  settled: number;
}

const BENCH_OWN = /\/(probe\.js|adapters\/)/;
const LOCAL = 'http://127.0.0.1:';

/** What pages/probe.js puts on the page's window. */
interface Probe {
  firstRender: number | null;
  target(question: string, group: number, item: number): Element;
  checkedValue(question: string, group: number): string | null;
  nextButton(): Element;
  shownOf(questions: string[]): string[];
  arm(): void;
  settled(quietMs: number): Promise<Timing>;
}
declare const __bench: Probe;

export async function visit(browser: Browser, url: string, scenario: Scenario, options: VisitOptions): Promise<VisitResult> {
  const context = await browser.createBrowserContext();
  const shipped: Promise<number>[] = [];
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const errors: string[] = [];
    const failIfErrors = (doing: string) => {
      if (errors.length) throw new VisitError(`${doing}: ${errors.join('; ')}`);
    };
    page.on('pageerror', (error) => errors.push(String((error as Error).message ?? error)));
    // The comparison is local: a renderer reaching for the internet (fonts, telemetry) would add noise.
    page.on('request', (request: HTTPRequest) => {
      if (!request.url().startsWith(LOCAL) && !request.url().startsWith('data:')) errors.push(`requested ${request.url()} outside the benchmark server`);
    });
    page.on('response', (response: HTTPResponse) => {
      const type = response.request().resourceType();
      if ((type === 'script' || type === 'stylesheet') && !BENCH_OWN.test(response.url())) shipped.push(response.buffer().then((body) => gzipSync(body).length));
    });
    const cdp = await page.createCDPSession();
    if (options.cpuSlowdown > 1) await page.emulateCPUThrottling(options.cpuSlowdown);
    await page.goto(url, { waitUntil: 'load' });
    try {
      await page.waitForFunction(() => __bench.firstRender !== null, { timeout: 60_000, polling: 50 });
    } catch (error) {
      throw new VisitError(`the first question never appeared (${errors.join('; ') || (error as Error).message})`);
    }
    const firstRenderMs = (await page.evaluate(() => __bench.firstRender))!;
    if (options.cpuSlowdown > 1) await page.emulateCPUThrottling(1);

    await settle(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    failIfErrors('loading');

    const result: VisitResult = {
      firstRenderMs,
      heapBytes: usedSize,
      shippedBytes: (await Promise.all(shipped)).reduce((a, b) => a + b, 0),
      answerNextPaintMs: [],
      answerSettledMs: [],
      pageSwitchMs: [],
    };
    if (options.interact) {
      await checkVisibility(page, scenario.opening, 'the first page');
      await play(page, scenario, result, options.quietMs ?? 400, failIfErrors);
      await checkVisibility(page, scenario.closing, 'the last page');
    }
    failIfErrors('after the scenario');
    return result;
  } finally {
    await Promise.allSettled(shipped); // bodies still being read must not outlive the context unobserved
    await context.close();
  }
}

/** Waits for two painted frames and a short quiet spell, so one measure does not bleed into the next. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 150)))));
}

/** The renderer must show exactly the questions the engine shows (conditions, sections, pages alike). */
async function checkVisibility(page: Page, check: VisibilityCheck, where: string): Promise<void> {
  const shown = await page.evaluate((questions) => __bench.shownOf(questions), check.questions);
  const missing = check.visible.filter((name) => !shown.includes(name));
  const extra = shown.filter((name) => !check.visible.includes(name));
  if (missing.length || extra.length) {
    throw new VisitError(`${where} (${check.page}) differs from the engine: ${missing.length ? `not shown ${missing.join(', ')}` : ''}${missing.length && extra.length ? '; ' : ''}${extra.length ? `shown although hidden ${extra.join(', ')}` : ''}`);
  }
}

async function play(page: Page, scenario: Scenario, result: VisitResult, quietMs: number, failIfErrors: (doing: string) => void): Promise<void> {
  for (const step of scenario.steps) {
    const doing = step.kind === 'answer' ? `answering ${step.question}` : `leaving ${step.leaving.page}`;
    if (step.kind === 'next') await checkVisibility(page, step.leaving, `page ${step.leaving.page} before Next`);
    const target = (await (step.kind === 'answer'
      ? page.evaluateHandle((q, g, i) => __bench.target(q, g, i), step.question, step.group, step.item)
      : page.evaluateHandle(() => __bench.nextButton()))) as ElementHandle<Element>;
    await target.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    // The pointer arrives before the measure starts: hover effects are not the answer's work.
    await target.hover();
    await settle(page);
    const timing = await click(page, target, quietMs).catch((error: Error) => {
      throw new VisitError(`${doing}: ${error.message}`);
    });
    failIfErrors(doing);
    if (step.kind === 'answer') {
      const held = await page.evaluate((q, g) => __bench.checkedValue(q, g), step.question, step.group);
      if (held !== step.value) throw new VisitError(`${doing}: the page holds ${JSON.stringify(held)}, expected ${JSON.stringify(step.value)}`);
      result.answerNextPaintMs.push(timing.nextPaint);
      result.answerSettledMs.push(timing.settled);
    } else {
      await settle(page);
      await checkVisibility(page, step.arriving, `page ${step.arriving.page} after Next`);
      result.pageSwitchMs.push(timing.settled);
    }
    await target.dispose();
  }
}

async function click(page: Page, target: ElementHandle<Element>, quietMs: number): Promise<Timing> {
  await page.evaluate(() => __bench.arm());
  await target.click();
  return page.evaluate((quiet) => __bench.settled(quiet), quietMs);
}
