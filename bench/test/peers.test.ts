/**
 * The comparison is only honest if the three renderers really show the same questionnaire and
 * take the same answers. Plays every benchmark scenario in <sipas-form>, SurveyJS and Form.io in
 * Chromium (each click must leave the expected value on the page, each Next must show the
 * expected question), and checks the byte budget against the peers, which is deterministic.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { launchChromium } from '../src/browser.js';
import { visit, type VisitResult } from '../src/measure.js';
import { benchQuestionnaires } from '../src/questionnaires.js';
import { renderers, type RendererId } from '../src/renderers.js';
import { scenarioFor } from '../src/scenario.js';
import { startBenchServer, type BenchServer } from '../src/server.js';

const questionnaires = benchQuestionnaires();
const all = renderers();
let browser: Browser;
let server: BenchServer;
const shipped = new Map<RendererId, number>();

before(async () => {
  server = await startBenchServer(all, questionnaires);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const q of questionnaires) {
  for (const renderer of all) {
    test(`${renderer.label} plays the ${q.name} scenario: every answer held, every page reached`, async () => {
      const scenario = scenarioFor(q.questionnaire, q.pagesToWalk);
      const result: VisitResult = await visit(browser, server.pageUrl(renderer, q.name, scenario.first), scenario, { cpuSlowdown: 1, interact: true, quietMs: 250 });
      const answers = scenario.steps.filter((s) => s.kind === 'answer').length;
      const nexts = scenario.steps.length - answers;
      assert.equal(result.answerSettledMs.length, answers);
      assert.equal(result.pageSwitchMs.length, nexts);
      for (const ms of [result.firstRenderMs, ...result.answerNextPaintMs, ...result.answerSettledMs, ...result.pageSwitchMs]) assert.ok(ms > 0 && ms < 30_000, `a time of ${ms} ms`);
      result.answerSettledMs.forEach((settled, i) => assert.ok(settled >= result.answerNextPaintMs[i]!, 'the page settles no earlier than its next paint'));
      assert.ok(result.heapBytes > 100_000);
      shipped.set(renderer.id, result.shippedBytes);
    });
  }
}

test('a click that leaves another value than the scenario expects stops the visit', async () => {
  const q = questionnaires.find((candidate) => candidate.name === 'likert-40')!;
  const scenario = scenarioFor(q.questionnaire, q.pagesToWalk);
  const wrong = { ...scenario, steps: scenario.steps.slice(0, 1).map((step) => ({ ...step, value: 'not-a-level' })) };
  await assert.rejects(visit(browser, server.pageUrl(all[0]!, q.name, scenario.first), wrong, { cpuSlowdown: 1, interact: true, quietMs: 100 }), /the page holds "4", expected "not-a-level"/);
});

test('<sipas-form> ships at most 0.15 × the bytes of the smallest peer (JS + CSS, gzip)', () => {
  const own = shipped.get('sipas');
  const peers = [shipped.get('surveyjs'), shipped.get('formio')];
  assert.ok(own !== undefined && peers.every((p) => p !== undefined), 'every renderer was visited');
  const smallest = Math.min(...(peers as number[]));
  assert.ok(own! <= 0.15 * smallest, `${own} bytes against 0.15 × ${smallest}`);
  // The peers' numbers are plausible for what they are (not an empty response counted as a win).
  assert.ok(smallest > 200_000, `the smallest peer ships ${smallest} bytes`);
});
