import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseExpression, type ExpressionNode } from '@sipas/schema';

/** Parses or fails the test with the parser's own message. */
function parse(source: string): ExpressionNode {
  const result = parseExpression(source);
  if (!result.ok) assert.fail(`${source}: ${result.error.message.en} at ${result.error.offset}`);
  return result.ast;
}

/** A compact, position-free rendering of a tree, to compare shapes. */
function shape(node: ExpressionNode): string {
  switch (node.kind) {
    case 'literal':
      return JSON.stringify(node.value);
    case 'variable':
      return `{${node.path}}`;
    case 'array':
      return `[${node.items.map(shape).join(',')}]`;
    case 'unary':
      return `(${node.operator} ${shape(node.operand)})`;
    case 'binary':
      return `(${shape(node.left)} ${node.operator} ${shape(node.right)})`;
    case 'call':
      return `${node.name}(${node.args.map(shape).join(',')})`;
  }
}

function syntaxError(source: string) {
  const result = parseExpression(source);
  assert.equal(result.ok, false, `${source} should not parse`);
  return (result as Extract<typeof result, { ok: false }>).error;
}

describe('parseExpression', () => {
  describe('references', () => {
    it('should read a question, a likert row and an "other" text', () => {
      const result = parseExpression('{q1} = 1 and {grid.A1} >= 4 or {q2-other} notempty');
      assert.ok(result.ok);
      assert.deepEqual(
        result.references.map((r) => ({ name: r.name, row: r.row, other: r.other })),
        [
          { name: 'q1', row: undefined, other: undefined },
          { name: 'grid', row: 'A1', other: undefined },
          { name: 'q2', row: undefined, other: true },
        ],
      );
    });

    it('should tolerate spaces inside the braces', () => {
      assert.equal(shape(parse('{ q1 } = 2')), '({q1} = 2)');
    });

    it('should reject references that are not names', () => {
      for (const source of ['{1q} = 1', '{a b} = 1', '{a.b.c} = 1', '{} = 1', '{q-comment} = 1']) {
        assert.match(syntaxError(source).message.en, /Invalid reference/, source);
      }
    });
  });

  describe('literals', () => {
    it('should read numbers, strings in either quote, booleans, null and arrays', () => {
      assert.equal(shape(parse("[1, 2.5, .5, 1e3, 'a', \"b\", true, FALSE, null, -2]")), '[1,2.5,0.5,1000,"a","b",true,false,null,-2]');
    });

    it('should keep escaped quotes inside strings and any other backslash as it is', () => {
      assert.equal(shape(parse("'it\\'s'")), '"it\'s"');
      assert.equal(shape(parse("'say \\\"hi\\\"'")), '"say \\"hi\\""');
      assert.equal(shape(parse("'a\\b'")), '"a\\\\b"');
    });

    it('should read only lower-case null as null: SurveyJS reads NULL as text', () => {
      assert.equal(shape(parse('{a} = null')), '({a} = null)');
      assert.match(syntaxError('{a} = NULL').message.en, /Unknown word "NULL"/);
    });
  });

  describe('operators', () => {
    it('should accept every spelling of each comparison', () => {
      const spellings: Record<string, string[]> = {
        '=': ['=', '==', 'equal'],
        '!=': ['!=', '<>', 'notequal'],
        '<': ['<', 'less'],
        '<=': ['<=', 'lessorequal'],
        '>': ['>', 'greater'],
        '>=': ['>=', 'greaterorequal'],
        contains: ['contains', 'contain', 'CONTAINS'],
        notcontains: ['notcontains', 'notcontain'],
        anyof: ['anyof', 'anyOf'],
        allof: ['allof'],
      };
      for (const [operator, words] of Object.entries(spellings)) {
        for (const word of words) assert.equal(shape(parse(`{a} ${word} 1`)), `({a} ${operator} 1)`, word);
      }
    });

    it('should bind and tighter than or, comparison tighter than and, arithmetic tighter than comparison', () => {
      assert.equal(shape(parse('{a} = 1 or {b} = 2 and {c} = 3')), '(({a} = 1) or (({b} = 2) and ({c} = 3)))');
      assert.equal(shape(parse('{a} + 2 * 3 > 4 - 1 % 2')), '(({a} + (2 * 3)) > (4 - (1 % 2)))');
      assert.equal(shape(parse('({a} + 2) * 3')), '(({a} + 2) * 3)');
    });

    it('should read not, !, && and || like their words', () => {
      assert.equal(shape(parse('not {a} = 1 && !{b} || {c}')), '(((not ({a} = 1)) and (not {b})) or {c})');
    });

    it('should read empty and notempty after their operand', () => {
      assert.equal(shape(parse('{a} empty and {b} notempty')), '((empty {a}) and (notempty {b}))');
    });

    it('should read unary minus and plus, and a minus written against a number as part of it', () => {
      assert.equal(shape(parse('-{a} < +2 - -1')), '((negate {a}) < (2 - -1))');
      assert.equal(shape(parse('- 1')), '(negate 1)');
      assert.equal(shape(parse('--1')), '(negate -1)');
      assert.equal(shape(parse('-1 empty')), '(empty -1)');
    });

    it('should group like SurveyJS: ! and empty bind to one operand, membership tighter than arithmetic', () => {
      assert.equal(shape(parse('!{a} = 1')), '((not {a}) = 1)');
      assert.equal(shape(parse('not {a} = 1')), '(not ({a} = 1))');
      assert.equal(shape(parse('!{a} empty')), '(not (empty {a}))');
      assert.equal(shape(parse('!!{a} contains 1')), '((not (not {a})) contains 1)');
      assert.equal(shape(parse('{a} + {b} empty')), '({a} + (empty {b}))');
      assert.equal(shape(parse('{a} + 1 contains 2 * 3')), '({a} + ((1 contains 2) * 3))');
      assert.equal(shape(parse("{a} contains 'x' = true")), '(({a} contains "x") = true)');
      assert.equal(shape(parse('{a} = !{b}')), '({a} = (not {b}))');
    });

    it('should allow one membership operator per operand, like comparisons', () => {
      assert.match(syntaxError('{a} contains 1 contains 2').message.en, /Unexpected "contains"/);
      assert.match(syntaxError('{a} empty empty').message.en, /Unexpected "empty"/);
    });

    it('should keep left associativity of arithmetic', () => {
      assert.equal(shape(parse('10 - 4 - 3')), '((10 - 4) - 3)');
      assert.equal(shape(parse('8 / 4 / 2')), '((8 / 4) / 2)');
    });
  });

  describe('functions', () => {
    it('should read calls with their arguments, case-insensitively', () => {
      assert.equal(shape(parse("iif({a} > 1, 'x', 'y')")), 'iif(({a} > 1),"x","y")');
      assert.equal(shape(parse('SUM({a}, {b}, 3) + count({m})')), '(sum({a},{b},3) + count({m}))');
      assert.equal(shape(parse('age({dob}) >= 18 and today() notempty')), '((age({dob}) >= 18) and (notempty today()))');
    });

    it('should reject unknown functions and wrong argument counts', () => {
      assert.match(syntaxError('frobnicate({a})').message.en, /Unknown function "frobnicate"/);
      assert.match(syntaxError('iif({a}, 1)').message.en, /iif takes 3 arguments, got 2/);
      assert.match(syntaxError('age()').message.en, /age takes 1 arguments, got 0/);
    });
  });

  describe('syntax errors', () => {
    const cases: [source: string, offset: number, pattern: RegExp][] = [
      ['', 0, /empty/],
      ['   ', 0, /empty/],
      ['{a} = ', 6, /ends too early/],
      ['{a} = = 1', 6, /Unexpected "="/],
      ['{a', 0, /Missing "}"/],
      ["{a} = 'open", 6, /Unterminated string/],
      ['{a} = yes', 6, /Unknown word "yes".*\{yes\}.*'yes'/],
      ['({a} = 1', 8, /Expected "\)"/],
      ['{a} = 1)', 7, /Unexpected "\)"/],
      ['{a} # 1', 4, /Unexpected character "#"/],
      ['[1, 2', 5, /Expected "\]"/],
      ['{a} = 1 {b}', 8, /Unexpected "b"/],
      ['and {a}', 0, /Unexpected "and"/],
    ];
    for (const [source, offset, pattern] of cases) {
      it(`should locate the mistake in ${JSON.stringify(source)}`, () => {
        const error = syntaxError(source);
        assert.equal(error.offset, offset);
        assert.match(error.message.en, pattern);
        assert.ok(error.message.vi.length > 0 && error.message.vi !== error.message.en);
      });
    }
  });

  describe('properties', () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,8}$/);
    const leaf: fc.Arbitrary<string> = fc.oneof(
      name.map((n) => `{${n}}`),
      fc.tuple(name, name).map(([n, row]) => `{${n}.${row}}`),
      fc.integer({ min: 0, max: 1000 }).map(String),
      fc.string({ unit: fc.constantFrom('a', 'b', 'ư', ' ', '1') }).map((s) => `'${s}'`),
      fc.constantFrom('true', 'false', 'null'),
    );
    const binary = ['and', 'or', '=', '!=', '<', '<=', '>', '>=', 'contains', 'notcontains', 'anyof', 'allof', '+', '-', '*', '/', '%'];
    const expression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
      expr: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(tie('expr'), fc.constantFrom(...binary), tie('expr')).map(([l, op, r]) => `(${l} ${op} ${r})`),
        tie('expr').map((e) => `(not ${e})`),
        tie('expr').map((e) => `(${e} empty)`),
        fc.array(tie('expr'), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
        fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([a, b, c]) => `iif(${a}, ${b}, ${c})`),
      ),
    })).expr;

    it('should parse every fully parenthesised expression and never throw on arbitrary text', () => {
      fc.assert(
        fc.property(expression, (source) => {
          assert.equal(parseExpression(source).ok, true, source);
        }),
        { numRuns: 500 },
      );
      fc.assert(
        fc.property(fc.string({ maxLength: 40 }), (source) => {
          const result = parseExpression(source);
          if (!result.ok) assert.ok(result.error.offset >= 0 && result.error.offset <= source.length);
        }),
        { numRuns: 2000 },
      );
    });

    it('should give the same tree whatever the spacing', () => {
      fc.assert(
        fc.property(expression, (source) => {
          const spaced = source.replace(/([()[\],])/g, ' $1 ');
          assert.equal(shape(parse(spaced)), shape(parse(source)));
        }),
        { numRuns: 300 },
      );
    });

    it('should locate every reference at its braces', () => {
      fc.assert(
        fc.property(expression, (source) => {
          const result = parseExpression(source);
          assert.ok(result.ok);
          for (const reference of result.references) {
            assert.equal(source.slice(reference.start, reference.end), `{${reference.path}}`);
          }
        }),
        { numRuns: 200 },
      );
    });
  });
});
