import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Questionnaire } from '@sipas/schema';
import { FormioConversionError, toFormio, type FormioComponent } from '../src/to-formio.js';

const questionnaire = (questions: unknown[], section: Record<string, unknown> = {}): Questionnaire =>
  ({ formatVersion: '1.0', id: 't', title: 'T', pages: [{ name: 'p1', sections: [{ name: 's1', ...section, questions }] }] }) as Questionnaire;
const sectionOf = (q: Questionnaire): FormioComponent => (toFormio(q).components[0]!.components as FormioComponent[])[0]!;
const componentsOf = (q: Questionnaire): FormioComponent[] => sectionOf(q).components as FormioComponent[];
const conditionOf = (visibleIf: string): unknown => {
  const questions = [
    { type: 'rating', name: 'r', title: 'R', scale: 'satisfaction-5' },
    { type: 'likert', name: 'l', title: 'L', scale: 'satisfaction-5', rows: [{ value: 'x', text: 'X' }] },
    { type: 'comment', name: 'c', title: 'C', visibleIf },
  ];
  return componentsOf(questionnaire(questions))[2]!.conditional;
};
const unanswered = (v: unknown) => [{ '!=': [v, ''] }, { '!=': [v, null] }];

describe('toFormio', () => {
  it('should write pages as wizard panels, sections as fieldsets and their descriptions as paragraphs', () => {
    const q = questionnaire([{ type: 'boolean', name: 'b', title: 'B' }], { description: 'Giải thích <b>' });
    const form = toFormio(q);
    assert.equal(form.display, 'wizard');
    assert.equal(form.components[0]!.type, 'panel');
    const section = sectionOf(q);
    assert.equal(section.type, 'fieldset');
    assert.deepEqual((section.components as FormioComponent[])[0]!.content, 'Giải thích &lt;b&gt;');
  });

  it('should write ratings and yes/no as string-valued radios and likert grids as survey components', () => {
    const [rating, yesNo, grid] = componentsOf(
      questionnaire([
        { type: 'rating', name: 'r', title: 'R', scale: 'satisfaction-5', required: true },
        { type: 'boolean', name: 'b', title: 'B', labelTrue: 'Đúng', labelFalse: 'Sai' },
        { type: 'likert', name: 'l', title: 'L', scale: 'satisfaction-3', rows: [{ value: 'x', text: 'X' }] },
      ]),
    );
    assert.equal(rating!.type, 'radio');
    assert.deepEqual((rating!.values as { value: string }[]).map((v) => v.value), ['1', '2', '3', '4', '5']);
    assert.deepEqual(rating!.validate, { required: true });
    assert.deepEqual(yesNo!.values, [{ label: 'Đúng', value: 'true' }, { label: 'Sai', value: 'false' }]);
    assert.equal(grid!.type, 'survey');
    assert.equal((grid!.values as unknown[]).length, 3);
  });

  it('should keep the "other" option and an "at most N" rule of a multiple choice', () => {
    const [multiple] = componentsOf(
      questionnaire([{ type: 'multiple', name: 'm', title: 'M', choices: [{ value: 'a', text: 'A' }], other: true, validators: [{ type: 'count', max: 3, message: 'x' }] }]),
    );
    assert.deepEqual((multiple!.values as { value: string }[]).map((v) => v.value), ['a', 'other']);
    assert.deepEqual(multiple!.validate, { maxSelectedCount: 3 });
  });

  it('should write conditions as JSON Logic on string values', () => {
    const [, , , shown] = componentsOf(
      questionnaire([
        { type: 'single', name: 'a', title: 'A', choices: [{ value: 1, text: '1' }, { value: 2, text: '2' }] },
        { type: 'boolean', name: 'b', title: 'B' },
        { type: 'text', name: 'n', title: 'N', inputType: 'number' },
        { type: 'comment', name: 'c', title: 'C', visibleIf: '{a} anyof [1, 2] and ({b} = true or {n} empty)' },
      ]),
    );
    assert.deepEqual(shown!.conditional, {
      json: {
        and: [
          { in: [{ var: 'data.a' }, ['1', '2']] },
          { or: [{ '==': [{ var: 'data.b' }, 'true'] }, { or: [{ '==': [{ var: 'data.n' }, null] }, { '==': [{ var: 'data.n' }, ''] }] }] },
        ],
      },
    });
  });

  it('should hold comparisons false while the question is unanswered, as SIPAS does', () => {
    const r = { var: 'data.r' };
    assert.deepEqual(conditionOf('{r} <= 3'), { json: { and: [...unanswered(r), { '<=': [r, 3] }] } });
    const row = { var: 'data.l.x' };
    assert.deepEqual(conditionOf('{l.x} >= 2'), { json: { and: [...unanswered(row), { '>=': [row, 2] }] } });
    assert.deepEqual(conditionOf('not ({r} notempty)'), { json: { '!': { '!': { or: [{ '==': [r, null] }, { '==': [r, ''] }] } } } });
  });

  it('should refuse what it cannot write, naming the question and the property', () => {
    const refuses = (questions: unknown[], pattern: RegExp) =>
      assert.throws(() => toFormio(questionnaire(questions)), (error: unknown) => error instanceof FormioConversionError && pattern.test(error.message));
    refuses(
      [
        { type: 'multiple', name: 'm', title: 'M', choices: [{ value: 'x', text: 'X' }] },
        { type: 'comment', name: 'c', title: 'C', visibleIf: '{m} contains "x"' },
      ],
      /question c.*contains/,
    );
    refuses([{ type: 'text', name: 't', title: 'T', requiredIf: '{x} = 1' }], /question t.*"requiredIf"/);
    refuses([{ type: 'single', name: 's', title: 'S', choices: [{ value: 'x', text: 'X' }], none: true }], /question s.*"none"/);
  });
});
