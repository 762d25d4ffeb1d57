/**
 * The comparison is only honest if the three renderers really show the same questionnaire and
 * take the same answers. Plays every benchmark scenario in <sipas-form>, SurveyJS and Form.io in
 * Chromium: each page must show exactly the questions the engine shows (on opening, before and
 * after each Next, at the end), each click must leave the expected value on the page. Also checks
 * the byte budget against the peers, which is deterministic.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { launchChromium } from '../src/browser.js';
import { visit } from '../src/measure.js';
import { benchQuestionnaires } from '../src/questionnaires.js';
import { renderers } from '../src/renderers.js';
import { scenarioFor } from '../src/scenario.js';
import { startBenchServer, type BenchServer } from '../src/server.js';

const questionnaires = benchQuestionnaires();
const all = renderers();
const byId = Object.fromEntries(all.map((renderer) => [renderer.id, renderer]));

describe('the benchmark pages', () => {
  let browser: Browser;
  let server: BenchServer;
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
      it(`should play the ${q.name} scenario in ${renderer.label} the way the engine does`, async () => {
        const scenario = scenarioFor(q.questionnaire, q.pagesToWalk);
        const result = await visit(browser, server.pageUrl(renderer, q.name, scenario.first), scenario, { cpuSlowdown: 1, interact: true });
        const answers = scenario.steps.filter((s) => s.kind === 'answer').length;
        assert.equal(result.answerSettledMs.length, answers);
        assert.equal(result.pageSwitchMs.length, scenario.steps.length - answers);
        for (const ms of [result.firstRenderMs, ...result.answerNextPaintMs, ...result.pageSwitchMs]) assert.ok(ms > 0 && ms < 30_000, `a time of ${ms} ms`);
      });
    }
  }

  it('should stop a visit whose click leaves another value than the scenario expects', async () => {
    const q = questionnaires.find((candidate) => candidate.name === 'likert-40')!;
    const scenario = scenarioFor(q.questionnaire, q.pagesToWalk);
    const wrong = { ...scenario, steps: scenario.steps.slice(0, 1).map((step) => ({ ...step, value: 'not-a-level' })) };
    await assert.rejects(visit(browser, server.pageUrl(byId.sipas!, q.name, scenario.first), wrong, { cpuSlowdown: 1, interact: true }), /the page holds "4", expected "not-a-level"/);
  });

  it('should stop a visit whose page shows other questions than the engine', async () => {
    const q = questionnaires.find((candidate) => candidate.name === 'large-300')!;
    const scenario = scenarioFor(q.questionnaire, q.pagesToWalk);
    // Claim q2 (shown only once q1 <= 3) is visible from the start.
    const claimed = { ...scenario, opening: { ...scenario.opening, visible: [...scenario.opening.visible, 'q2'] }, steps: [] };
    await assert.rejects(visit(browser, server.pageUrl(byId.formio!, q.name, scenario.first), claimed, { cpuSlowdown: 1, interact: true }), /not shown q2/);
  });

  it('should ship at most 0.15 × the bytes of the smallest peer from <sipas-form> (JS + CSS, gzip)', async () => {
    const q = questionnaires[0]!;
    const scenario = scenarioFor(q.questionnaire, q.pagesToWalk);
    const bytes = async (id: string) => (await visit(browser, server.pageUrl(byId[id]!, q.name, scenario.first), scenario, { cpuSlowdown: 1, interact: false })).shippedBytes;
    const own = await bytes('sipas');
    const smallest = Math.min(await bytes('surveyjs'), await bytes('formio'));
    assert.ok(own <= 0.15 * smallest, `${own} bytes against 0.15 × ${smallest}`);
  });
});
