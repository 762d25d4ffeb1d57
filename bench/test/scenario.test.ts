import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createForm } from '@sipas/core';
import { benchQuestionnaires, likertGrid } from '../src/questionnaires.js';
import { scenarioFor, type AnswerStep } from '../src/scenario.js';

const byName = Object.fromEntries(benchQuestionnaires().map((q) => [q.name, q]));

test('the large questionnaire has 300 questions over 10 pages with 100 conditions', () => {
  const { questionnaire } = byName['large-300']!;
  const questions = questionnaire.pages.flatMap((p) => p.sections.flatMap((s) => s.questions));
  assert.equal(questionnaire.pages.length, 10);
  assert.equal(questions.length, 300);
  assert.equal(questions.filter((q) => q.visibleIf).length, 100);
});

test('the 2640 scenario walks intro → respondent → access and arrives at the procedure page', () => {
  const { questionnaire, pagesToWalk } = byName['sipas-2640']!;
  const scenario = scenarioFor(questionnaire, pagesToWalk);
  assert.equal(scenario.first, 'intro_text');
  const nexts = scenario.steps.filter((s) => s.kind === 'next');
  assert.deepEqual(nexts.map((s) => s.expect), ['gender', 'A_criteria', 'B_criteria']);
  // Every row of the required access grid is answered before Next.
  const access = scenario.steps.filter((s): s is AnswerStep => s.kind === 'answer' && s.question === 'A_criteria');
  assert.deepEqual(access.map((s) => s.group), [0, 1, 2, 3]);
});

test('replaying the scenario in the engine lets every Next through and opens conditional questions', () => {
  const { questionnaire, pagesToWalk } = byName['large-300']!;
  const scenario = scenarioFor(questionnaire, pagesToWalk);
  const answered = new Set(scenario.steps.flatMap((s) => (s.kind === 'answer' ? [s.question] : [])));
  // q2 shows only when q1 <= 3: the scenario's q1 answer opens it, and it is answered.
  assert.ok(answered.has('q1') && answered.has('q2'));
  const form = createForm(questionnaire);
  assert.equal(form.isVisible('q2'), false);
});

test('a page the scenario does not leave gets at most 12 answers, even in a required grid', () => {
  const scenario = scenarioFor(likertGrid(40), 0);
  assert.equal(scenario.steps.length, 12);
  assert.ok(scenario.steps.every((s) => s.kind === 'answer' && s.question === 'grid' && s.item === 3));
});
