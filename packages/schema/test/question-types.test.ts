import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  QuestionTypeError,
  QuestionTypeRegistry,
  validateQuestionnaire,
  validateResponse,
  type Questionnaire,
  type QuestionTypeSchema,
} from '@sipas/schema';

/** A faces rating of 3 or 5 levels, as a kiosk extension would register it. */
const faces: QuestionTypeSchema = {
  type: 'faces',
  properties: {
    type: 'object',
    required: ['levels'],
    properties: {
      levels: { enum: [3, 5] },
      labels: { type: 'array', items: { $ref: '#/$defs/LocalizedString' }, maxItems: 5 },
    },
  },
  answer: { type: 'integer', minimum: 1, maximum: 5 },
  answerValues: (question) => Array.from({ length: Number((question as { levels?: number }).levels ?? 0) }, (_, i) => i + 1),
};

const questionnaireWith = (question: Record<string, unknown>, index = false): Questionnaire =>
  ({
    formatVersion: '1.0',
    id: 'custom',
    title: 'Loại câu hỏi tự định nghĩa',
    pages: [{ name: 'p1', sections: [{ name: 's1', questions: [{ name: 'mood', title: 'Hôm nay thế nào?', ...question }] }] }],
    ...(index ? { sipas: { index: { root: { id: 'MOOD', source: { question: 'mood' }, satisfied: [4, 5] } } } } : {}),
  }) as Questionnaire;

const registryWithFaces = () => {
  const registry = new QuestionTypeRegistry();
  registry.register(faces);
  return registry;
};

