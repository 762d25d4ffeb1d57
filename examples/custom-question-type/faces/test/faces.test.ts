/**
 * The faces type without a page: its semantics, a questionnaire using it (valid only where the type
 * is registered), responses checked as the server checks them, the index it feeds, and its SurveyJS
 * mapping through survey-core and back.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Model, Serializer, type Question as SurveyQuestion } from 'survey-core';
import { listQuestions, QuestionTypeRegistry, validateQuestionnaire, type Question, type Questionnaire, type Response } from '@sipas/schema';
import { checkResponse, createForm, createTypeRegistry, defineQuestionType, type AnswerContext } from '@sipas/core';
import { computeIndex, type NodeResult } from '@sipas/index';
import { fromSurveyJS, SURVEYJS_CUSTOM_PROPERTIES, toSurveyJS } from '@sipas/surveyjs';
import faces from '../type.js';

const service: Question = { type: 'faces', name: 'service', title: { vi: 'Ông/Bà hài lòng với sự phục vụ?', en: 'Are you satisfied with the service?' }, levels: 3, required: true };
const attitude: Question = { type: 'faces', name: 'attitude', title: { vi: 'Thái độ của công chức', en: "The officer's attitude" } };

/** A counter questionnaire: a 3-face and a 5-face question, each an item of the index. */
function counterQuestionnaire(): Questionnaire {
  return {
    formatVersion: '1.0',
    id: 'faces-counter',
    version: 1,
    title: { vi: 'Đánh giá tại quầy', en: 'Counter rating' },
    sipas: {
      index: {
        root: {
          id: 'HL',
          method: 'mean',
          children: [
            { id: 'DV', source: { question: 'service' } },
            { id: 'TD', source: { question: 'attitude' } },
            // The node's own set wins over the type's: only the happiest face.
            { id: 'DV3', source: { question: 'service' }, satisfied: [3], weight: 0 },
          ],
        },
      },
    },
    pages: [{ name: 'p1', sections: [{ name: 's1', questions: [structuredClone(service), structuredClone(attitude)] }] }],
  };
}

let serial = 0;
function response(answers: Record<string, number>): Response {
  serial += 1;
  return {
    formatVersion: '1.0',
    responseId: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    questionnaire: { id: 'faces-counter', version: 1 },
    channel: 'kiosk',
    submittedAt: '2025-03-04T08:00:00Z',
    locale: 'vi',
    answers,
  };
}

const context = (question: Question): AnswerContext => ({ questionnaire: counterQuestionnaire(), question });

