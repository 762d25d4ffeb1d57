/**
 * One measured visit: a fresh browser context opens a renderer's page, waits for the first
 * question to be painted, reads the JS heap, then (unless only the first render is wanted) plays
 * the scenario with real mouse clicks, timing each answer and each page switch.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, ElementHandle, HTTPResponse } from 'puppeteer-core';
import type { Scenario } from './scenario.js';

export interface VisitOptions {
  /** Chromium's CPU slowdown factor (4 ≈ a low-end phone on this kind of machine). */
  cpuSlowdown: number;
  /** Play the scenario (answers and page switches) after the first render. */
  interact: boolean;
  /** How long the page must stay unchanged after a click to count as settled (default 400 ms). */
  quietMs?: number;
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

export class VisitError extends Error {}

interface Timing {
  nextPaint: number;
  settled: number;
  changes: number;
}

const BENCH_OWN = /\/(probe\.js|adapters\/)/;

/** What pages/probe.js puts on the page's window. */
interface Probe {
  firstRender: number | null;
  target(question: string, group: number, item: number): Element;
  checkedValue(question: string, group: number): string | null;
  nextButton(): Element;
  isShown(question: string): boolean;
  arm(): void;
  settled(quietMs: number): Promise<Timing>;
}
declare const __bench: Probe;

export async function visit(browser: Browser, url: string, scenario: Scenario, options: VisitOptions): Promise<VisitResult> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String((error as Error).message ?? error)));
    const shipped: Promise<number>[] = [];
    page.on('response', (response: HTTPResponse) => {
      const type = response.request().resourceType();
      if ((type === 'script' || type === 'stylesheet') && !BENCH_OWN.test(response.url())) shipped.push(response.buffer().then((body) => gzipSync(body).length));
    });
    const cdp = await page.createCDPSession();
    if (options.cpuSlowdown > 1) await page.emulateCPUThrottling(options.cpuSlowdown);
    await page.goto(url, { waitUntil: 'load' });
    await page
      .waitForFunction(() => __bench.firstRender !== null, { timeout: 60_000, polling: 50 })
      .catch(() => {
        throw new VisitError(`the first question never appeared (${errors.join('; ') || 'no page error'})`);
      });
    const firstRenderMs = (await page.evaluate(() => __bench.firstRender))!;
    if (options.cpuSlowdown > 1) await page.emulateCPUThrottling(1);

    await settle(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };

    const result: VisitResult = {
      firstRenderMs,
      heapBytes: usedSize,
      shippedBytes: (await Promise.all(shipped)).reduce((a, b) => a + b, 0),
      answerNextPaintMs: [],
      answerSettledMs: [],
      pageSwitchMs: [],
    };
    if (options.interact) await play(page, scenario, result, options.quietMs ?? 400);
    if (errors.length) throw new VisitError(`page errors: ${errors.join('; ')}`);
    return result;
  } finally {
    await context.close();
  }
}

type Page = Awaited<ReturnType<Browser['newPage']>>;

/** Waits for two painted frames and a short quiet spell, so one measure does not bleed into the next. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 150)))));
}

async function play(page: Page, scenario: Scenario, result: VisitResult, quietMs: number): Promise<void> {
  for (const step of scenario.steps) {
    const target = (await (step.kind === 'answer'
      ? page.evaluateHandle((q, g, i) => __bench.target(q, g, i), step.question, step.group, step.item)
      : page.evaluateHandle(() => __bench.nextButton()))) as ElementHandle<Element>;
    await target.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await settle(page);
    const timing = await click(page, target, quietMs);
    if (step.kind === 'answer') {
      const held = await page.evaluate((q, g) => __bench.checkedValue(q, g), step.question, step.group);
      if (held !== step.value) throw new VisitError(`answering ${step.question}: the page holds ${JSON.stringify(held)}, expected ${JSON.stringify(step.value)}`);
      result.answerNextPaintMs.push(timing.nextPaint);
      result.answerSettledMs.push(timing.settled);
    } else {
      const arrived = await page.evaluate((q) => __bench.isShown(q), step.expect);
      if (!arrived) throw new VisitError(`Next did not show ${step.expect}`);
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
