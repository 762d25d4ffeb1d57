/** The visual condition model: reading expressions into rules and groups, writing them back as text. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseExpression } from '@sipas/schema';
import {
  CONDITION_OPERATORS,
  VALUELESS_OPERATORS,
  fromConditionModel,
  isCompleteRule,
  normalizeCondition,
  quoteText,
  toConditionModel,
  type ConditionGroup,
  type ConditionItem,
  type ConditionModel,
  type ConditionRule,
} from '../src/model/condition-model.js';

const rule = (question: string, operator: ConditionRule['operator'], value?: ConditionRule['value'], row?: string): ConditionRule => {
  const made: ConditionRule = { question, operator };
  if (row !== undefined) made.row = row;
  if (value !== undefined) made.value = value;
  return made;
};

describe('toConditionModel', () => {
  it('should read rules joined by and', () => {
    assert.deepEqual(toConditionModel('{q1} = 1 and {q2} notempty'), { join: 'and', items: [rule('q1', '=', 1), rule('q2', 'notempty')] });
  });

  it('should read every operator spelling, rows, strings, booleans and lists', () => {
    assert.deepEqual(toConditionModel("{a} <> 'x' or {b.r1} >= 4 or {c} notequal true or {d} anyOf ['a', 2] or {e} empty or {f} contain 'y'"), {
      join: 'or',
      items: [rule('a', '<>', 'x'), rule('b', '>=', 4, 'r1'), rule('c', '<>', true), rule('d', 'anyof', ['a', 2]), rule('e', 'empty'), rule('f', 'contains', 'y')],
    });
  });

  it('should nest a group where and and or meet', () => {
    assert.deepEqual(toConditionModel("{a} = 1 and ({b} = 'x' or {c} < -2)"), {
      join: 'and',
      items: [rule('a', '=', 1), { join: 'or', items: [rule('b', '=', 'x'), rule('c', '<', -2)] }],
    });
    // `or` is looser than `and`: no brackets needed for this one.
    assert.deepEqual(toConditionModel('{a} = 1 or {b} = 2 and {c} = 3'), {
      join: 'or',
      items: [rule('a', '=', 1), { join: 'and', items: [rule('b', '=', 2), rule('c', '=', 3)] }],
    });
  });

  it('should read a single rule as a group of one', () => {
    assert.deepEqual(toConditionModel('{feedback_given} = true'), { join: 'and', items: [rule('feedback_given', '=', true)] });
  });

  it('should read a blank or missing expression as the empty condition', () => {
    assert.deepEqual(toConditionModel(undefined), { join: 'and', items: [] });
    assert.deepEqual(toConditionModel('   '), { join: 'and', items: [] });
  });

  it('should refuse what a rule cannot show', () => {
    for (const expression of [
      '{a} = ',
      '{a} + 1 > 2',
      'not {a} = 1',
      '!{a}',
      '{a} = {b}',
      '1 = {a}',
      '{a} = null',
      '{a-other} notempty',
      'count({a}) > 1',
      '{a} anyof [{b}]',
      '{a} = - 1',
      '{a}',
      "{a} = 1 and 'x'",
    ]) {
      assert.equal(toConditionModel(expression), undefined, expression);
    }
  });
});

describe('fromConditionModel', () => {
  it('should write rules with the group word, quoting strings and keeping numbers as numbers', () => {
    assert.equal(fromConditionModel({ join: 'and', items: [rule('q1', '=', 1), rule('q2', 'notempty')] }), '{q1} = 1 and {q2} notempty');
    assert.equal(fromConditionModel({ join: 'or', items: [rule('q', '=', '1'), rule('g', '<>', 'x', 'r2'), rule('m', 'allof', ['a', 3])] }), "{q} = '1' or {g.r2} <> 'x' or {m} allof ['a', 3]");
  });

  it('should bracket nested groups of more than one rule', () => {
    const model: ConditionModel = { join: 'and', items: [rule('a', '=', 1), { join: 'or', items: [rule('b', '=', 2), rule('c', '=', 3)] }, { join: 'or', items: [rule('d', 'empty')] }] };
    assert.equal(fromConditionModel(model), '{a} = 1 and ({b} = 2 or {c} = 3) and {d} empty');
  });

  it('should leave out incomplete rules and empty groups, and give undefined for nothing', () => {
    assert.equal(fromConditionModel({ join: 'and', items: [] }), undefined);
    assert.equal(fromConditionModel({ join: 'and', items: [rule('', '='), { join: 'or', items: [] }] }), undefined);
    assert.equal(fromConditionModel({ join: 'and', items: [rule('a', '='), rule('b', 'empty'), rule('1x', 'empty'), rule('c', '=', 'ends\\')] }), '{b} empty');
  });

  it('should quote text so the parser reads it back exactly', () => {
    for (const text of ["it's", 'say "hi"', 'a\\b', "a\\'b", 'a\\"b', '{q1}', '', 'hài lòng']) {
      const parsed = parseExpression(`{a} = ${quoteText(text)}`);
      assert.ok(parsed.ok, text);
      assert.deepEqual(toConditionModel(`{a} = ${quoteText(text)}`), { join: 'and', items: [rule('a', '=', text)] }, text);
    }
  });

  it('should tell complete rules from incomplete ones', () => {
    assert.equal(isCompleteRule(rule('a', '=', 1)), true);
    assert.equal(isCompleteRule(rule('a', 'empty')), true);
    assert.equal(isCompleteRule(rule('a', '=')), false);
    assert.equal(isCompleteRule(rule('a', '=', Number.NaN)), false);
    assert.equal(isCompleteRule(rule('a', '=', 1, 'bad row')), false);
    assert.equal(isCompleteRule(rule('a b', '=', 1)), false);
  });
});

// ——— property: any model → text → model gives the model back (in its normal form) ———

const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,6}$/);
const text = fc.string({ maxLength: 8 }).filter((value) => !value.endsWith('\\'));
const number = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((value) => !Object.is(value, -0));
const scalar = fc.oneof(text, number, fc.boolean());
const listItem = fc.oneof(text, number);
const ruleArbitrary: fc.Arbitrary<ConditionRule> = fc
  .record({ question: name, row: fc.option(name, { nil: undefined }), operator: fc.constantFrom(...CONDITION_OPERATORS), scalar, list: fc.array(listItem, { maxLength: 3 }), useList: fc.boolean() })
  .map(({ question, row, operator, scalar: one, list, useList }) =>
    rule(question, operator, VALUELESS_OPERATORS.includes(operator) ? undefined : useList ? list : one, row ?? undefined),
  );
const { group: groupArbitrary } = fc.letrec<{ group: ConditionGroup; item: ConditionItem }>((tie) => ({
  group: fc.record({ join: fc.constantFrom('and' as const, 'or' as const), items: fc.array(tie('item'), { maxLength: 4 }) }),
  item: fc.oneof({ depthSize: 'small', withCrossShrink: true }, ruleArbitrary, tie('group')),
}));

describe('condition model round trip', () => {
  it('should read back the model it wrote, in normal form', () => {
    fc.assert(
      fc.property(groupArbitrary, (model) => {
        const text = fromConditionModel(model);
        const normal = normalizeCondition(model);
        if (text === undefined) {
          assert.deepEqual(normal, { join: 'and', items: [] });
          return;
        }
        const parsed = parseExpression(text);
        assert.ok(parsed.ok, text);
        const read = toConditionModel(text);
        assert.deepEqual(read, normal, text);
      }),
      { numRuns: 500 },
    );
  });

  it('should read a normal model back exactly', () => {
    fc.assert(
      fc.property(groupArbitrary, (model) => {
        const normal = normalizeCondition(model);
        assert.deepEqual(toConditionModel(fromConditionModel(normal)), normal);
      }),
      { numRuns: 300 },
    );
  });
});
