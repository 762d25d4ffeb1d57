import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Questionnaire } from '@sipas/schema';
import { FormioConversionError, toFormio, type FormioComponent } from '../src/to-formio.js';

const questionnaire = (questions: unknown[]): Questionnaire =>
  ({ formatVersion: '1.0', id: 't', title: 'T', pages: [{ name: 'p1', sections: [{ name: 's1', questions }] }] }) as Questionnaire;
const componentsOf = (q: Questionnaire): FormioComponent[] => (toFormio(q).components[0]!.components as FormioComponent[])[0]!.components as FormioComponent[];

test('pages become wizard panels and sections fieldsets', () => {
  const form = toFormio(questionnaire([{ type: 'boolean', name: 'b', title: 'B' }]));
  assert.equal(form.display, 'wizard');
  assert.equal(form.components[0]!.type, 'panel');
  assert.equal((form.components[0]!.components as FormioComponent[])[0]!.type, 'fieldset');
});

test('ratings and yes/no become string-valued radios; likert grids become survey components', () => {
  const [rating, yesNo, grid] = componentsOf(
    questionnaire([
      { type: 'rating', name: 'r', title: 'R', scale: 'satisfaction-5', required: true },
      { type: 'boolean', name: 'b', title: 'B' },
      { type: 'likert', name: 'l', title: 'L', scale: 'satisfaction-3', rows: [{ value: 'x', text: 'X' }] },
    ]),
  );
  assert.equal(rating!.type, 'radio');
  assert.deepEqual((rating!.values as { value: string }[]).map((v) => v.value), ['1', '2', '3', '4', '5']);
  assert.deepEqual(rating!.validate, { required: true });
  assert.deepEqual((yesNo!.values as { value: string }[]).map((v) => v.value), ['true', 'false']);
  assert.equal(grid!.type, 'survey');
  assert.deepEqual((grid!.values as unknown[]).length, 3);
});

test('conditions become JSON Logic on string values', () => {
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

test('what has no Form.io equivalent is refused with the question named', () => {
  const q = questionnaire([
    { type: 'multiple', name: 'm', title: 'M', choices: [{ value: 'x', text: 'X' }] },
    { type: 'comment', name: 'c', title: 'C', visibleIf: '{m} contains "x"' },
  ]);
  assert.throws(() => toFormio(q), (error: unknown) => error instanceof FormioConversionError && /question c/.test(error.message) && /contains/.test(error.message));
});
