import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createForm } from '@sipas/core';
import { benchQuestionnaires, likertGrid } from '../src/questionnaires.js';
import { scenarioFor, type AnswerStep, type NextStep } from '../src/scenario.js';

const byName = Object.fromEntries(benchQuestionnaires().map((q) => [q.name, q]));

describe('the benchmark questionnaires and scenarios', () => {
  it('should give the large questionnaire 300 questions over 10 pages with 100 conditions', () => {
    const { questionnaire } = byName['large-300']!;
    const questions = questionnaire.pages.flatMap((p) => p.sections.flatMap((s) => s.questions));
    assert.equal(questionnaire.pages.length, 10);
    assert.equal(questions.length, 300);
    assert.equal(questions.filter((q) => q.visibleIf).length, 100);
  });

  it('should walk the 2640 template from the introduction to the procedure page, answering every access criterion', () => {
    const { questionnaire, pagesToWalk } = byName['sipas-2640']!;
    const scenario = scenarioFor(questionnaire, pagesToWalk);
    assert.equal(scenario.first, 'intro_text');
    const nexts = scenario.steps.filter((s): s is NextStep => s.kind === 'next');
    assert.deepEqual(nexts.map((s) => s.expect), ['gender', 'A_criteria', 'B_criteria']);
    assert.deepEqual(nexts.map((s) => s.arriving.page), ['respondent', 'access', 'procedure']);
    const access = scenario.steps.filter((s): s is AnswerStep => s.kind === 'answer' && s.question === 'A_criteria');
    assert.deepEqual(access.map((s) => s.group), [0, 1, 2, 3]);
  });

  it('should open conditional questions with its answers and expect them shown', () => {
    const { questionnaire, pagesToWalk } = byName['large-300']!;
    const scenario = scenarioFor(questionnaire, pagesToWalk);
    // q2 shows only when q1 <= 3: hidden as the page opens, answered, and shown before Next.
    assert.equal(createForm(questionnaire).isVisible('q2'), false);
    assert.ok(!scenario.opening.visible.includes('q2'));
    assert.ok(scenario.steps.some((s) => s.kind === 'answer' && s.question === 'q2'));
    const next = scenario.steps.find((s): s is NextStep => s.kind === 'next')!;
    assert.ok(next.leaving.visible.includes('q2'));
  });

  it('should give a page the scenario does not leave at most 12 answers, even in a required grid', () => {
    const scenario = scenarioFor(likertGrid(40), 0);
    assert.equal(scenario.steps.length, 12);
    assert.ok(scenario.steps.every((s) => s.kind === 'answer' && s.question === 'grid' && s.item === 3));
  });
});