describe('custom question types', () => {
  it('should reject a questionnaire using a type nobody registered', () => {
    const result = validateQuestionnaire(questionnaireWith({ type: 'faces', levels: 5 }), { types: new QuestionTypeRegistry() });
    assert.deepEqual(result.errors.map((e) => [e.code, e.path]), [['unknown-type', '/pages/0/sections/0/questions/0/type']]);
  });

  it('should accept it where the type is registered, and use it as an index source', () => {
    const result = validateQuestionnaire(questionnaireWith({ type: 'faces', levels: 5 }, true), { types: registryWithFaces() });
    assert.deepEqual(result.errors, []);
  });

  it('should check the question against the type\'s fragment, next to the common properties', () => {
    const types = registryWithFaces();
    const located = (question: Record<string, unknown>) =>
      validateQuestionnaire(questionnaireWith(question), { types }).errors.map((e) => [e.code, e.path]);
    const at = '/pages/0/sections/0/questions/0';
    assert.deepEqual(located({ type: 'faces', levels: 4 }), [['not-allowed-value', `${at}/levels`]]);
    assert.deepEqual(located({ type: 'faces' }), [['required', `${at}/levels`]]);
    assert.deepEqual(located({ type: 'faces', levels: 3, colour: 'red' }), [['unknown-property', `${at}/colour`]]);
    assert.deepEqual(located({ type: 'faces', levels: 3, labels: [{ en: 'sad' }] }), [['missing-vietnamese', `${at}/labels/0/vi`]]);
    assert.deepEqual(located({ type: 'faces', levels: 3, required: true, visibleIf: "{channel} = 'kiosk'", code: 'M1' }), []);
  });

  it('should refuse index satisfied values the type cannot produce', () => {
    const questionnaire = questionnaireWith({ type: 'faces', levels: 3 }, true);
    const errors = validateQuestionnaire(questionnaire, { types: registryWithFaces() }).errors;
    assert.deepEqual(errors.map((e) => [e.code, e.path]), [
      ['index-unknown-value', '/sipas/index/root/satisfied/0'],
      ['index-unknown-value', '/sipas/index/root/satisfied/1'],
      ['index-no-satisfied-set', '/sipas/index/root/satisfied'],
    ]);
  });

  it('should take the satisfied set from the type when the index does not give one', () => {
    const registry = new QuestionTypeRegistry();
    registry.register({ ...faces, satisfiedValues: (question) => ((question as { levels?: number }).levels === 3 ? [3] : [4, 5]) });
    const unset = questionnaireWith({ type: 'faces', levels: 3 }, true);
    delete (unset.sipas!.index!.root as { satisfied?: unknown }).satisfied;
    assert.deepEqual(validateQuestionnaire(unset, { types: registry }).errors, []);
    assert.deepEqual(
      validateQuestionnaire(unset, { types: registryWithFaces() }).errors.map((e) => [e.code, e.path]),
      [['index-no-satisfied-set', '/sipas/index/root/satisfied']],
    );
  });

  it('should run the type\'s own question check once the fragment holds, its problems located inside the question', () => {
    const registry = new QuestionTypeRegistry();
    registry.register({
      ...faces,
      checkQuestion: (question) =>
        ((question as { labels?: unknown[] }).labels?.length ?? 0) > Number((question as { levels?: number }).levels)
          ? [{ path: '/labels', code: 'too-many-labels', message: { vi: 'Nhiều nhãn hơn số mặt', en: 'More labels than faces' } }]
          : [],
    });
    const at = '/pages/0/sections/0/questions/0';
    const errorsOf = (question: Record<string, unknown>) => validateQuestionnaire(questionnaireWith(question), { types: registry }).errors.map((e) => [e.code, e.path]);
    assert.deepEqual(errorsOf({ type: 'faces', levels: 3, labels: ['a', 'b', 'c', 'd'] }), [['too-many-labels', `${at}/labels`]]);
    assert.deepEqual(errorsOf({ type: 'faces', levels: 5, labels: ['a', 'b', 'c', 'd'] }), []);
    // A question the fragment refuses is not handed to the type's check, which may rely on its shape.
    assert.deepEqual(errorsOf({ type: 'faces', levels: 4, labels: ['a', 'b', 'c', 'd', 'e'] }).map(([code]) => code), ['not-allowed-value']);
    const broken = new QuestionTypeRegistry();
    broken.register({ ...faces, checkQuestion: () => { throw new Error('oops'); } });
    const failed = validateQuestionnaire(questionnaireWith({ type: 'faces', levels: 3 }), { types: broken }).errors;
    assert.deepEqual(failed.map((e) => [e.code, e.path]), [['type-check-failed', at]]);
    assert.match(failed[0]!.message.en, /The check of type "faces" failed: oops/);
  });

  it('should check answers by the type\'s answer fragment', () => {
    const types = registryWithFaces();
    const questionnaire = questionnaireWith({ type: 'faces', levels: 5 });
    const respond = (mood: unknown) =>
      validateResponse(
        questionnaire,
        {
          formatVersion: '1.0',
          responseId: '0b7c4f5e-8a41-4c1e-9f3e-2d6a1b9c7e10',
          questionnaire: { id: 'custom', version: 1 },
          channel: 'kiosk',
          submittedAt: '2024-05-17T08:00:00Z',
          locale: 'vi',
          answers: { mood },
        },
        { types },
      ).errors.map((e) => [e.code, e.path]);
    assert.deepEqual(respond(4), []);
    assert.deepEqual(respond(9), [['out-of-range', '/answers/mood']]);
    assert.deepEqual(respond('happy'), [['type', '/answers/mood']]);
    assert.deepEqual(
      validateResponse(questionnaire, { formatVersion: '1.0', responseId: '0b7c4f5e-8a41-4c1e-9f3e-2d6a1b9c7e10', questionnaire: { id: 'custom', version: 1 }, channel: 'kiosk', submittedAt: '2024-05-17T08:00:00Z', locale: 'vi', answers: { mood: 4 } }, { types: new QuestionTypeRegistry() }).errors.map((e) => e.code),
      ['unknown-type'],
    );
  });

  describe('registration', () => {
    const registerError = (definition: QuestionTypeSchema, registry = new QuestionTypeRegistry()) => {
      try {
        registry.register(definition);
      } catch (error) {
        assert.ok(error instanceof QuestionTypeError);
        assert.ok(error.localized.vi && error.localized.en);
        return error.localized.en;
      }
      return assert.fail('registration should have failed');
    };

    it('should refuse a second registration of the same name and built-in names', () => {
      const registry = registryWithFaces();
      assert.match(registerError(faces, registry), /already registered/);
      assert.match(registerError({ type: 'rating', properties: {} }), /already registered/);
    });

    it('should refuse names that questionnaires could not use', () => {
      assert.match(registerError({ type: 'Faces Rating', properties: {} }), /Invalid question type name/);
    });

    it('should refuse fragments outside the supported subset, saying where', () => {
      assert.match(registerError({ type: 'a', properties: { oneOf: [] } }), /\/properties\/oneOf.*not supported/);
      assert.match(registerError({ type: 'b', properties: { properties: { x: { type: 'text' } } } }), /\/properties\/properties\/x\/type/);
      assert.match(registerError({ type: 'c', properties: { properties: { x: { $ref: '#/$defs/Nope' } } } }), /\$ref may only name/);
      assert.match(registerError({ type: 'd', properties: { properties: { x: { pattern: '([' } } } }), /Invalid regular expression/);
      assert.match(registerError({ type: 'e', properties: {}, answer: { minimum: 'one' } }), /\/answer\/minimum/);
    });

    it('should list and forget registered types', () => {
      const registry = registryWithFaces();
      assert.deepEqual(registry.names(), ['faces']);
      assert.equal(registry.unregister('faces'), true);
      assert.equal(registry.has('faces'), false);
    });
  });
});