describe('faces type', () => {
  describe('semantics', () => {
    it('should normalize kiosk and spreadsheet text to the level, and clear empty values', () => {
      const normalize = faces.normalize!;
      assert.equal(normalize('4', context(attitude)), 4);
      assert.equal(normalize(' 2 ', context(attitude)), 2);
      assert.equal(normalize(3, context(attitude)), 3);
      assert.equal(normalize('', context(attitude)), undefined);
      assert.equal(normalize(null, context(attitude)), undefined);
      // Not a level: kept, for the checks to report rather than silently dropped.
      assert.equal(normalize('rất vui', context(attitude)), 'rất vui');
    });

    it('should accept levels 1 to the question\'s number of faces, in both languages otherwise', () => {
      const validate = faces.validate!;
      assert.deepEqual(validate(3, context(service)), []);
      assert.deepEqual(validate(5, context(attitude)), []);
      const [problem, ...rest] = validate(4, context(service));
      assert.equal(rest.length, 0);
      assert.equal(problem?.code, 'out-of-scale');
      assert.match(problem!.message.vi, /từ 1 đến 3/);
      assert.match(problem!.message.en, /from 1 to 3/);
    });

    it('should offer 1..levels as values and count the "satisfied" faces as SIPAS does', () => {
      const { answerValues, satisfiedValues } = faces.schema!;
      assert.deepEqual(answerValues!(service), [1, 2, 3]);
      assert.deepEqual(answerValues!(attitude), [1, 2, 3, 4, 5], 'five faces when levels is absent');
      // Hài lòng and Rất hài lòng: 2 and 3 of Không hài lòng / Hài lòng / Rất hài lòng, 4 and 5 of five.
      assert.deepEqual(satisfiedValues!(service), [2, 3]);
      assert.deepEqual(satisfiedValues!(attitude), [4, 5]);
    });
  });

  describe('questionnaires and responses', () => {
    it('should make a questionnaire valid only where the type is registered', () => {
      const questionnaire = counterQuestionnaire();
      const bare = validateQuestionnaire(questionnaire, { types: new QuestionTypeRegistry() });
      assert.ok(bare.errors.some((e) => e.code === 'unknown-type' && e.path === '/pages/0/sections/0/questions/0/type'), JSON.stringify(bare.errors));

      const schemas = new QuestionTypeRegistry();
      defineQuestionType(faces, createTypeRegistry(schemas));
      assert.deepEqual(validateQuestionnaire(questionnaire, { types: schemas }).errors, []);

      const fourFaces = counterQuestionnaire();
      Object.assign(fourFaces.pages[0]!.sections[0]!.questions[0]!, { levels: 4 });
      assert.deepEqual(
        validateQuestionnaire(fourFaces, { types: schemas }).errors.map((e) => [e.code, e.path]),
        [['not-allowed-value', '/pages/0/sections/0/questions/0/levels']],
      );
      const relabelled = counterQuestionnaire();
      Object.assign(relabelled.pages[0]!.sections[0]!.questions[1]!, { labels: ['Tệ', 'Tốt'] });
      assert.deepEqual(validateQuestionnaire(relabelled, { types: schemas }).errors.map((e) => e.code), ['unknown-property']);
    });

    it('should make the designer\'s new question a valid one', () => {
      const schemas = new QuestionTypeRegistry();
      defineQuestionType(faces, createTypeRegistry(schemas));
      const questionnaire = counterQuestionnaire();
      questionnaire.pages[0]!.sections[0]!.questions.push({ ...faces.designer!.defaults, type: 'faces', name: 'faces1' } as Question);
      assert.deepEqual(validateQuestionnaire(questionnaire, { types: schemas }).errors, []);
    });

    it('should check answers in a form and in a submitted response by the question\'s faces', () => {
      const schemas = new QuestionTypeRegistry();
      const types = createTypeRegistry(schemas);
      defineQuestionType(faces, types);
      const questionnaire = counterQuestionnaire();

      const form = createForm(questionnaire, { types, channel: 'kiosk' });
      assert.deepEqual(form.validate().get('service')?.map((e) => e.code), ['required']);
      form.setValue('service', '2');
      assert.equal(form.getValue('service'), 2);
      form.setValue('attitude', 5);
      assert.equal(form.validate().size, 0);

      const codes = (answers: Record<string, number>) => checkResponse(questionnaire, response(answers), { types }).errors.map((e) => `${e.code} ${e.path}`);
      assert.deepEqual(codes({ service: 3, attitude: 5 }), []);
      assert.deepEqual(codes({ service: 4 }), ['out-of-scale /answers/service'], 'three faces have no fourth');
      assert.deepEqual(codes({ service: 2, attitude: 6 }), ['out-of-range /answers/attitude']);
      assert.deepEqual(codes({ attitude: 4 }), ['missing-required /answers/service']);
    });
  });

  describe('index', () => {
    // The index engine reads the process's shared registries, as a server does.
    const types = createTypeRegistry();
    before(() => defineQuestionType(faces, types));
    after(() => types.remove('faces'));

    it('should count the satisfied faces of each item, and the mean of the items', () => {
      const questionnaire = counterQuestionnaire();
      assert.deepEqual(validateQuestionnaire(questionnaire).errors, []);
      const responses = [
        response({ service: 3, attitude: 5 }), // both satisfied
        response({ service: 2, attitude: 3 }), // service satisfied; "Bình thường" is not
        response({ service: 1, attitude: 4 }), // attitude satisfied
        response({ service: 1 }), // attitude left blank: not in its n_valid
      ];
      const report = computeIndex(questionnaire, responses);
      const root = report.overall.root;
      const node = (id: string) => root.children?.find((child: NodeResult) => child.id === id);

      // DV: faces 2 and 3 of three; 2 of 4 answers.
      assert.equal(node('DV')?.nValid, 4);
      assert.equal(node('DV')?.satisfied, 2);
      assert.equal(node('DV')?.index, 50);
      assert.equal(node('DV')?.distribution?.['1'], 2);
      // TD: faces 4 and 5 of five; 2 of the 3 answers given.
      assert.equal(node('TD')?.nValid, 3);
      assert.equal(node('TD')?.satisfied, 2);
      assert.ok(Math.abs(node('TD')!.index! - 200 / 3) < 1e-9, String(node('TD')?.index));
      // DV3 counts only the happiest face (1 of 4), and its weight 0 keeps it out of the mean.
      assert.equal(node('DV3')?.index, 25);
      assert.ok(Math.abs(root.index! - (50 + 200 / 3) / 2) < 1e-9, String(root.index));
    });
  });

  describe('SurveyJS', () => {
    before(() => {
      for (const { className, name } of SURVEYJS_CUSTOM_PROPERTIES) {
        if (!Serializer.findProperty(className, name)) Serializer.addProperty(className, { name, visible: false });
      }
    });

    it('should load in survey-core as a rating drawn with smileys, and come back exactly', () => {
      const schemas = new QuestionTypeRegistry();
      const types = createTypeRegistry(schemas);
      defineQuestionType(faces, types);
      const questionnaire = counterQuestionnaire();

      const { json, warnings } = toSurveyJS(questionnaire, { types });
      assert.deepEqual(warnings, []);
      const model = new Model(json);
      assert.deepEqual(model.jsonErrors ?? [], []);
      const rating = model.getQuestionByName('service') as SurveyQuestion & { rateType: string; visibleRateValues: { value: unknown; text: string }[] };
      assert.equal(rating.getType(), 'rating');
      assert.equal(rating.rateType, 'smileys');
      assert.equal(rating.isRequired, true);
      const levels = () => rating.visibleRateValues.map((item) => [item.value, item.text]);
      assert.deepEqual(levels(), [[1, 'Không hài lòng'], [2, 'Hài lòng'], [3, 'Rất hài lòng']]);
      model.locale = 'en';
      assert.deepEqual(levels(), [[1, 'Dissatisfied'], [2, 'Satisfied'], [3, 'Very satisfied']]);
      assert.equal((model.getQuestionByName('attitude') as SurveyQuestion & { visibleRateValues: unknown[] }).visibleRateValues.length, 5);

      const { questionnaire: back } = fromSurveyJS(model.toJSON(), { types: schemas });
      assert.deepEqual(validateQuestionnaire(back, { types: schemas }).errors, []);
      assert.deepEqual(
        listQuestions(back).map(({ question }) => question),
        listQuestions(questionnaire).map(({ question }) => question),
      );
    });
  });
});
