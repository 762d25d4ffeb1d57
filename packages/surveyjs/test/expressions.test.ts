import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ExpressionRunner } from 'survey-core';
import { parseExpression } from '@sipas/schema';
import { expressionToSurveyJS } from '@sipas/surveyjs';
import { expressionsOf, ourTree, standardQuestionnaires, surveyJSTree } from './helpers.js';

const convert = (source: string): string => {
  const result = expressionToSurveyJS(source);
  assert.ok(result.ok, `${source} should convert`);
  return result.expression;
};

describe('expressionToSurveyJS', () => {
  it('should keep the expressions of the standard questionnaires as written (but {name-other})', () => {
    for (const { questionnaire } of standardQuestionnaires) {
      for (const { expression } of expressionsOf(questionnaire)) {
        assert.equal(convert(expression), expression.replace(/-other\}/g, '-Comment}'));
      }
    }
  });

  it('should respell what only our language accepts', () => {
    const cases: [string, string][] = [
      ['{occupation-other} notempty', '{occupation-Comment} notempty'],
      ['not {a} = 1', '!({a} = 1)'],
      ['not not {a}', '!!{a}'],
      ['{b} = 1 and not {a} = 1', '{b} = 1 and !({a} = 1)'],
      ['-{a} < 0', '0 - {a} < 0'],
      ['- 1 = {a}', '-1 = {a}'],
      ['+2 = {a}', '2 = {a}'],
      ['{a} = .5 or {a} = 1. or {a} = 1e3 or {a} = 2.5E-2', '{a} = 0.5 or {a} = 1 or {a} = 1000 or {a} = 0.025'],
      ['IIF({a} > 1, ROUND({b}, 1), Today())', 'iif({a} > 1, round({b}, 1), today())'],
      ['{ a } = TRUE AND {b} <> FALSE', '{a} = true and {b} != false'],
      ['{a} = "x\'y"', "{a} = 'x\\'y'"],
      ['{a} == 1 || {b} equal 2 && {c} lessorequal 3', '{a} = 1 or {b} = 2 and {c} <= 3'],
      ['({a} = 1 or {b} = 2) and {c} = 3', '({a} = 1 or {b} = 2) and {c} = 3'],
      ['10 - (4 - 3) = 9', '10 - (4 - 3) = 9'],
    ];
    for (const [source, expected] of cases) assert.equal(convert(source), expected, source);
  });

  it('should refuse what SurveyJS cannot write, with a bilingual reason', () => {
    for (const source of ['({a} + 1) empty', 'count({a}) notempty', '[1] empty', '{a} = 1e999', 'iif(null, 1, 2) = 1', '{a} anyof [null, 1]']) {
      const result = expressionToSurveyJS(source);
      assert.equal(result.ok, false, source);
      if (!result.ok) {
        assert.ok(result.reason.vi.length > 0);
        assert.ok(result.reason.en.length > 0);
      }
    }
  });

  it('should refuse an expression that does not parse', () => {
    const result = expressionToSurveyJS('{a} = ');
    assert.equal(result.ok, false);
  });

  it('should give survey-core the same grouping as our parser, for any expression', () => {
    const reference = fc.constantFrom('{a}', '{b}', '{m.r1}', '{q-other}', '{channel}');
    const value = fc.oneof(
      fc.integer({ min: 0, max: 1000 }).map(String),
      fc.constantFrom('1.5', '.25', '3.', '2e2', "'x'", "'it\\'s'", '"dq"', "'a\\b'", 'true', 'FALSE', 'null', '[]', "[1, 'x']"),
    );
    const expression = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        reference,
        value,
        fc
          .tuple(
            tie('e'),
            fc.constantFrom(' = ', ' != ', ' < ', ' >= ', ' contains ', ' notcontains ', ' anyof ', ' allof ', ' + ', ' - ', ' * ', ' / ', ' % ', ' and ', ' or '),
            tie('e'),
          )
          .map(([a, op, b]) => `${a}${op}${b}`),
        fc.tuple(fc.constantFrom('not ', '!', '-'), tie('e')).map(([op, a]) => `${op}${a}`),
        fc.tuple(fc.oneof(reference, value), fc.constantFrom(' empty', ' notempty')).map(([a, op]) => `${a}${op}`),
        tie('e').map((a) => `(${a})`),
        fc.tuple(tie('e'), tie('e'), tie('e')).map(([a, b, c]) => `iif(${a}, ${b}, ${c})`),
        fc.tuple(tie('e'), tie('e')).map(([a, b]) => `max(${a}, ${b})`),
      ),
    })).e;
    let converted = 0;
    fc.assert(
      fc.property(expression, (source) => {
        fc.pre(parseExpression(source).ok);
        const result = expressionToSurveyJS(source);
        if (!result.ok) return;
        converted++;
        assert.deepEqual(surveyJSTree(result.expression), ourTree(result.expression), `${source} → ${result.expression}`);
      }),
      { numRuns: 500 },
    );
    assert.ok(converted > 100, `only ${converted} expressions were compared`);
  });

  it('should mean the same in survey-core as the original where survey-core reads the original alike', () => {
    const samples: [string, Record<string, unknown>][] = [
      ['{a} = 1 or {b} = 2 and {c} = 3', { a: 0, b: 2, c: 3 }],
      ['{a} + {b} empty', { a: 1 }],
      ['!{a} = false', { a: 1 }],
      ['{a} - -1 = 3', { a: 2 }],
      ['{q-Comment} notempty', { 'q-Comment': 'x' }],
      ['{m.r1} anyof [1, 2]', { m: { r1: 2 } }],
    ];
    for (const [surveyJSSource, values] of samples) {
      const ours = surveyJSSource.replace(/-Comment\}/g, '-other}');
      const original = new ExpressionRunner(surveyJSSource).runValues(values);
      const printed = new ExpressionRunner(convert(ours)).runValues(values);
      assert.deepEqual(printed, original, surveyJSSource);
    }
  });
});
