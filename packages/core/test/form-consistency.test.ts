/**
 * What a form sends must be what the checks accept: regressions found by review, each a way the
 * live form once produced a response that validateResponse or checkResponse rejected.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateResponse, type Question, type Questionnaire } from '@sipas/schema';
import { checkResponse, createForm } from '@sipas/core';

const questionnaire = (questions: Record<string, unknown>[], extra: Partial<Questionnaire> = {}): Questionnaire => ({
  formatVersion: '1.0',
  id: 'consistency',
  title: 'Nhất quán',
  pages: [{ name: 'p1', sections: [{ name: 's1', questions: questions as unknown as Question[] }] }],
  ...extra,
});
const yesNo = (name: string, extra: Record<string, unknown> = {}) => ({ type: 'boolean', name, title: name, ...extra });
const text = (name: string, extra: Record<string, unknown> = {}) => ({ type: 'text', name, title: name, ...extra });
const accepted = (q: Questionnaire, form: ReturnType<typeof createForm>) => {
  const response = form.toResponse();
  assert.deepEqual(validateResponse(q, response).errors, []);
  assert.deepEqual(checkResponse(q, response).errors, []);
  return response;
};
const units = { sipas: { units: { items: [{ id: 'u1', label: 'Sở Tư pháp' }, { id: 'u2', label: 'UBND xã' }] } } };

describe('what a completed form sends', () => {
  it('should settle answers hidden in a cascade before completing', () => {
    const q = questionnaire([yesNo('a'), text('b', { visibleIf: '{a} = true' }), text('c', { visibleIf: "{b} = 'x'" })]);
    const form = createForm(q);
    form.setValue('a', true);
    form.setValue('b', 'x');
    form.setValue('c', 'hello');
    form.setValue('a', false);
    assert.equal(form.complete(), true);
    assert.deepEqual(accepted(q, form).answers, { a: false });
  });

  it('should drop hidden choices before validating, and the engine should refuse them in a response', () => {
    const q = questionnaire([yesNo('a'), { type: 'single', name: 's', title: 's', required: true, choices: [{ value: 'x', text: 'X', visibleIf: '{a} = true' }, { value: 'y', text: 'Y' }] }]);
    const form = createForm(q);
    form.setValue('a', true);
    form.setValue('s', 'x');
    form.setValue('a', false);
    assert.equal(form.complete(), false, 'the required choice is gone, so the question must be answered again');
    assert.equal(form.errorsOf('s')[0]!.code, 'required');
    const smuggled = { ...form.toResponse(), answers: { a: false, s: 'x' } };
    assert.deepEqual(checkResponse(q, smuggled).errors.map((e) => [e.code, e.path]), [['hidden-answered', '/answers/s']]);
  });

  it('should not send an "other" text without "other"', () => {
    const q = questionnaire([{ type: 'single', name: 's', title: 's', other: true, choices: [{ value: 'a', text: 'A' }] }]);
    const form = createForm(q);
    form.setValue('s-other', 'xyz');
    assert.equal(form.complete(), true);
    assert.deepEqual(accepted(q, form).answers, {});
  });

  it('should keep "other" of a unit list out of the response unit, and fall back to the page\'s unit', () => {
    const q = questionnaire([{ type: 'dropdown', name: 'agency', title: 'Cơ quan', choicesFrom: { list: 'units' }, other: true }], units);
    const form = createForm(q, { unit: 'u2' });
    form.setValue('agency', 'u1');
    assert.equal(form.toResponse().unit, 'u1');
    form.setValue('agency', 'other');
    form.setValue('agency-other', 'Công an xã');
    assert.equal(form.complete(), true);
    assert.equal(accepted(q, form).unit, 'u2');
  });

  it('should re-evaluate {unit} conditions when the bound question changes', () => {
    const q = questionnaire([{ type: 'dropdown', name: 'agency', title: 'Cơ quan', choicesFrom: { list: 'units' } }, text('extra', { required: true, visibleIf: "{unit} = 'u1'" })], units);
    const form = createForm(q);
    assert.equal(form.isVisible('extra'), false);
    form.setValue('agency', 'u1');
    assert.equal(form.isVisible('extra'), true);
    assert.equal(form.complete(), false);
    form.setValue('extra', 'chi tiết');
    assert.equal(form.complete(), true);
    accepted(q, form);
  });

  it('should read nothing inherited for questions named like Object members', () => {
    const q = questionnaire([text('constructor', { required: true }), text('valueOf')]);
    const form = createForm(q);
    assert.deepEqual([...form.validate().keys()], ['constructor']);
    assert.deepEqual(form.progress, { answered: 0, total: 2, ratio: 0 });
    const blank = { ...form.toResponse(), answers: {} };
    assert.deepEqual(validateResponse(q, blank).errors.map((e) => e.code), ['missing-required']);
  });

  it('should clear errors of questions that become hidden', () => {
    const form = createForm(questionnaire([yesNo('a'), text('b', { required: true, visibleIf: '{a} = true' })]));
    form.setValue('a', true);
    form.validate();
    assert.equal(form.errorsOf('b').length, 1);
    const changes: string[][] = [];
    form.subscribe((change) => changes.push(change.errors));
    form.setValue('a', false);
    assert.deepEqual(form.errorsOf('b'), []);
    assert.deepEqual(changes, [['b']]);
  });

  it('should prefer the offered value of the same type', () => {
    const form = createForm(questionnaire([{ type: 'single', name: 's', title: 's', choices: [{ value: 1, text: 'một' }, { value: '1', text: 'chuỗi một' }] }]));
    form.setValue('s', '1');
    assert.equal(form.getValue('s'), '1');
    form.setValue('s', 1);
    assert.equal(form.getValue('s'), 1);
  });
});
