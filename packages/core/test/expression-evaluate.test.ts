/**
 * The evaluator construct by construct, with the examples of docs/expressions.md#evaluation.
 * Agreement with survey-core over random input is expression-conformance.test.ts's job; these
 * pin each documented rule, the constructs survey-core lacks, odd inputs and the API.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseExpression } from '@sipas/schema';
import { compileExpression, evaluate, evaluateCondition, ExpressionCompileError, type ExpressionValues } from '@sipas/core';

/** Asserts the value of each [expression, values, expected] row. */
function expectValues(rows: [source: string, values: ExpressionValues, expected: unknown][]): void {
  for (const [source, values, expected] of rows) {
    assert.deepEqual(evaluate(source, values), expected, `${source} with ${JSON.stringify(values)}`);
  }
}

describe('evaluate', () => {
  describe('references', () => {
    it('should read an answer, and null for a missing one', () => {
      expectValues([
        ['{a}', { a: 2 }, 2],
        ['{a}', {}, null],
        ['{a}', { a: undefined }, null],
        ['{a}', { a: null }, null],
      ]);
    });

    it('should read text answers that spell numbers or booleans as numbers or booleans', () => {
      expectValues([
        ['{a}', { a: '10' }, 10],
        ['{a}', { a: ' 5 ' }, 5],
        ['{a}', { a: '1,5' }, 1.5],
        ['{a}', { a: '0x1F' }, 31],
        ['{a}', { a: '1e3' }, 1000],
        ['{a}', { a: 'TRUE' }, true],
        ['{a}', { a: "'quoted'" }, 'quoted'],
        // A leading zero not followed by a decimal point keeps the text; so do partial numbers.
        ['{a}', { a: '01' }, '01'],
        ['{a}', { a: '0.5' }, 0.5],
        ['{a}', { a: '5abc' }, '5abc'],
        ['{a}', { a: '12345678901234567' }, '12345678901234567'],
        ['{a}', { a: ['10'] }, ['10']],
      ]);
    });

    it('should read a likert row, and null when the answer is not an object', () => {
      expectValues([
        ['{q.r1}', { q: { r1: 2 } }, 2],
        ['{q.r1}', { q: { r1: '2' } }, 2],
        ['{q.r1}', { q: { r2: 2 } }, null],
        ['{q.r1}', { q: 5 }, null],
        ['{q.r1}', { q: [{ r1: 1 }] }, null],
        ['{q.r1}', {}, null],
        ['{q.toString}', { q: {} }, null],
      ]);
    });

    it('should give the length of an array or text answer for {name.length}, and 0 when there is none', () => {
      expectValues([
        ['{m.length}', { m: [1, 2] }, 2],
        ['{m.length}', { m: 'abc' }, 3],
        ['{m.length}', {}, 0],
        ['{m.length}', { m: 5 }, 0],
        ['{m.length}', { m: { length: '4' } }, 4],
      ]);
    });

    it('should read the "other" text under its own key', () => {
      expectValues([['{occupation-other} notempty', { occupation: 'other', 'occupation-other': 'thợ may' }, true]]);
    });

    it('should look names up exactly as written', () => {
      expectValues([
        ['{A}', { a: 1 }, null],
        ['{constructor}', {}, null],
      ]);
    });
  });

  describe('literals', () => {
    it('should keep text literals as text', () => {
      expectValues([
        ["'10' + 1", {}, '101'],
        ["'10'", {}, '10'],
        ["'true'", {}, 'true'],
        ['-0.5', {}, -0.5],
        ['[1, {a}]', { a: '2' }, [1, 2]],
        ['null', {}, null],
      ]);
    });
  });

  describe('= and !=', () => {
    it('should compare numbers with numeric text by value', () => {
      expectValues([
        ["{a} = '1'", { a: 1 }, true],
        ["{a} = '1.0'", { a: 1 }, true],
        ['{a} = 1', { a: '1' }, true],
        ["{a} != '2'", { a: 1 }, true],
      ]);
    });

    it('should compare text without case and surrounding spaces', () => {
      expectValues([
        ["{a} = 'ABC'", { a: 'abc' }, true],
        ["{a} = 'abc'", { a: ' abc ' }, true],
        ["{a} = 'abd'", { a: 'abc' }, false],
      ]);
    });

    it('should treat missing, null and empty text as equal, but not 0', () => {
      expectValues([
        ["{a} = ''", {}, true],
        ['{a} = null', {}, true],
        ['{a} = 0', { a: '' }, false],
        ['{a} = 0', {}, false],
        ['{a} = []', {}, false],
        ["{a} = 'undefined'", {}, true],
      ]);
    });

    it('should compare a boolean with its text and with 1 and 0', () => {
      expectValues([
        ["{a} = 'true'", { a: true }, true],
        ["{a} = 'True'", { a: false }, false],
        ['true = 1', {}, true],
        ['false = 0', {}, true],
      ]);
    });

    it('should compare arrays as multisets and objects key by key', () => {
      expectValues([
        ['[1, 2] = [2, 1]', {}, true],
        ["{a} = ['b', 'a']", { a: ['a', 'b'] }, true],
        ['[1, 2] = [1, 2, 2]', {}, false],
        // Sorting happens before case is ignored, so items that differ in case can sort apart.
        ["['B', 'a'] = ['b', 'A']", {}, false],
        ['{a} = {b}', { a: { r1: 1, r2: 'x' }, b: { r2: 'X', r1: '1' } }, true],
        ['{a} = {b}', { a: { r1: 1 }, b: { r1: 1, r2: 2 } }, false],
      ]);
    });
  });

  describe('< <= > >=', () => {
    it('should be false when either side is missing or null', () => {
      expectValues([
        ['{a} < 1', {}, false],
        ['{a} > 1', { a: null }, false],
        ['{a} <= 1', {}, false],
        ['{a} >= null', {}, true],
      ]);
    });

    it('should compare like JavaScript otherwise: numbers with numeric text by value, text with text by characters', () => {
      expectValues([
        ["'10' > 9", {}, true],
        ["'10' < '9'", {}, true],
        ["'abc' < 'B'", {}, false],
        ['{a} < 1', { a: '' }, true],
        ['{a} > 2', { a: [5] }, true],
        ['{a} > 2', { a: 'abc' }, false],
        ['true > 0', {}, true],
      ]);
    });

    it('should compare dates with ISO text at local midnight', () => {
      const now = new Date(2026, 10, 24, 15, 30);
      assert.equal(evaluate('{d} <= today()', { d: '2024-05-01' }, { now }), true);
      assert.equal(evaluate('{d} = today()', { d: '2026-11-24' }, { now }), true);
      assert.equal(evaluate('{d} = today()', { d: '2026-11-24T10:20' }, { now }), true);
      assert.equal(evaluate('{d} > today()', { d: '2026-11-25' }, { now }), true);
    });
  });

  describe('arithmetic', () => {
    it('should treat an empty operand as 0 next to a number and as empty text next to text', () => {
      expectValues([
        ['{a} - {b}', {}, 0],
        ['{a} + 1', {}, 1],
        ["{a} + 'x'", {}, 'x'],
        ['{a} * 2', { a: '' }, 0],
        ['{a} + [1]', {}, [1]],
      ]);
    });

    it('should add numbers (rounding away floating-point noise) and concatenate anything with text', () => {
      expectValues([
        ['0.1 + 0.2', {}, 0.3],
        ['{a} + {b}', { a: '1', b: 2 }, 3],
        ['{a} + {b}', { a: 'x', b: 2 }, 'x2'],
        ["'1' + 2", {}, '12'],
        ['true + 1', {}, 2],
        ['1.1 * 3', {}, 3.3],
        ['0.3 - 0.1', {}, 0.2],
      ]);
    });

    it('should concatenate arrays, join an array with text and add an array of numbers to a number', () => {
      expectValues([
        ['[1, 2] + [3]', {}, [1, 2, 3]],
        ["[1, 2] + 'x'", {}, '1, 2x'],
        ['[1, 2] + 3', {}, 6],
      ]);
    });

    it('should give null for division or remainder by zero, and NaN for text that is not a number', () => {
      expectValues([
        ['{a} / 0', { a: 3 }, null],
        ['{a} % {b}', { a: 3 }, null],
        ['7 % 4', {}, 3],
        ['1 / 4', {}, 0.25],
      ]);
      assert.ok(Number.isNaN(evaluate("'a' - 1", {})));
      assert.ok(Number.isNaN(evaluate('{a} * 2', { a: 'abc' })));
    });
  });

  describe('and, or, !', () => {
    it('should return one of the operands, like JavaScript, with an empty operand filled as in arithmetic', () => {
      expectValues([
        ['1 and 2', {}, 2],
        ["0 or 'x'", {}, 'x'],
        ['{a} and {b}', {}, 0],
        ["{a} or 'x'", {}, 'x'],
        ['{a} = 1 and {b} = 2', { a: 1, b: 2 }, true],
        ['{a} = 1 or {b} = 2', { a: 2, b: 3 }, false],
      ]);
    });

    it('should negate the truthiness of the operand right after !', () => {
      expectValues([
        ['!{a}', { a: 0 }, true],
        ['!{a}', { a: '0' }, true],
        ['!{a}', { a: 'abc' }, false],
        ['!{a}', { a: [] }, false],
        // ! applies to {a} alone: (!{a}) = 1 is false = 1.
        ['!{a} = 1', { a: 2 }, false],
        ['!({a} = 1)', { a: 2 }, true],
      ]);
    });

    it('should read not (our own word) as ! around the whole comparison', () => {
      expectValues([
        ['not {a} = 1', { a: 2 }, true],
        ['not {a}', { a: 0 }, true],
        ['not not {a}', { a: 'x' }, true],
      ]);
    });
  });

  describe('empty and notempty', () => {
    it('should count undefined, null, empty text, NaN, [] and objects of empty values as empty, not 0 or false', () => {
      expectValues([
        ['{a} empty', {}, true],
        ['{a} empty', { a: '' }, true],
        ['{a} empty', { a: [] }, true],
        ['{a} empty', { a: {} }, true],
        ['{a} empty', { a: { r1: null } }, true],
        ['{a} empty', { a: 0 }, false],
        ['{a} notempty', { a: false }, true],
        ['{a} empty', { a: ' ' }, false],
        ['{a} empty', { a: NaN }, true],
        // empty applies to the operand right before it: {a} + ({b} empty) is 1 + true.
        ['{a} + {b} empty', { a: 1 }, 2],
      ]);
    });

    it('should give empty after parentheses, a call or an array (our own) the emptiness of its value', () => {
      expectValues([
        ['({a} + {b}) empty', {}, false],
        ['({a}) empty', {}, true],
        ['count({a}) notempty', {}, true],
        ['[] empty', {}, true],
      ]);
    });
  });

  describe('contains and notcontains', () => {
    it('should find text in text without case, numbers read as their text', () => {
      expectValues([
        ["{a} contains 'B'", { a: 'abc' }, true],
        ["{a} notcontains 'B'", { a: 'abc' }, false],
        ['{a} contains 2', { a: 123 }, true],
        ["'abc' contains ''", {}, false],
        ["'abc' notcontains ''", {}, false],
      ]);
    });

    it('should find a value (or every value of an array) in an array by equality', () => {
      expectValues([
        ["{a} contains '1'", { a: [1, 2] }, true],
        ["{a} contains 'ABC'", { a: ['abc'] }, true],
        ['{a} contains [1, 2]', { a: [2, 1, 3] }, true],
        ['{a} contains [1, 4]', { a: [2, 1, 3] }, false],
        ['{a} notcontains 4', { a: [1, 2] }, true],
      ]);
    });

    it('should treat a missing or empty container as containing nothing', () => {
      expectValues([
        ['{a} contains 1', {}, false],
        ['{a} notcontains 1', {}, true],
        ['[] contains 1', {}, false],
        ['[] notcontains 1', {}, true],
      ]);
    });
  });

  describe('anyof and allof', () => {
    it('should test any of the right side in the left side, a scalar on either side being looked up in the other', () => {
      expectValues([
        ['{a} anyof [1, 2]', { a: [2, 3] }, true],
        ['{a} anyof [1, 2]', { a: [3] }, false],
        ["{a} anyof ['x', 'y']", { a: 'X' }, true],
        ['{a} anyof 2', { a: [1, 2] }, true],
        ['{a} anyof []', {}, true],
        ['{a} anyof []', { a: [1] }, true],
        ['{a} anyof [1]', {}, false],
      ]);
    });

    it('should test all of the right side in the left side', () => {
      expectValues([
        ['{a} allof [1, 2]', { a: [1, 2, 3] }, true],
        ['{a} allof [1, 4]', { a: [1, 2, 3] }, false],
        ['{a} allof 1', { a: [1] }, true],
        ['{a} allof [1]', {}, false],
        ['{a} allof []', { a: [1] }, true],
      ]);
    });
  });

  describe('prefix minus (our own)', () => {
    it('should read -x as 0 - x', () => {
      expectValues([
        ['-{a}', { a: 5 }, -5],
        ['-{a}', { a: '5' }, -5],
        ['-{a}', {}, 0],
        ['- 1', {}, -1],
        ['--1', {}, 1],
        ['+{a}', { a: 2 }, 2],
      ]);
      assert.ok(Number.isNaN(evaluate('-{a}', { a: 'abc' })));
    });
  });

  describe('functions', () => {
    it('should choose an iif branch by the truthiness of the condition', () => {
      expectValues([
        ["iif({a} > 1, 'x', 'y')", { a: 2 }, 'x'],
        ['iif({a}, 1, 2)', { a: '0' }, 2],
        ["iif('0', 1, 2)", {}, 1],
        ['iif({a}, 1, 2)', {}, 2],
        ['iif({a}, 1, 2)', { a: [] }, 1],
      ]);
    });

    it('should count, sum, average and compare the non-null values of flattened arguments', () => {
      expectValues([
        ['count({a})', { a: [1, null, [2, 3]] }, 3],
        ['count({a})', {}, 0],
        ["count('abc')", {}, 1],
        ['sum({a}, 1)', { a: ['2', 3] }, 6],
        ['sum({a})', {}, 0],
        ['sum(0.1, 0.2)', {}, 0.3],
        ["sum('x', 1)", {}, '0x1'],
        ['sum(true, 1)', {}, 2],
        ['avg({a})', { a: [1, 2] }, 1.5],
        ['avg({a})', {}, 0],
        ['min({a}, 3)', { a: [5, 1] }, 1],
        ['max({a}, 3)', { a: [5, '7'] }, 7],
        ['min({a})', {}, undefined],
        ["max('b', 'a')", {}, 'b'],
      ]);
    });

    it('should round half away from zero to the given digits, NaN for what is not a number', () => {
      expectValues([
        ['round(2.5)', {}, 3],
        ['round(-2.5)', {}, -3],
        ['round(1.005, 2)', {}, 1.01],
        ['round({a} / {b} * 100, 1)', { a: 1, b: 3 }, 33.3],
        ['round(1234, -2)', {}, 1200],
      ]);
      assert.ok(Number.isNaN(evaluate("round('x')", {})));
    });

    it('should give today() as local midnight of `now`, today(n) n days later', () => {
      const now = new Date(2026, 1, 28, 23, 59, 59, 999);
      assert.deepEqual(evaluate('today()', {}, { now }), new Date(2026, 1, 28));
      assert.deepEqual(evaluate('today(1)', {}, { now }), new Date(2026, 2, 1));
      assert.deepEqual(evaluate('today(-28)', {}, { now }), new Date(2026, 0, 31));
      assert.deepEqual(evaluate('today({a})', {}, { now }), new Date(2026, 1, 28), 'a missing answer is null, which adds nothing');
      assert.ok(Number.isNaN((evaluate("today('x')", {}, { now }) as Date).getTime()), "28 + 'x' is '28x': an invalid date");
      assert.equal(now.getMilliseconds(), 999, 'now is not changed');
    });

    it('should give age() in whole years at `now`, null without a date and 0 for an invalid one', () => {
      const now = new Date(2026, 3, 30);
      assert.equal(evaluate("age('2000-05-01')", {}, { now }), 25);
      assert.equal(evaluate("age('2000-04-30')", {}, { now }), 26);
      assert.equal(evaluate('age({dob}) >= 18', { dob: '2008-04-30' }, { now }), true);
      assert.equal(evaluate('age({dob})', {}, { now }), null);
      assert.equal(evaluate("age('not a date')", {}, { now }), 0);
    });

    it('should read the clock when no `now` is given', () => {
      const before = new Date();
      before.setHours(0, 0, 0, 0);
      const value = evaluate('today()', {}) as Date;
      assert.ok(value instanceof Date && value.getTime() >= before.getTime());
    });
  });

  describe('odd input', () => {
    const odd: unknown[] = [
      undefined, null, NaN, Infinity, -Infinity, -0, 1e308, Number.MAX_VALUE, 2 ** 53 + 1, '', ' ', '0x', '1e999',
      [], [[[]]], [null, undefined], {}, { r1: { deep: [1] } }, Object.create(null), { toString: 1, valueOf: 2 },
      { length: 1e21 }, { length: Infinity, r1: 1 }, { equals: 1 }, new Date(NaN), new Date(0), 'x'.repeat(10_000), '9'.repeat(400) + '.5',
    ];
    const everyConstruct = [
      '{a} = {b}', '{a} != {b}', '{a} < {b}', '{a} >= {b}', '{a} contains {b}', '{a} notcontains {b}', '{a} anyof {b}', '{a} allof {b}',
      '{a} + {b}', '{a} - {b}', '{a} * {b}', '{a} / {b}', '{a} % {b}', '{a} and {b}', '{a} or {b}', '!{a}', 'not {a}', '-{a}',
      '{a} empty', '{a.r1}', '{a.length}', 'iif({a}, {b}, 1)', 'count({a}, {b})', 'sum({a}, {b})', 'min({a}, {b})', 'max({a}, {b})',
      'avg({a}, {b})', 'round({a}, {b})', 'age({a})', 'today({a})', '{a} <= today()', 'today() = {a}',
    ];

    it('should never throw, whatever the answers', () => {
      for (const source of everyConstruct) {
        for (const [index, a] of odd.entries()) {
          for (const b of [1, 'x', [1], null, a]) {
            assert.doesNotThrow(() => evaluate(source, { a, b }), `${source} with odd value #${index}`);
            assert.equal(typeof evaluateCondition(source, { a, b }), 'boolean');
          }
        }
      }
    });

    it('should give objects that JavaScript cannot convert defined results', () => {
      const unconvertible = { toString: 1, valueOf: 2 };
      expectValues([
        ['{a} > 1', { a: unconvertible }, false],
        ['{a} = 1', { a: unconvertible }, false],
        ["{a} contains 'x'", { a: ['x'], b: unconvertible }, true],
      ]);
      assert.ok(Number.isNaN(evaluate('{a} * 2', { a: unconvertible })));
    });

    it('should never throw on any expression of the grammar over any JSON answers', () => {
      const name = fc.constantFrom('a', 'b', 'q.r1', 'q.length', 'a-other');
      const leaf = fc.oneof(name.map((n) => `{${n}}`), fc.constantFrom('1', '-2.5', "'x'", "''", 'true', 'null', '[]', 'today()'));
      const expression = fc.letrec<{ e: string }>((tie) => ({
        e: fc.oneof(
          { depthSize: 'small' },
          leaf,
          fc.tuple(tie('e'), fc.constantFrom('or', 'and', '=', '<', 'contains', 'anyof', 'allof', '+', '-', '*', '/', '%'), tie('e')).map(([l, op, r]) => `(${l} ${op} ${r})`),
          tie('e').map((e) => `(not (${e}))`),
          tie('e').map((e) => `-(${e})`),
          tie('e').map((e) => `(${e}) empty`),
          fc.tuple(tie('e'), tie('e')).map(([x, y]) => `sum(${x}, ${y}) + round(${x}, ${y}) + age(${y})`),
        ),
      })).e;
      fc.assert(
        fc.property(expression, fc.dictionary(fc.constantFrom('a', 'b', 'q', 'a-other'), fc.jsonValue()), (source, values) => {
          assert.equal(parseExpression(source).ok, true, source);
          evaluate(source, values);
          evaluateCondition(source, values);
        }),
        { numRuns: 1000 },
      );
    });
  });

  describe('unparsable input', () => {
    it('should evaluate to undefined and its condition to false', () => {
      assert.equal(evaluate('{a} = ', { a: 1 }), undefined);
      assert.equal(evaluate('', {}), undefined);
      assert.equal(evaluateCondition('{a} = = 1', { a: 1 }), false);
    });
  });
});

