// The data-entry sheet's DOM-free model (src/modes/entry): items and codes, what digits mean, the
// paper block, the double-entry comparison and the key plan the keyboard tests type.
import { expect } from '@open-wc/testing';
import { Form, checkResponse, seededRandom, simulateResponse } from '@sipas/core';
import { sipas1001, sipas2640 } from '@sipas/templates';
import type { Questionnaire } from '@sipas/schema';
import { codedOptions, entrySteps, fold, matchOptions, resolveCode, stepAfter, type EntryOption } from '../../src/modes/entry/entry-steps.js';
import { normalizeSerial } from '@sipas/schema';
import { compareEntries, paperOf, resolveEntries, type EntrySnapshot } from '../../src/modes/entry/entry-record.js';
import { planKeys } from '../../src/modes/entry/key-plan.js';

const paperForm = (questionnaire: Questionnaire) => new Form(questionnaire, { channel: 'paper' });
const options = (...codes: string[]): EntryOption[] => codes.map((code) => ({ code, value: code, label: `option ${code}` }));
const question = (questionnaire: Questionnaire, name: string) => questionnaire.pages.flatMap((page) => page.sections.flatMap((section) => section.questions)).find((q) => q.name === name)!;

describe('data-entry model', () => {
  describe('items', () => {
    it('should list every shown item of the 2640 form in order, a line per likert row, numbered as printed', () => {
      const form = paperForm(sipas2640);
      const steps = entrySteps(form);
      expect(steps.slice(0, 8).map((step) => [step.id, step.number, step.kind])).to.deep.equal([
        ['gender', '1', 'pick'],
        ['age_group', '2', 'pick'],
        ['ethnicity', '3', 'pick'],
        ['education', '4', 'pick'],
        ['occupation', '5', 'pick'],
        ['service_field_used', '6', 'dropdown'],
        ['agency_unit', '7', 'dropdown'],
        ['A_criteria.A1', '8.1', 'pick'],
      ]);
      expect(steps.find((step) => step.id === 'A_criteria.A1')!.rowCode).to.equal('A1');
      // E criteria are hidden until feedback was given: 33 items, then 38.
      expect(steps.length).to.equal(33);
      form.setValue('feedback_given', true);
      expect(entrySteps(form).length).to.equal(38);
      expect(stepAfter(entrySteps(form), entrySteps(form).find((step) => step.id === 'feedback_given')!.order)!.id).to.equal('E_criteria.E1');
    });

    it('should add the text of "other" right after its question once "other" is chosen', () => {
      const form = paperForm(sipas2640);
      form.setValue('ethnicity', 'other');
      const ids = entrySteps(form).map((step) => step.id);
      expect(ids.slice(ids.indexOf('ethnicity'), ids.indexOf('ethnicity') + 3)).to.deep.equal(['ethnicity', 'ethnicity-other', 'education']);
      expect(entrySteps(form).find((step) => step.id === 'ethnicity-other')!.number).to.equal('3+');
    });

    it('should number by the questions’ codes when every question has one, as the printed 1001 form does', () => {
      const steps = entrySteps(paperForm(sipas1001));
      expect(steps[0]!.number).to.equal('R1');
      expect(steps.find((step) => step.name === 'Q1')!.number).to.equal('Q1.1');
    });
  });

  describe('codes', () => {
    it('should type numeric scales by their level values and other lists by position, extras after them', () => {
      expect(codedOptions(sipas2640, question(sipas2640, 'A_satisfaction'), 'vi').map((option) => [option.code, option.value])).to.deep.equal([
        ['1', 1],
        ['2', 2],
        ['3', 3],
        ['4', 4],
        ['5', 5],
      ]);
      const occupation = codedOptions(sipas2640, question(sipas2640, 'occupation'), 'vi');
      expect(occupation.at(-1)).to.deep.include({ code: '9', value: 'other' });
      expect(codedOptions(sipas2640, question(sipas2640, 'feedback_given'), 'vi').map((option) => [option.code, option.value])).to.deep.equal([
        ['1', true],
        ['2', false],
      ]);
      // The experience scale stores 1 and 0: 0 cannot be a code (it marks a blank), so positions are used.
      const experience = codedOptions(sipas1001, question(sipas1001, 'Q8'), 'vi');
      expect(experience.map((option) => [option.code, option.value])).to.deep.equal([
        ['1', 1],
        ['2', 0],
      ]);
    });

    it('should pick a whole code at once and wait while a longer code starts with the digits', () => {
      const sixteen = options(...Array.from({ length: 16 }, (_, i) => String(i + 1)));
      expect(resolveCode(sixteen, '2')).to.deep.equal({ kind: 'pick', option: sixteen[1] });
      expect(resolveCode(sixteen, '1')).to.deep.equal({ kind: 'pending', exact: sixteen[0] });
      expect(resolveCode(sixteen, '13')).to.deep.equal({ kind: 'pick', option: sixteen[12] });
      expect(resolveCode(sixteen, '17')).to.deep.equal({ kind: 'invalid' });
      expect(resolveCode(options('1', '2', '3'), '7')).to.deep.equal({ kind: 'invalid' });
    });

    it('should find names without their diacritics', () => {
      expect(fold('Xây dựng Đường')).to.equal('xay dung duong');
      const fields = codedOptions(sipas2640, question(sipas2640, 'service_field_used'), 'vi');
      expect(matchOptions(fields, 'xay dung').map((option) => option.label)).to.include('Xây dựng');
    });
  });

  describe('records', () => {
    it('should write the paper block with the spoiled items shown, normalized serial, no blanks', () => {
      const form = paperForm(sipas2640);
      const steps = entrySteps(form);
      const marks = new Map([
        ['A_criteria.A2', 'spoiled' as const],
        ['gender', 'blank' as const],
        ['E_criteria.E1', 'spoiled' as const], // hidden: not listed
      ]);
      expect(paperOf({ serial: ' ab  012 ', enumerator: 'DTV-3', sample: 'reserve' }, marks, steps)).to.deep.equal({
        serial: 'AB 012',
        enumerator: 'DTV-3',
        sample: 'reserve',
        spoiled: ['A_criteria.A2'],
      });
      expect(normalizeSerial('  7 ')).to.equal('7');
    });

    it('should list the items where two entries differ, a blank and an absent answer being the same', () => {
      const first: EntrySnapshot = {
        serial: '42',
        enumerator: 'A',
        sample: 'official',
        answers: { gender: 'male', A_criteria: { A1: 4, A2: 5 }, expectations: ['attitude', 'online_services'] },
        marks: { age_group: 'blank', 'A_criteria.A3': 'spoiled' },
      };
      const second: EntrySnapshot = {
        serial: '42',
        enumerator: 'A',
        sample: 'official',
        answers: { gender: 'male', A_criteria: { A1: 3, A2: 5, A3: 2 }, expectations: ['online_services', 'attitude'] },
        marks: {},
      };
      const differences = compareEntries(sipas2640, first, second, 'vi');
      expect(differences.map((difference) => [difference.id, difference.number, difference.firstText, difference.secondText])).to.deep.equal([
        ['A_criteria.A1', '8.1', '4 · Hài lòng', '3 · Bình thường'],
        ['A_criteria.A3', '8.3', 'Hỏng (nhiều ô)', '2 · Không hài lòng'],
      ]);
      const resolved = resolveEntries(sipas2640, first, second, new Map([['A_criteria.A1', 'first'], ['A_criteria.A3', 'first']]));
      expect(resolved.answers.A_criteria).to.deep.equal({ A1: 4, A2: 5 });
      expect(resolved.marks).to.deep.equal({ 'A_criteria.A3': 'spoiled' });
    });
  });

  describe('key plan', () => {
    it('should type any simulated 2640 form in at most one key per item plus three', () => {
      for (let seed = 1; seed <= 200; seed++) {
        const response = simulateResponse(sipas2640, { random: seededRandom(seed), channels: ['paper'] });
        const plan = planKeys(sipas2640, { serial: String(seed), answers: response.answers });
        expect(plan.presses, `seed ${seed}`).to.be.at.most(plan.items + 3);
        expect(checkResponse(sipas2640, { ...response, paper: { serial: String(seed) } }).valid).to.equal(true);
      }
    });
  });
});
