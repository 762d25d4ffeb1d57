/**
 * Data-entry benchmark (not a test): a simulated clerk types N random paper 2640 forms into the
 * data-entry example page (examples/data-entry, served by the demo server with its collector) in
 * headless Chromium, with the keys the sheet documents (src/modes/entry/key-plan.ts). It reports
 * the keys per form against the target (one per item plus three), the forms per hour a clerk
 * typing at a given speed could reach, what this machine reached sending keys at full speed, and
 * checks that the collector stored exactly what was on each paper form.
 *
 * Run: npm run build && npm run bench -w @sipas/form
 * Settings: FORMS (default 40), KEYS_PER_SECOND (default 3), SEED (default 2640),
 * CHROME_PATH (default /usr/bin/chromium).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import puppeteer, { type Page } from 'puppeteer-core';
import { seededRandom, simulateResponse, type RandomInt } from '@sipas/core';
import type { Answer, Response } from '@sipas/schema';
import { sipas2640 } from '@sipas/templates';
import { startDemoServer } from '../../../scripts/demo-server.mjs';
import { planKeys, type KeyPlan, type PaperForm } from '../src/modes/entry/key-plan.js';

const FORMS = Number(process.env.FORMS ?? 40);
const KEYS_PER_SECOND = Number(process.env.KEYS_PER_SECOND ?? 3);
const SEED = Number(process.env.SEED ?? 2640);
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** A paper form as collected: a simulated respondent, and now and then a likert row ticked twice. */
function paperForm(random: RandomInt, index: number): PaperForm {
  const { answers } = simulateResponse(sipas2640, { random, channels: ['paper'] });
  const spoiled: string[] = [];
  if (random(8) === 0) {
    const grids = Object.keys(answers).filter((name) => /_criteria$/.test(name));
    const grid = grids[random(grids.length)]!;
    const rows = answers[grid] as Record<string, Answer>;
    const row = Object.keys(rows)[random(Object.keys(rows).length)]!;
    delete rows[row];
    if (Object.keys(rows).length === 0) delete answers[grid];
    spoiled.push(`${grid}.${row}`);
  }
  return { serial: `B${String(100000 + index)}`, answers, spoiled };
}

/** Whether the sheet is ready for the next form: the serial box is empty and has the keyboard. */
const serialReady = (page: Page) =>
  page.waitForFunction(
    () => {
      const sheet = document.querySelector('sipas-form')?.shadowRoot?.querySelector('sipas-entry-sheet');
      const active = sheet?.shadowRoot?.activeElement as HTMLInputElement | null | undefined;
      return active?.id === 'serial' && active.value === '';
    },
    { polling: 5, timeout: 10_000 },
  );

/** What the sheet shows, to say where a run went wrong. */
const sheetState = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('sipas-form')?.shadowRoot?.querySelector('sipas-entry-sheet')?.shadowRoot;
    const active = root?.activeElement as HTMLInputElement | null | undefined;
    return {
      focused: active?.dataset.step ?? active?.id ?? active?.className,
      serial: (root?.querySelector('#serial') as HTMLInputElement | null)?.value,
      alert: root?.querySelector('[role="alert"]')?.textContent?.trim(),
      status: root?.querySelector('[role="status"]')?.textContent?.trim(),
    };
  });

