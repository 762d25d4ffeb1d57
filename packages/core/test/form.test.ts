import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validateResponse, type Question, type Questionnaire } from '@sipas/schema';
import { sipas2640, counter3 } from '@sipas/templates';
import { checkResponse, createForm, QuestionnaireLoadError, type FormChange } from '@sipas/core';

const compact = JSON.parse(readFileSync(new URL('../../../fixtures/questionnaires/valid/compact-all-types.json', import.meta.url), 'utf8')) as Questionnaire;

/** A one-page questionnaire from a list of questions. */
function questionnaire(questions: Record<string, unknown>[], settings: Questionnaire['settings'] = {}): Questionnaire {
  return {
    formatVersion: '1.0',
    id: 'test',
    title: 'Thử',
    settings,
    pages: [{ name: 'p1', sections: [{ name: 's1', questions: questions as unknown as Question[] }] }],
  };
}

const yesNo = (name: string, extra: Record<string, unknown> = {}) => ({ type: 'boolean', name, title: name, ...extra });
const textQuestion = (name: string, extra: Record<string, unknown> = {}) => ({ type: 'text', name, title: name, ...extra });
const fixedNow = () => new Date('2024-05-17T08:00:00Z');

describe('createForm', () => {
  describe('loading', () => {
    it('should refuse an invalid questionnaire with located errors', () => {
      assert.throws(
        () => createForm(questionnaire([yesNo('a', { visibleIf: '{nobody} = 1' })])),
        (error: unknown) => {
          assert.ok(error instanceof QuestionnaireLoadError);
          assert.deepEqual(error.errors.map((e) => [e.code, e.path]), [['unknown-reference', '/pages/0/sections/0/questions/0/visibleIf']]);
          return true;
        },
      );
    });

    it('should refuse circular conditions at load, not at answer time', () => {
      assert.throws(
        () => createForm(questionnaire([yesNo('a', { visibleIf: '{b} = true' }), yesNo('b', { visibleIf: '{a} = true' })])),
        (error: unknown) => error instanceof QuestionnaireLoadError && error.errors[0]!.code === 'dependency-cycle',
      );
    });

    it('should load every template and the compact fixture', () => {
      for (const q of [sipas2640, counter3, compact]) assert.ok(createForm(q).visiblePages.length > 0, q.id);
    });

    it('should resume from saved answers', () => {
      const form = createForm(questionnaire([yesNo('a'), textQuestion('b', { visibleIf: '{a} = true' })]), { data: { a: true, b: 'đã lưu' } });
      assert.equal(form.isVisible('b'), true);
      assert.equal(form.getValue('b'), 'đã lưu');
    });
  });

  describe('values', () => {
    it('should store inputs in the shape of the format', () => {
      const form = createForm(compact);
      const byType = (type: string, extra: (q: Question) => boolean = () => true) =>
        form.questionnaire.pages.flatMap((p) => p.sections.flatMap((s) => s.questions)).find((q) => q.type === type && extra(q))!;
      const rating = byType('rating');
      form.setValue(rating.name, '4');
      assert.equal(form.getValue(rating.name), 4);
      const number = byType('text', (q) => (q as { inputType?: string }).inputType === 'number');
      form.setValue(number.name, ' 42 ');
      assert.equal(form.getValue(number.name), 42);
      const bool = byType('boolean');
      form.setValue(bool.name, 'false');
      assert.equal(form.getValue(bool.name), false);
      form.setValue(rating.name, '');
      assert.equal(form.getValue(rating.name), undefined);
    });

    it('should keep the "none" option exclusive, whichever way it is chosen', () => {
      const form = createForm(questionnaire([{ type: 'multiple', name: 'm', title: 'm', none: true, choices: [{ value: 'a', text: 'A' }, { value: 'b', text: 'B' }] }]));
      form.setValue('m', ['a', 'b']);
      form.setValue('m', ['a', 'b', 'none']);
      assert.deepEqual(form.getValue('m'), ['none']);
      form.setValue('m', ['none', 'a']);
      assert.deepEqual(form.getValue('m'), ['a']);
    });

    it('should drop the "other" text when "other" is no longer chosen', () => {
      const form = createForm(questionnaire([{ type: 'single', name: 's', title: 's', other: true, choices: [{ value: 'a', text: 'A' }] }]));
      form.setValue('s', 'other');
      form.setValue('s-other', 'Bưu điện');
      assert.equal(form.getValue('s-other'), 'Bưu điện');
      form.setValue('s', 'a');
      assert.equal(form.getValue('s-other'), undefined);
    });

    it('should refuse values for questions that do not exist or take no answer', () => {
      const form = createForm(questionnaire([yesNo('a'), { type: 'info', name: 'i', text: 'Giới thiệu' }]));
      assert.throws(() => form.setValue('zzz', 1), /no question "zzz"/);
      assert.throws(() => form.setValue('i', 'x'), /takes no answer/);
      assert.throws(() => form.setValue('a-other', 'x'), /"other" option/);
    });
  });

  describe('logic', () => {
    it('should show component E of the 2640 form only to those who gave feedback', () => {
      const form = createForm(sipas2640);
      assert.equal(form.isVisible('E_criteria'), false);
      form.setValue('feedback_given', true);
      assert.equal(form.isVisible('E_criteria'), true);
      form.setValue('feedback_given', false);
      assert.equal(form.isVisible('E_criteria'), false);
    });

    it('should apply enableIf and requiredIf, with requiredIf overriding required', () => {
      const form = createForm(questionnaire([yesNo('a'), textQuestion('b', { enableIf: '{a} = true' }), textQuestion('c', { required: true, requiredIf: '{a} = true' })]));
      assert.equal(form.isEnabled('b'), false);
      assert.equal(form.isRequired('c'), false);
      form.setValue('a', true);
      assert.equal(form.isEnabled('b'), true);
      assert.equal(form.isRequired('c'), true);
    });

    it('should hide choices and likert rows by their own conditions', () => {
      const form = createForm(questionnaire([
        yesNo('a'),
        { type: 'single', name: 's', title: 's', choices: [{ value: 'x', text: 'X' }, { value: 'y', text: 'Y', visibleIf: '{a} = true' }] },
        { type: 'likert', name: 'g', title: 'g', scale: 'satisfaction-5', rows: [{ value: 'r1', text: 'R1' }, { value: 'r2', text: 'R2', visibleIf: '{a} = true' }] },
      ]));
      assert.equal(form.isItemVisible('s', 'y'), false);
      assert.equal(form.isItemVisible('g', 'r2'), false);
      form.setValue('a', true);
      assert.equal(form.isItemVisible('s', 'y'), true);
      assert.equal(form.isItemVisible('g', 'r2'), true);
    });

    it('should react to the response variables', () => {
      const form = createForm(questionnaire([textQuestion('kioskOnly', { visibleIf: "{channel} = 'kiosk'" }), textQuestion('english', { visibleIf: "{locale} = 'en'" })]), { channel: 'kiosk' });
      assert.equal(form.isVisible('kioskOnly'), true);
      assert.equal(form.isVisible('english'), false);
      form.locale = 'en';
      assert.equal(form.isVisible('english'), true);
    });

    it('should know which elements read each value', () => {
      const form = createForm(questionnaire([yesNo('a'), yesNo('b', { visibleIf: '{a} = true' }), textQuestion('c', { requiredIf: '{a} = true or {b} = true' }), textQuestion('d')]));
      assert.deepEqual(form.dependentsOf('a').sort(), ['b', 'c']);
      assert.deepEqual(form.dependentsOf('b'), ['c']);
      assert.deepEqual(form.dependentsOf('d'), []);
    });
  });

  describe('hidden answers', () => {
    const chain = [yesNo('a'), yesNo('b', { visibleIf: '{a} = true' }), textQuestion('c', { visibleIf: '{b} = true' })];

    it('should clear hidden answers at once, in a cascade, with the onHidden policy', () => {
      const form = createForm(questionnaire(chain, { clearHiddenValues: 'onHidden' }));
      form.setValue('a', true);
      form.setValue('b', true);
      form.setValue('c', 'chi tiết');
      form.setValue('a', false);
      assert.equal(form.getValue('b'), undefined);
      assert.equal(form.getValue('c'), undefined);
      assert.equal(form.isVisible('c'), false);
    });

    it('should keep hidden answers while filling and drop them on completion by default', () => {
      const form = createForm(questionnaire(chain));
      form.setValue('a', true);
      form.setValue('b', true);
      form.setValue('a', false);
      assert.equal(form.getValue('b'), true, 'kept while filling, so going back restores it');
      assert.deepEqual(form.toResponse().answers, { a: false });
      assert.equal(form.complete(), true);
      assert.equal(form.getValue('b'), undefined);
    });

    it('should keep them in the response with the never policy', () => {
      const form = createForm(questionnaire(chain, { clearHiddenValues: 'never' }));
      form.setValue('a', true);
      form.setValue('b', true);
      form.setValue('a', false);
      form.complete();
      assert.deepEqual(form.toResponse().answers, { a: false, b: true });
    });
  });

  describe('validation and pages', () => {
    it('should accept blanks on paper and stamp the paper form and collection into the response', () => {
      const paper = { serial: 'HN-0042', enumerator: 'nv01', sample: 'official' as const, spoiled: ['overall_satisfaction'] };
      const form = createForm(sipas2640, { channel: 'paper', paper, collection: { officer: 'cb07' }, now: fixedNow });
      assert.deepEqual([...form.validate().keys()], []);
      assert.equal(form.complete(), true);
      const response = form.toResponse();
      assert.deepEqual(response.paper, paper);
      assert.notEqual(response.paper!.spoiled, paper.spoiled);
      assert.deepEqual(response.collection, { officer: 'cb07' });
      assert.deepEqual(checkResponse(sipas2640, response, { now: fixedNow() }).errors, []);
      assert.equal(createForm(sipas2640).validate().has('overall_satisfaction'), true);
      // "Other" ticked without its text is what the paper says, not a typing mistake.
      const other = questionnaire([{ type: 'single', name: 'job', title: 'Nghề', choices: [{ value: 'a', text: 'A' }], other: true }]);
      const typed = createForm(other, { channel: 'paper', paper: { serial: '1' } });
      typed.setValue('job', 'other');
      assert.deepEqual([...typed.validate().keys()], []);
      const online = createForm(other);
      online.setValue('job', 'other');
      assert.deepEqual(online.validate().get('job')!.map((error) => error.code), ['other-text-missing']);
    });

    it('should show errors reported from elsewhere until the answer is edited', () => {
      const form = createForm(sipas2640);
      const changes: FormChange[] = [];
      form.subscribe((change) => changes.push(change));
      const refused = { code: 'value-not-in-scale', message: { vi: 'Không có mức này', en: 'No such level' } };
      form.reportErrors(new Map([['overall_satisfaction', [refused]], ['no_such_question', [refused]]]));
      assert.deepEqual(form.errorsOf('overall_satisfaction'), [refused]);
      assert.deepEqual(changes.map((change) => change.errors), [['overall_satisfaction']]);
      assert.equal(form.firstError, 'overall_satisfaction');
      assert.equal(form.pageOf('overall_satisfaction').name, 'overall');
      form.setValue('overall_satisfaction', 4);
      assert.deepEqual(form.errorsOf('overall_satisfaction'), []);
      assert.equal(form.firstError, undefined);
    });

    it('should require visible, enabled required questions only', () => {
      const form = createForm(questionnaire([yesNo('a'), textQuestion('b', { required: true, visibleIf: '{a} = true' }), textQuestion('c', { required: true, enableIf: '{a} = true' }), textQuestion('d', { required: true })]));
      assert.deepEqual([...form.validate().keys()], ['d']);
      form.setValue('a', true);
      assert.deepEqual([...form.validate().keys()], ['b', 'c', 'd']);
      assert.equal(form.errorsOf('b')[0]!.code, 'required');
      assert.ok(form.errorsOf('b')[0]!.message.vi.length > 0);
    });

    it('should check answers by their rules, expression rules included', () => {
      const form = createForm(questionnaire([
        textQuestion('age', { inputType: 'number', validators: [{ type: 'range', min: 18 }, { type: 'expression', expression: '{age} < 120', message: { vi: 'Tuổi không hợp lý', en: 'Implausible age' } }] }),
        textQuestion('code', { validators: [{ type: 'pattern', pattern: '^[0-9]{4}$' }] }),
      ]));
      form.setValue('age', 12);
      form.setValue('code', 'abc');
      const errors = form.validate();
      assert.equal(errors.get('age')![0]!.code, 'validation-rule');
      assert.equal(errors.get('code')![0]!.code, 'validation-rule');
      form.setValue('age', 130);
      assert.deepEqual(form.validate().get('age')!.map((e) => e.message.en), ['Implausible age']);
      form.setValue('age', 40);
      form.setValue('code', '1234');
      assert.equal(form.validate().size, 0);
    });

    it('should ask for the "other" text when "other" is chosen', () => {
      const form = createForm(questionnaire([{ type: 'single', name: 's', title: 's', other: true, choices: [{ value: 'a', text: 'A' }] }]));
      form.setValue('s', 'other');
      assert.equal(form.validate().get('s')![0]!.code, 'other-text-missing');
      form.setValue('s-other', 'Khác nữa');
      assert.equal(form.validate().size, 0);
    });

    it('should require every shown row of a likert grid marked allRowsRequired', () => {
      const form = createForm(questionnaire([{ type: 'likert', name: 'g', title: 'g', scale: 'satisfaction-5', required: true, allRowsRequired: true, rows: [{ value: 'r1', text: 'R1' }, { value: 'r2', text: 'R2' }] }]));
      form.setValue('g', { r1: 4 });
      assert.equal(form.validate().get('g')![0]!.code, 'required');
      form.setValue('g', { r1: 4, r2: '5' });
      assert.deepEqual(form.getValue('g'), { r1: 4, r2: 5 });
      assert.equal(form.validate().size, 0);
    });

    it('should page through visible pages, validating before moving on', () => {
      const form = createForm(sipas2640);
      const names = () => form.visiblePages.map((p) => p.name);
      assert.ok(!names().includes('feedback') || form.visiblePages.length > 0);
      assert.equal(form.currentPageIndex, 0);
      assert.equal(form.isFirstPage, true);
      assert.equal(form.prev(), false);
      assert.equal(form.next(), true, 'the intro page has nothing to answer');
      const respondentPage = form.currentPage!.name;
      while (form.currentPage!.name === respondentPage) if (!form.next()) break;
      assert.notEqual(form.currentPage!.name, respondentPage, 'the respondent page has no required question');
      const accessPage = form.currentPage!.name;
      assert.equal(form.next(), false, 'required grids block the way');
      assert.ok(form.errorsOf('A_criteria').length > 0);
      assert.equal(form.currentPage!.name, accessPage);
      assert.equal(form.prev(), true);
      assert.equal(form.currentPage!.name, respondentPage);
    });

    it('should skip pages whose questions are all hidden', () => {
      const form = createForm({
        formatVersion: '1.0',
        id: 'pages',
        title: 'Trang',
        pages: [
          { name: 'one', sections: [{ name: 's1', questions: [yesNo('a') as unknown as Question] }] },
          { name: 'two', sections: [{ name: 's2', questions: [textQuestion('b', { visibleIf: '{a} = true' }) as unknown as Question] }] },
          { name: 'three', sections: [{ name: 's3', questions: [textQuestion('c') as unknown as Question] }] },
        ],
      });
      assert.deepEqual(form.visiblePages.map((p) => p.name), ['one', 'three']);
      form.setValue('a', true);
      assert.deepEqual(form.visiblePages.map((p) => p.name), ['one', 'two', 'three']);
    });

    it('should count progress over shown questions that take an answer', () => {
      const form = createForm(questionnaire([{ type: 'info', name: 'i', text: 'Chào' }, yesNo('a'), textQuestion('b', { visibleIf: '{a} = true' }), textQuestion('c')]));
      assert.deepEqual(form.progress, { answered: 0, total: 2, ratio: 0 });
      form.setValue('a', true);
      assert.deepEqual(form.progress, { answered: 1, total: 3, ratio: 1 / 3 });
    });

    it('should complete only without errors, moving to the first page that has one', () => {
      const form = createForm(counter3, { channel: 'kiosk' });
      assert.equal(form.complete(), false);
      assert.equal(form.isCompleted, false);
      form.setValue('overall', 3);
      assert.equal(form.complete(), true);
      assert.equal(form.isCompleted, true);
    });
  });

  describe('text', () => {
    it('should pipe answers into texts, in the current language', () => {
      const form = createForm(questionnaire([
        { type: 'single', name: 'service', title: 'Dịch vụ', choices: [{ value: 'land', text: { vi: 'Đất đai', en: 'Land' } }] },
        { type: 'rating', name: 'r', title: { vi: 'Ông/Bà hài lòng thế nào với {service}?', en: 'How satisfied are you with {service}?' }, scale: 'satisfaction-5' },
      ]));
      form.setValue('service', 'land');
      assert.equal(form.text(form.question('r').title), 'Ông/Bà hài lòng thế nào với Đất đai?');
      form.locale = 'en';
      assert.equal(form.text(form.question('r').title), 'How satisfied are you with Land?');
      form.setValue('r', 5);
      assert.equal(form.displayValue('r'), 'Very satisfied');
      assert.equal(form.text('Vietnamese only {r}'), 'Vietnamese only Very satisfied');
    });
  });

  describe('responses', () => {
    it('should produce a response the format and the logic accept', () => {
      const form = createForm(counter3, { channel: 'kiosk', now: fixedNow });
      form.setValue('overall', 1);
      form.setValue('reason', 'Chờ lâu');
      const response = form.toResponse();
      assert.match(response.responseId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.equal(response.submittedAt, '2024-05-17T08:00:00.000Z');
      assert.deepEqual(validateResponse(counter3, response).errors, []);
      assert.deepEqual(checkResponse(counter3, response).errors, []);
    });

    it('should give each form its own response id', () => {
      assert.notEqual(createForm(counter3).responseId, createForm(counter3).responseId);
    });

    it('should take the unit from the agency question', () => {
      const form = createForm(sipas2640);
      const unit = sipas2640.sipas!.units!.items[0]!.id;
      form.setValue('agency_unit', unit);
      assert.equal(form.toResponse().unit, unit);
    });
  });

  describe('subscriptions', () => {
    it('should report each change once, with what changed, and nothing for no change', () => {
      const form = createForm(questionnaire([yesNo('a'), textQuestion('b', { visibleIf: '{a} = true' })]));
      const changes: FormChange[] = [];
      const unsubscribe = form.subscribe((change) => changes.push(change));
      form.setValue('a', true);
      form.setValue('a', true);
      assert.equal(changes.length, 1);
      assert.deepEqual(changes[0]!.values, ['a']);
      assert.deepEqual(changes[0]!.states, ['b']);
      unsubscribe();
      form.setValue('a', false);
      assert.equal(changes.length, 1);
    });
  });
});

describe('checkResponse', () => {
  const logic = questionnaire([yesNo('a'), textQuestion('b', { required: true, visibleIf: '{a} = true' }), textQuestion('age', { inputType: 'number', validators: [{ type: 'expression', expression: '{age} >= 18', message: 'Từ 18 tuổi' }] })]);
  const response = (answers: Record<string, unknown>, channel = 'online') => ({
    formatVersion: '1.0',
    responseId: '6f1d8a3e-2b7c-4e59-8a10-3c5d7e9f1a2b',
    questionnaire: { id: 'test', version: 1 },
    channel,
    submittedAt: '2024-05-17T08:00:00Z',
    locale: 'vi',
    answers,
  });
  const codes = (answers: Record<string, unknown>, channel?: string) => checkResponse(logic, response(answers, channel)).errors.map((e) => [e.code, e.path]);

  it('should refuse answers to questions the respondent could not see', () => {
    assert.deepEqual(codes({ a: false, b: 'x' }), [['hidden-answered', '/answers/b']]);
  });

  it('should demand visible required answers, except on paper', () => {
    assert.deepEqual(codes({ a: true }), [['missing-required', '/answers/b']]);
    assert.deepEqual(codes({ a: true }, 'paper'), []);
  });

  it('should apply expression rules', () => {
    assert.deepEqual(codes({ age: 16 }), [['validation-rule', '/answers/age']]);
  });

  it('should report format problems first, located', () => {
    assert.deepEqual(codes({ a: 'yes' }), [['answer-type', '/answers/a']]);
  });
});

describe('checkResponse and the clock', () => {
  const guarded = questionnaire([
    textQuestion('dob', { inputType: 'date' }),
    textQuestion('guardian', { visibleIf: "age({dob}) < 18" }),
  ]);
  const response = {
    formatVersion: '1.0',
    responseId: '6f1d8a3e-2b7c-4e59-8a10-3c5d7e9f1a2b',
    questionnaire: { id: 'test', version: 1 },
    channel: 'online',
    submittedAt: '2024-05-01T03:00:00Z',
    locale: 'vi',
    answers: { dob: '2008-01-01', guardian: 'Mẹ' },
  };

  it('should judge a response as it was when submitted, not as it would be today', () => {
    assert.deepEqual(checkResponse(guarded, response).errors, []);
    assert.deepEqual(checkResponse(guarded, response, { now: new Date('2030-01-01T00:00:00Z') }).errors.map((e) => e.code), ['hidden-answered']);
  });
});
