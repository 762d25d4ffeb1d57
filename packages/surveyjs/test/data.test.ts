import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Model } from 'survey-core';
import { validateResponse, type Answer } from '@sipas/schema';
import { answersToSurveyJSData, surveyJSDataToAnswers, toSurveyJS } from '@sipas/surveyjs';
import { compactAllTypes, questionnaireWith } from './helpers.js';

/** A complete set of answers to the compact fixture, one of every shape. */
const answers: Record<string, Answer> = {
  commune: 'p1-c1',
  full_name: 'Nguyễn Văn A',
  phone: '0912345678',
  age: 42,
  gender: 'other',
  'gender-other': 'Không muốn nói',
  contact_ways: ['counter', 'portal'],
  first_visit: false,
  visit_date: '2025-03-04',
  overall: 2,
  criteria: { waiting: 1, attitude: 'na', cleanliness: 5 },
  recommend: 3,
  reason: 'Chờ lâu',
};

const response = (given: Record<string, Answer>) => ({
  formatVersion: '1.0',
  responseId: '3f0b6c1e-9d2a-4c8e-9f10-2a3b4c5d6e7f',
  questionnaire: { id: compactAllTypes.id, version: 1 },
  channel: 'online' as const,
  submittedAt: '2025-03-04T08:00:00Z',
  locale: 'vi',
  answers: given,
});

describe('answers ↔ SurveyJS data', () => {
  it('should give back our answers from values set one by one in survey-core', () => {
    const model = new Model(toSurveyJS(compactAllTypes).json);
    for (const [name, value] of Object.entries(answers)) {
      if (name.endsWith('-other')) model.setComment(name.slice(0, -'-other'.length), value as string);
      else model.setValue(name, value);
    }
    assert.equal(model.getValue('gender-Comment'), 'Không muốn nói');
    const mapped = surveyJSDataToAnswers(model.data, compactAllTypes);
    assert.deepEqual(mapped, answers);
    assert.deepEqual(validateResponse(compactAllTypes, response(mapped)).errors, []);
  });

  it('should load our answers into survey-core as its data', () => {
    const model = new Model(toSurveyJS(compactAllTypes).json);
    model.data = answersToSurveyJSData(answers, compactAllTypes);
    assert.equal(model.getQuestionByName('gender').comment, 'Không muốn nói');
    assert.deepEqual(model.getValue('criteria'), { waiting: 1, attitude: 'na', cleanliness: 5 });
    assert.equal(model.getQuestionByName('reason').isVisible, true);
    assert.deepEqual(surveyJSDataToAnswers(model.data, compactAllTypes), answers);
  });

  it('should keep the value of a none option with a value of its own', () => {
    const q = questionnaireWith([{ type: 'multiple', name: 'm', title: 'M', choices: [{ value: 'a', text: 'A' }], none: { value: 0 } }]);
    const model = new Model(toSurveyJS(q).json);
    model.setValue('m', [0]);
    assert.deepEqual(surveyJSDataToAnswers(model.data, q), { m: [0] });
  });

  it('should leave out what is not given and what names no question', () => {
    const data = {
      full_name: '',
      contact_ways: [],
      criteria: { waiting: null },
      overall: null,
      'full_name-Comment': 'a comment our format has no place for',
      'gender-Comment': '',
      total: 12,
      age: 30,
    };
    assert.deepEqual(surveyJSDataToAnswers(data, compactAllTypes), { age: 30 });
  });

  it('should leave out answers to unknown questions when going to SurveyJS', () => {
    assert.deepEqual(answersToSurveyJSData({ age: 30, Q99: 'x', 'age-other': 'y' }, compactAllTypes), { age: 30 });
  });
});