async function typeForm(page: Page, plan: KeyPlan): Promise<void> {
  for (const key of plan.keys) {
    if ('press' in key) await page.keyboard.press(key.press as Parameters<Page['keyboard']['press']>[0]);
    else await page.keyboard.type(key.type);
  }
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const fixed = (value: number, digits = 1) => value.toFixed(digits);

const dataDir = await mkdtemp(join(tmpdir(), 'sipas-entry-bench-'));
const server = await startDemoServer({ dataDir });
const browser = await puppeteer.launch({ executablePath: CHROME, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1366, height: 900 });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  // The page loads the drop-in and its add-on from packages/form/dist: a build running meanwhile
  // (or none yet) shows as a sheet that never appears, so say so rather than time out silently.
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${server.url}/data-entry/`);
    try {
      await serialReady(page);
      break;
    } catch (error) {
      if (attempt === 2) throw new Error(`The data-entry sheet did not appear (is packages/form/dist built? run \`npm run build\`): ${problems.join('; ') || String(error)}`);
    }
  }

  const random = seededRandom(SEED);
  const papers = Array.from({ length: FORMS }, (_, i) => paperForm(random, i + 1));
  const plans = papers.map((paper) => planKeys(sipas2640, paper));
  const started = performance.now();
  for (const [index, plan] of plans.entries()) {
    await typeForm(page, plan);
    await serialReady(page).catch(async () => {
      throw new Error(`form ${papers[index]!.serial} did not end on the next serial: ${JSON.stringify(await sheetState(page))}`);
    });
  }
  const typingMs = performance.now() - started;

  // Every form delivered, once, as it was on paper.
  const deadline = Date.now() + 20_000;
  while (server.responses().length < FORMS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  const stored = new Map<string, Response>(server.responses().map((response) => [response.paper?.serial ?? '', response]));
  let matching = 0;
  for (const paper of papers) {
    const response = stored.get(paper.serial);
    const same = response && canonical(response.answers) === canonical(paper.answers) && canonical(response.paper?.spoiled ?? []) === canonical(paper.spoiled ?? []);
    if (same) matching++;
    else problems.push(`form ${paper.serial}: ${response ? 'stored answers differ from the paper' : 'not stored'}`);
  }

  const presses = plans.map((plan) => plan.presses);
  const typed = plans.map((plan) => plan.typed);
  const items = plans.map((plan) => plan.items);
  const questions = plans.map((plan) => plan.questions);
  const overItems = plans.map((plan) => plan.presses - plan.items);
  const overQuestions = plans.map((plan) => plan.presses - plan.questions);
  const clerkSeconds = mean(plans.map((plan) => plan.presses + plan.typed)) / KEYS_PER_SECOND;
  const machineMsPerForm = typingMs / FORMS;
  const rows: [string, string][] = [
    ['forms typed (2640, seeded)', `${FORMS} (seed ${SEED}); ${papers.filter((paper) => paper.answers.feedback_given === true).length} with the E block shown`],
    ['items per form: answers transcribed (a tick each in multiple choice)', `${fixed(mean(items))} (min ${Math.min(...items)}, max ${Math.max(...items)})`],
    ['items per form: questions and likert rows shown', `${fixed(mean(questions))}`],
    ['key presses per form (digits, 0, *, Enter…)', `${fixed(mean(presses))} (max ${Math.max(...presses)})`],
    ['presses − items (target ≤ 3)', `mean ${fixed(mean(overItems), 2)}, max ${Math.max(...overItems)}; ${overItems.filter((over) => over <= 3).length}/${FORMS} forms within`],
    ['presses − questions and rows (stricter)', `mean ${fixed(mean(overQuestions), 2)}, max ${Math.max(...overQuestions)}; ${overQuestions.filter((over) => over <= 3).length}/${FORMS} forms within +3`],
    ['characters copied per form (serial, written answers)', fixed(mean(typed))],
    [`clerk at ${KEYS_PER_SECOND} keys/s (presses + characters)`, `${fixed(clerkSeconds)} s per form → ${Math.round(3600 / clerkSeconds)} forms/hour (typing only, reading the paper not counted)`],
    ['this machine, keys sent at full speed', `${fixed(machineMsPerForm, 0)} ms per form → ${Math.round(3_600_000 / machineMsPerForm)} forms/hour`],
    ['stored by the collector as on paper', `${matching}/${FORMS}`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`@sipas/form data entry: ${server.url}/data-entry/ in ${(await browser.version()).trim()}`);
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
  if (problems.length > 0) {
    console.log(`\nProblems (${problems.length}):\n${problems.slice(0, 10).join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
}

/** JSON with object keys sorted, so two documents compare whatever order their keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : item,
  );
}
