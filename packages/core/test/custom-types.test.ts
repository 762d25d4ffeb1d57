import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { QuestionTypeError, QuestionTypeRegistry, questionTypes, type Question, type Questionnaire } from '@sipas/schema';
import {
  checkResponse,
  coreTypes,
  createForm,
  createTypeRegistry,
  defineQuestionType,
  Form,
  QuestionnaireLoadError,
  seededRandom,
  simulateResponse,
  type QuestionTypeDefinition,
} from '@sipas/core';

/** A faces rating of 3 or 5 levels whose answers are 1..5, as a kiosk extension would define it. */
const faces = (type = 'faces'): QuestionTypeDefinition => ({
  type,
  schema: {
    properties: { type: 'object', required: ['levels'], properties: { levels: { enum: [3, 5] } } },
    answer: { type: 'integer', minimum: 1, maximum: 5 },
  },
  normalize: (value) => (value === undefined || value === null || value === '' ? undefined : Number(value)),
  // The type's own rule, beyond the shape: a three-face question has no fourth or fifth face.
  validate: (value, { question }) =>
    (question as { levels?: number }).levels === 3 && Number(value) > 3
      ? [{ code: 'no-such-face', message: { vi: 'Không có mặt này', en: 'There is no such face' } }]
      : [],
});

function questionnaireWith(type: string, question: Record<string, unknown> = {}): Questionnaire {
  return {
    formatVersion: '1.0',
    id: 'custom',
    title: 'Loại câu hỏi tự định nghĩa',
    pages: [{ name: 'p1', sections: [{ name: 's1', questions: [{ type, name: 'mood', title: 'Hôm nay thế nào?', levels: 3, required: true, ...question } as unknown as Question] }] }],
  };
}

const response = (answers: Record<string, unknown>) => ({
  formatVersion: '1.0',
  responseId: '0b7c4f5e-8a41-4c1e-9f3e-2d6a1b9c7e10',
  questionnaire: { id: 'custom', version: 1 },
  channel: 'kiosk',
  submittedAt: '2024-05-17T08:00:00Z',
  locale: 'vi',
  answers,
});