describe('evaluateCondition', () => {
  it("should hold exactly when survey-core's ConditionRunner holds: the value == true", () => {
    const rows: [string, ExpressionValues, boolean][] = [
      ['{a}', { a: true }, true],
      ['{a}', { a: 1 }, true],
      ['{a}', { a: [1] }, true],
      ['{a}', { a: 2 }, false],
      ['{a}', { a: 'yes' }, false],
      ['{a}', { a: 'true' }, true],
      ["'true'", {}, false],
      ["'1'", {}, true],
      ['{a}', {}, false],
      ['{a} + 1', { a: 0 }, true],
    ];
    for (const [source, values, expected] of rows) assert.equal(evaluateCondition(source, values), expected, `${source} with ${JSON.stringify(values)}`);
  });

  it('should accept a parsed tree as well as source', () => {
    const result = parseExpression('{a} > 1');
    assert.ok(result.ok);
    assert.equal(evaluateCondition(result.ast, { a: 2 }), true);
    assert.equal(evaluate(result.ast, { a: 0 }), false);
  });
});

describe('compileExpression', () => {
  it('should parse once and evaluate many times, with the references in order', () => {
    const compiled = compileExpression("{overall} <= 2 or {criteria.waiting} <= 2 or {gender-other} = 'x'");
    assert.equal(compiled.source, "{overall} <= 2 or {criteria.waiting} <= 2 or {gender-other} = 'x'");
    assert.deepEqual(
      compiled.references.map((reference) => reference.path),
      ['overall', 'criteria.waiting', 'gender-other'],
    );
    assert.equal(compiled.test({ overall: 1 }), true);
    assert.equal(compiled.test({ overall: 4, criteria: { waiting: 3 } }), false);
    assert.equal(compiled.evaluate({ overall: 4, criteria: { waiting: '2' } }), true);
    assert.equal(compiled.test({}), false);
  });

  it('should pass `now` to today() and age()', () => {
    const compiled = compileExpression('{visit_date} <= today()');
    assert.equal(compiled.test({ visit_date: '2026-01-02' }, { now: new Date(2026, 0, 2, 9) }), true);
    assert.equal(compiled.test({ visit_date: '2026-01-02' }, { now: new Date(2026, 0, 1, 9) }), false);
  });

  it('should throw a located error in both languages for source that does not parse', () => {
    assert.throws(
      () => compileExpression('{a} = 1 and'),
      (error: unknown) => {
        assert.ok(error instanceof ExpressionCompileError && error instanceof Error);
        assert.equal(error.offset, 11);
        assert.equal(error.source, '{a} = 1 and');
        assert.match(error.message, /character 12 .*The expression ends too early/);
        assert.ok(error.localized.vi.length > 0);
        return true;
      },
    );
    assert.throws(() => compileExpression('frobnicate({a})'), /Unknown function "frobnicate"/);
    assert.throws(() => compileExpression('{a} = NULL'), /Unknown word "NULL"/);
  });
});
