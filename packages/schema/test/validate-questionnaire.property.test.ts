import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { listQuestions, validateQuestionnaire, type Question, type Questionnaire } from '@sipas/schema';
import { validQuestionnaire } from './helpers/questionnaire-arbitrary.js';

/** One mistake to plant in a valid questionnaire, and the error code it must cause. */
interface Mutation {
  code: string;
  /** Plants the mistake in the questionnaire at the question picked by `pick`; false when it does not apply. */
  apply: (questionnaire: Questionnaire, pick: number) => boolean;
}

const questionsOf = (questionnaire: Questionnaire): Question[] => listQuestions(questionnaire).map((l) => l.question);
const answerable = (questionnaire: Questionnaire) => questionsOf(questionnaire).filter((q) => q.type !== 'info');
const ofType = (questionnaire: Questionnaire, type: string) => questionsOf(questionnaire).filter((q) => q.type === type);
const at = <T>(list: T[], pick: number): T | undefined => (list.length ? list[pick % list.length] : undefined);

const MUTATIONS: Record<string, Mutation> = {
  'duplicate question name': {
    code: 'duplicate-name',
    apply: (q, pick) => {
      const all = questionsOf(q);
      if (all.length < 2) return false;
      all[1 + (pick % (all.length - 1))]!.name = all[0]!.name;
      return true;
    },
  },
  'unregistered type': {
    code: 'unknown-type',
    apply: (q, pick) => {
      const target = at(answerable(q), pick);
      if (!target) return false;
      Object.assign(target, { type: 'hologram' });
      return true;
    },
  },
  'misspelt property': {
    code: 'unknown-property',
    apply: (q, pick) => {
      const target = at(questionsOf(q), pick);
      if (!target) return false;
      Object.assign(target, { visibelIf: '{q1} = 1' });
      return true;
    },
  },
  'missing title': {
    code: 'required',
    apply: (q, pick) => {
      const target = at(answerable(q), pick);
      if (!target) return false;
      delete (target as { title?: unknown }).title;
      return true;
    },
  },
  'Vietnamese text missing': {
    code: 'missing-vietnamese',
    apply: (q) => {
      q.title = { en: 'English only' } as never;
      return true;
    },
  },
  'reference to a missing question': {
    code: 'unknown-reference',
    apply: (q, pick) => {
      const target = at(questionsOf(q), pick);
      if (!target) return false;
      target.visibleIf = '{no_such_question} = 1';
      return true;
    },
  },
  'expression that does not parse': {
    code: 'expression-syntax',
    apply: (q, pick) => {
      const target = at(questionsOf(q), pick);
      if (!target) return false;
      target.visibleIf = `{${target.name}} = = 1`;
      return true;
    },
  },
  'unknown scale': {
    code: 'unknown-scale',
    apply: (q, pick) => {
      const target = at([...ofType(q, 'rating'), ...ofType(q, 'likert')], pick);
      if (!target) return false;
      (target as { scale: string }).scale = 'satisfaction-10';
      return true;
    },
  },
  'repeated choice value': {
    code: 'duplicate-choice-value',
    apply: (q, pick) => {
      const target = at([...ofType(q, 'single'), ...ofType(q, 'multiple'), ...ofType(q, 'dropdown')], pick) as { choices: unknown[] } | undefined;
      if (!target) return false;
      target.choices.push(structuredClone(target.choices[0]));
      return true;
    },
  },
  'repeated likert row': {
    code: 'duplicate-row-value',
    apply: (q, pick) => {
      const target = at(ofType(q, 'likert'), pick) as { rows: unknown[] } | undefined;
      if (!target) return false;
      target.rows.push(structuredClone(target.rows[0]));
      return true;
    },
  },
  'index item pointing at a missing question': {
    code: 'index-unknown-question',
    apply: (q) => {
      const root = q.sipas?.index?.root;
      if (!root?.children?.[0]?.source) return false;
      root.children[0].source.question = 'vanished';
      return true;
    },
  },
  'rule that does not fit the question': {
    code: 'validator-not-applicable',
    apply: (q, pick) => {
      const target = at([...ofType(q, 'rating'), ...ofType(q, 'boolean'), ...ofType(q, 'single')], pick);
      if (!target) return false;
      (target as { validators?: unknown[] }).validators = [{ type: 'length', max: 10 }];
      return true;
    },
  },
  'empty page': {
    code: 'empty',
    apply: (q, pick) => {
      const page = at(q.pages, pick)!;
      page.sections = [];
      return true;
    },
  },
};

describe('validateQuestionnaire on generated questionnaires', () => {
  it('should accept every generated valid questionnaire', () => {
    fc.assert(
      fc.property(validQuestionnaire, (questionnaire) => {
        assert.deepEqual(validateQuestionnaire(questionnaire).errors, []);
      }),
      { numRuns: 300 },
    );
  });

  it('should catch every single planted mistake with its code', () => {
    const mutationName = fc.constantFrom(...Object.keys(MUTATIONS));
    fc.assert(
      fc.property(validQuestionnaire, mutationName, fc.nat(), (questionnaire, name, pick) => {
        const mutated = structuredClone(questionnaire);
        const mutation = MUTATIONS[name]!;
        fc.pre(mutation.apply(mutated, pick));
        const result = validateQuestionnaire(mutated);
        assert.equal(result.valid, false, `${name} went unnoticed`);
        assert.ok(
          result.errors.some((e) => e.code === mutation.code),
          `${name}: expected ${mutation.code}, got ${result.errors.map((e) => e.code).join(', ')}`,
        );
      }),
      { numRuns: 600 },
    );
  });

  it('should never throw, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (document) => {
        const result = validateQuestionnaire(document);
        assert.equal(result.valid, false);
        assert.ok(result.errors.length > 0);
      }),
      { numRuns: 300 },
    );
  });
});