describe('custom question types', () => {
  it('should validate a custom type end to end on an isolated registry', () => {
    const schemas = new QuestionTypeRegistry();
    const types = createTypeRegistry(schemas);
    defineQuestionType(faces(), types);
    assert.ok(schemas.has('faces'), 'the schema part is registered with the registry\'s schema registry');

    // Questionnaire validation uses the properties fragment.
    assert.throws(
      () => createForm(questionnaireWith('faces', { levels: 4 }), { types }),
      (error: unknown) => error instanceof QuestionnaireLoadError && error.errors.some((e) => e.code === 'not-allowed-value' && e.path.endsWith('/levels')),
    );
    const form = createForm(questionnaireWith('faces'), { types });

    // The answer fragment is checked first, then the type's own rule.
    form.setValue('mood', '9');
    assert.deepEqual(form.validate().get('mood')?.map((e) => e.code), ['out-of-range']);
    form.setValue('mood', '4');
    assert.deepEqual(form.validate().get('mood')?.map((e) => e.code), ['no-such-face']);
    form.setValue('mood', '2');
    assert.equal(form.validate().size, 0);
    assert.equal(form.complete(), true);

    // So does the server's check of a submitted response.
    const questionnaire = questionnaireWith('faces');
    assert.deepEqual(checkResponse(questionnaire, response({ mood: 2 }), { types }).errors, []);
    assert.deepEqual(checkResponse(questionnaire, response({ mood: 1.5 }), { types }).errors.map((e) => e.code), ['type']);
    assert.deepEqual(checkResponse(questionnaire, response({ mood: 5 }), { types }).errors.map((e) => e.code), ['no-such-face']);

    // Removing the type takes its schema part out too.
    assert.equal(types.remove('faces'), true);
    assert.equal(schemas.has('faces'), false);
    assert.throws(() => new Form(questionnaireWith('faces'), { types }), (error: unknown) => error instanceof QuestionnaireLoadError && error.errors[0]!.code === 'unknown-type');
  });

  it('should register with the shared registries by default', () => {
    defineQuestionType(faces('faces-shared'));
    try {
      assert.ok(questionTypes.has('faces-shared'));
      const form = createForm(questionnaireWith('faces-shared'));
      form.setValue('mood', 0);
      assert.deepEqual(form.validate().get('mood')?.map((e) => e.code), ['out-of-range']);
    } finally {
      coreTypes.remove('faces-shared');
    }
    assert.equal(questionTypes.has('faces-shared'), false);
    assert.equal(coreTypes.has('faces-shared'), false);
  });

  it('should accept only scalars for a custom type without an answer fragment', () => {
    const types = createTypeRegistry(new QuestionTypeRegistry());
    defineQuestionType({ type: 'note', schema: { properties: { type: 'object', properties: { levels: { type: 'integer' } } } } }, types);
    const form = createForm(questionnaireWith('note'), { types });
    form.setValue('mood', { a: 1 });
    assert.deepEqual(form.validate().get('mood')?.map((e) => e.code), ['answer-type']);
    form.setValue('mood', 'ổn');
    assert.equal(form.validate().size, 0);
  });

  it('should refuse custom types that cannot be checked', () => {
    const schemas = new QuestionTypeRegistry();
    const types = createTypeRegistry(schemas);
    const refused = (define: () => unknown, english: RegExp) =>
      assert.throws(define, (error: unknown) => error instanceof QuestionTypeError && english.test(error.localized.en) && error.localized.vi.length > 0);
    refused(() => types.define(faces()), /must be defined with defineQuestionType/);
    refused(() => defineQuestionType({ type: 'bare' }, types), /needs its schema fragment/);
    refused(() => defineQuestionType({ type: 'odd', schema: { properties: { type: 'object', patternProperties: {} } } }, types), /schema fragment of type "odd" is invalid/);
    refused(() => defineQuestionType({ type: 'text' }, types), /already registered/);
    defineQuestionType(faces(), types);
    refused(() => defineQuestionType(faces(), types), /already registered/);
    assert.deepEqual(types.names().filter((name) => !['text', 'comment', 'single', 'dropdown', 'rating', 'multiple', 'likert', 'boolean', 'info'].includes(name)), ['faces']);
    assert.deepEqual(schemas.names(), ['faces']);
  });

  it('should refuse a definition whose element, designer, SurveyJS or hook parts are malformed, registering nothing', () => {
    const schemas = new QuestionTypeRegistry();
    const types = createTypeRegistry(schemas);
    const refused = (parts: Partial<QuestionTypeDefinition>, english: RegExp) =>
      assert.throws(
        () => defineQuestionType({ ...faces(), ...parts } as QuestionTypeDefinition, types),
        (error: unknown) => error instanceof QuestionTypeError && english.test(error.localized.en) && /^Loại câu hỏi "faces"/.test(error.localized.vi),
      );
    class Element {}
    refused({ element: { tag: 'faces', class: Element } }, /element\.tag "faces" is not a custom element name/);
    refused({ element: { tag: 'Sipas-Faces', class: Element } }, /is not a custom element name/);
    refused({ element: { tag: 'sipas-faces', class: 'SipasFaces' as never } }, /element\.class must be the element's class/);
    refused({ designer: { label: { vi: 'Mặt cười' } as never } }, /designer\.label needs both "vi" and "en"/);
    refused({ surveyjs: { toSurveyJS: { type: 'rating' } as never } }, /surveyjs\.toSurveyJS must be a function/);
    refused({ validate: [] as never }, /validate must be a function/);
    refused({ exportColumns: {} as never }, /exportColumns must be a function/);
    refused({ schema: { ...faces().schema!, answerValues: [1, 2, 3] as never } }, /schema\.answerValues must be a function/);
    refused({ schema: { ...faces().schema!, checkQuestion: 'no' as never } }, /schema\.checkQuestion must be a function/);
    refused({ designer: { label: { vi: 'Mặt', en: 'Faces' }, group: 'smiles' as never } }, /designer\.group must be one of choice, scale, text, other/);
    refused({ designer: { label: { vi: 'Mặt', en: 'Faces' }, defaults: 'levels: 5' as never } }, /designer\.defaults must be a JSON object/);
    refused({ designer: { label: { vi: 'Mặt', en: 'Faces' }, defaults: { make: () => 5 } } }, /designer\.defaults must be a JSON object/);
    refused({ designer: { label: { vi: 'Mặt', en: 'Faces' }, editors: { levels: 'LevelsEditor' } } }, /designer\.editors\.levels must be a custom element name/);
    const label = { vi: 'Mặt', en: 'Faces' };
    refused({ designer: { label, properties: { levels: { label: { vi: 'Số mặt' } as never } } } }, /designer\.properties\.levels\.label needs both "vi" and "en"/);
    refused({ designer: { label, properties: { levels: 'Số mặt' as never } } }, /designer\.properties\.levels\.label needs both/);
    refused({ designer: { label, properties: { levels: { label, description: 'Gợi ý' as never } } } }, /designer\.properties\.levels\.description needs both "vi" and "en"/);
    refused({ designer: { label, properties: { level: { label } } } }, /designer\.properties\.level: schema\.properties declares no property "level"/);
    refused({ designer: { label, properties: { 'levels.count': { label } } } }, /designer\.properties\.levels\.count: schema\.properties declares no property "levels\.count"/);
    refused({ schema: { properties: { type: 'object' }, answer: { type: 'integer' } }, designer: { label, properties: { levels: { label } } } }, /declares no property "levels"/);
    refused({ designer: { label, properties: [] as never } }, /designer\.properties must be an object keyed by property name/);
    assert.equal(types.has('faces'), false);
    assert.deepEqual(schemas.names(), [], 'nothing half-registered');
  });

  it('should keep every part of the definition for the packages that read them', () => {
    const types = createTypeRegistry(new QuestionTypeRegistry());
    class Element {}
    const designer = {
      label: { vi: 'Mặt cười', en: 'Faces' },
      icon: '☺',
      group: 'scale' as const,
      defaults: { levels: 5 },
      properties: { levels: { label: { vi: 'Số mặt', en: 'Number of faces' }, description: { vi: '3 hoặc 5', en: '3 or 5' } } },
    };
    const surveyjs = { toSurveyJS: () => ({ type: 'rating', rateType: 'smileys' }) };
    const exportColumns = () => [{ key: 'mood' }];
    defineQuestionType({ ...faces(), element: { tag: 'test-faces', class: Element }, designer, surveyjs, exportColumns }, types);
    const registered = types.get('faces')!;
    assert.deepEqual(registered.element, { tag: 'test-faces', class: Element });
    assert.equal(registered.designer, designer);
    assert.equal(registered.surveyjs, surveyjs);
    assert.deepEqual(registered.exportColumns!({} as Question), [{ key: 'mood' }]);
  });

  it('should simulate answers of a custom type from its answer values, valid by its semantics', () => {
    const definition = faces('faces-simulated');
    defineQuestionType({ ...definition, schema: { ...definition.schema!, answerValues: (question) => ((question as { levels?: number }).levels === 3 ? [1, 2, 3] : [1, 2, 3, 4, 5]) } });
    try {
      const questionnaire = questionnaireWith('faces-simulated');
      const random = seededRandom(7);
      const answers = Array.from({ length: 40 }, () => simulateResponse(questionnaire, { random, answerRate: 1 }));
      assert.ok(answers.every((simulated) => checkResponse(questionnaire, simulated).valid));
      assert.deepEqual([...new Set(answers.map((simulated) => simulated.answers.mood))].sort(), [1, 2, 3]);
    } finally {
      coreTypes.remove('faces-simulated');
    }
  });

  it('should turn a throwing hook into a located refusal or a fallback, never a crash', () => {
    const types = createTypeRegistry(new QuestionTypeRegistry());
    const definition = faces('faces-broken');
    defineQuestionType(
      {
        ...definition,
        schema: { ...definition.schema!, answerValues: () => { throw new Error('no values'); } },
        normalize: () => { throw new Error('no normalize'); },
        validate: () => { throw new TypeError('boom'); },
        exportColumns: () => { throw new Error('no columns'); },
      },
      types,
    );
    const questionnaire = questionnaireWith('faces-broken');
    const form = createForm(questionnaire, { types });
    form.setValue('mood', 2);
    assert.equal(form.getValue('mood'), 2, 'a failed normalize keeps the value as it came');
    const [problem] = form.validate().get('mood') ?? [];
    assert.equal(problem?.code, 'type-hook-failed');
    assert.match(problem!.message.en, /validate of type "faces-broken" failed \(boom\)/);
    const checked = checkResponse(questionnaire, response({ mood: 2 }), { types });
    assert.deepEqual(checked.errors.map((e) => [e.path, e.code]), [['/answers/mood', 'type-hook-failed']]);
    assert.equal(types.get('faces-broken')!.exportColumns!({} as Question), undefined, 'the default column instead');
    assert.equal(types.schemas!.get('faces-broken')!.answerValues!({} as Question), undefined, 'not an index source, rather than a crash');
  });

  it('should refuse a response to a questionnaire of a type this process does not know, even unanswered', () => {
    const types = createTypeRegistry(new QuestionTypeRegistry());
    const checked = checkResponse(questionnaireWith('faces-unknown', { required: false }), response({}), { types });
    assert.equal(checked.valid, false);
    assert.deepEqual(checked.errors.map((e) => [e.path, e.code]), [['/answers/mood', 'unknown-type']]);
  });

  it('should refuse a second, different schema under a name, and take out only what it registered', () => {
    const schemas = new QuestionTypeRegistry();
    const first = createTypeRegistry(schemas);
    const second = createTypeRegistry(schemas);
    const definition = faces('faces-twice');
    defineQuestionType(definition, first);
    // The same definition on a second engine registry sharing the schemas is fine…
    defineQuestionType(definition, second);
    // …a different one under the name is not.
    assert.throws(() => defineQuestionType(faces('faces-twice'), createTypeRegistry(schemas)), /already registered/);
    second.remove('faces-twice');
    assert.ok(schemas.has('faces-twice'), 'the registry that did not register the schema part leaves it');
    first.remove('faces-twice');
    assert.equal(schemas.has('faces-twice'), false);
  });

  it('should keep one shared registry per page or process, however many copies of the engine load', () => {
    // A second bundle's copy of @sipas/core finds the registries under the same global keys.
    const scope = globalThis as unknown as Record<symbol, unknown>;
    assert.equal(scope[Symbol.for('sipas-forms@1/question-types')], coreTypes);
    assert.equal(scope[Symbol.for('sipas-forms@1/question-schemas')], questionTypes);
  });
});
