/**
 * Conformance of the expression evaluator with survey-core (ARCHITECTURE D2, decision 0012):
 * random expressions over the grammar both accept, evaluated over random answers, must give the
 * same value as survey-core's ExpressionRunner and the same boolean as its ConditionRunner.
 *
 * Reproduce a failure with the seed it prints: SIPAS_CONFORMANCE_SEED=<seed> npm run test:node -- expression-conformance
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ConditionRunner, ConditionsParser, ExpressionRunner, settings } from 'survey-core';
import { parseExpression } from '@sipas/schema';
import { evaluate, evaluateCondition, type ExpressionValues } from '@sipas/core';

const RUNS = 10_000;
const seed = Number(process.env['SIPAS_CONFORMANCE_SEED'] ?? Date.now() % 2_147_483_647);

// ---------------------------------------------------------------------------------------------
// Expressions. Each level of this generator is a level of our grammar (docs/expressions.md,
// Precedence), so every string parses for us; operators are written without parentheses often,
// so the grouping of the two parsers is compared too. Left out, because survey-core rejects them
// or gives them no defined value (docs/expressions.md, Divergences): `not`, a `-` or `+` prefix
// other than a minus written against a number, numbers such as `.5`, `1.` or `1e3`, `empty` after
// anything but a reference or a literal, `null` anywhere but as an operand of a binary operator,
// upper-case function names, spaces inside braces, and text containing `<>`, `=>`, `=<` or
// `equals` (survey-core rewrites those even inside quotes).
// ---------------------------------------------------------------------------------------------

const references = fc.constantFrom('{a}', '{b}', '{c}', '{m}', '{q}', '{q.r1}', '{q.r2}', '{q.length}', '{a-other}', '{channel}');
const numberLiterals = fc.constantFrom('0', '1', '2', '3', '5', '10', '100', '0.5', '1.5', '2.25', '0.1', '0.2', '-1', '-2.5', '-0.5', '-0', '1000000');
const texts = ['', '10', '1', '0', '01', '1.5', '1,5', ' 5 ', 'abc', 'ABC', 'Abc', ' abc ', 'b', 'x', 'a,b', 'true', 'FALSE', 'undefined', '2024-05-01', '2026-11-24', '2030-01-01T10:20'];
const stringLiterals = fc.oneof(
  fc.constantFrom(...texts).map((text) => `'${text}'`),
  fc.constantFrom(...texts).map((text) => `"${text}"`),
);
const booleanLiterals = fc.constantFrom('true', 'false', 'TRUE', 'False');
const atom = fc.oneof({ weight: 4, arbitrary: references }, { weight: 2, arbitrary: numberLiterals }, { weight: 2, arbitrary: stringLiterals }, { weight: 1, arbitrary: booleanLiterals });

const spelled = (...spellings: string[]) => fc.constantFrom(...spellings);
const orOperator = spelled(' or ', ' OR ', ' || ', '||');
const andOperator = spelled(' and ', ' And ', ' && ', '&&');
const comparison = spelled('=', '==', ' equal ', '!=', '<>', ' notequal ', '<', ' less ', '<=', ' lessorequal ', '>', ' greater ', '>=', ' greaterorequal ').chain((op) =>
  op.startsWith(' ') ? fc.constant(op) : fc.constantFrom(op, ` ${op} `),
);
const membership = spelled(' contains ', ' contain ', ' notcontains ', ' notcontain ', ' anyof ', ' anyOf ', ' allof ', ' ALLOF ', ' CONTAINS ');
const additive = spelled(' + ', ' - ', '+', '-');
const multiplicative = spelled(' * ', ' / ', ' % ', '*', '/', '%');

/** A chain `x op x op x` of one level; with two or more operands, an operand may be the literal null. */
function chain(operand: fc.Arbitrary<string>, operator: fc.Arbitrary<string>, maxOperands: number): fc.Arbitrary<string> {
  const operandOrNull = fc.oneof({ weight: 12, arbitrary: operand }, { weight: 1, arbitrary: fc.constant('null') });
  return fc.oneof(
    { weight: 3, arbitrary: operand },
    {
      weight: 2,
      arbitrary: fc
        .tuple(operandOrNull, fc.array(fc.tuple(operator, operandOrNull), { minLength: 1, maxLength: maxOperands - 1 }))
        .map(([first, rest]) => first + rest.map(([op, next]) => op + next).join('')),
    },
  );
}

/** Expressions up to a nesting depth, built level by level (loosest last). */
function expressionOfDepth(depth: number, inner: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const argument = inner;
  const call = fc.oneof(
    fc.tuple(argument, argument, argument).map(([c, t, e]) => `iif(${c}, ${t}, ${e})`),
    fc.tuple(fc.constantFrom('count', 'sum', 'min', 'max', 'avg'), fc.array(argument, { minLength: 1, maxLength: 3 })).map(
      ([name, args]) => (name === 'count' ? `count(${args[0]})` : `${name}(${args.join(', ')})`),
    ),
    fc.array(argument, { minLength: 1, maxLength: 2 }).map((args) => `round(${args.join(', ')})`),
    argument.map((arg) => `age(${arg})`),
    fc.option(argument, { nil: undefined }).map((arg) => `today(${arg ?? ''})`),
  );
  const array = fc.array(argument, { maxLength: 3 }).map((items) => `[${items.join(', ')}]`);
  const plainFactor: fc.Arbitrary<string> = fc.oneof(
    { weight: 6, arbitrary: atom },
    { weight: 2, arbitrary: fc.tuple(atom, fc.constantFrom(' empty', ' notempty', ' EMPTY')).map(([a, op]) => a + op) },
    { weight: depth > 0 ? 2 : 0, arbitrary: inner.map((e) => `(${e})`) },
    { weight: depth > 0 ? 2 : 0, arbitrary: call },
    { weight: depth > 0 ? 1 : 0, arbitrary: array },
  );
  const factor = fc.oneof(
    { weight: 8, arbitrary: plainFactor },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('!', '! ', '!!'), plainFactor).map(([bang, f]) => bang + f) },
  );
  const member = chain(factor, membership, 2);
  const product = chain(member, multiplicative, 3);
  const sum = chain(product, additive, 3);
  const compared = chain(sum, comparison, 2);
  const conjunction = chain(compared, andOperator, 3);
  return chain(conjunction, orOperator, 3);
}

const depth0 = expressionOfDepth(0, atom);
const depth1 = expressionOfDepth(1, depth0);
const depth2 = expressionOfDepth(2, depth1);
const expression = fc.oneof(depth1, depth2);

// ---------------------------------------------------------------------------------------------
// Values: answers of every shape a reference can meet, and some no answer should have.
// ---------------------------------------------------------------------------------------------

const scalar = fc.oneof(
  fc.constantFrom(0, 1, 2, 3, 5, 10, -1, -2.5, 0.1, 0.2, 0.5, 1.5, 2.25, 100, -0, 1e21, 1e-7, Number.MAX_SAFE_INTEGER, NaN, Infinity),
  fc.integer({ min: -20, max: 20 }),
  fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 100),
  fc.constantFrom(...texts, ' ', '0x1F', '1e3', '2*3', '-3', '12345678901234567', "'q'", 'True'),
  fc.boolean(),
  fc.constant(null),
);
const answer = fc.oneof(
  { weight: 5, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(fc.oneof({ weight: 4, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 2 }) }), { maxLength: 4 }) },
  { weight: 2, arbitrary: fc.record({ r1: scalar, r2: scalar, length: scalar }, { requiredKeys: [] }) },
);
const values: fc.Arbitrary<ExpressionValues> = fc.record(
  { a: answer, b: answer, c: answer, m: answer, q: answer, 'a-other': answer, channel: answer },
  { requiredKeys: [] },
);
/** The clock of both engines for one case (today(), age(), a date compared with ''). */
const moment = fc.date({ min: new Date(1990, 0, 1), max: new Date(2040, 11, 31), noInvalidDate: true });

// ---------------------------------------------------------------------------------------------
// Comparing results.
// ---------------------------------------------------------------------------------------------

/**
 * Deep equality for results: NaN equals NaN, dates compare by time, and numbers may differ by a
 * relative 1e-9. Both engines run the same floating-point operations in the same order, so numbers
 * are normally bit-identical; the tolerance only keeps a last-bit difference from a harmlessly
 * different order of operations (0.1 + 0.2 vs 0.2 + 0.1) from being reported as a divergence.
 * 0 and -0 are equal; null and undefined are not.
 */
function sameResult(ours: unknown, theirs: unknown): boolean {
  if (typeof ours === 'number' && typeof theirs === 'number') {
    if (Number.isNaN(ours) || Number.isNaN(theirs)) return Number.isNaN(ours) && Number.isNaN(theirs);
    if (ours === theirs) return true;
    return Math.abs(ours - theirs) <= 1e-9 * Math.max(1, Math.abs(ours), Math.abs(theirs));
  }
  if (ours instanceof Date || theirs instanceof Date) {
    return ours instanceof Date && theirs instanceof Date && sameResult(ours.getTime(), theirs.getTime());
  }
  if (Array.isArray(ours) || Array.isArray(theirs)) {
    return Array.isArray(ours) && Array.isArray(theirs) && ours.length === theirs.length && ours.every((item, i) => sameResult(item, theirs[i]));
  }
  if (ours !== null && theirs !== null && typeof ours === 'object' && typeof theirs === 'object') {
    const keys = Object.keys(ours);
    return keys.length === Object.keys(theirs).length && keys.every((key) => Object.hasOwn(theirs, key) && sameResult((ours as Record<string, unknown>)[key], (theirs as Record<string, unknown>)[key]));
  }
  return ours === theirs;
}

/** JSON that shows what JSON hides: undefined, NaN, Infinity, -0 and dates. */
function show(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === undefined) return '<undefined>';
    if (typeof v === 'number' && !Number.isFinite(v)) return `<${v}>`;
    if (Object.is(v, -0)) return '<-0>';
    return v;
  }) ?? '<undefined>';
}

// ---------------------------------------------------------------------------------------------

describe('expression conformance with survey-core', () => {
  let now = new Date();
  const originalOnDateCreated = settings.onDateCreated;

  before(() => {
    // survey-core reads the clock through this hook; give it the same moment as our `now` option.
    settings.onDateCreated = (date: Date, _reason: string, value: unknown) => (value ? date : new Date(now.getTime()));
  });
  after(() => {
    settings.onDateCreated = originalOnDateCreated;
  });

  it(`should give survey-core's value and condition for ${RUNS} random expressions (seed ${seed})`, () => {
    const parser = new ConditionsParser();
    let compared = 0;
    let unparsableBySurveyCore = 0;
    let thrownBySurveyCore = 0;
    const property = fc.property(expression, values, moment, (source, answers, at) => {
      // Our grammar produced it, so our parser must accept it.
      assert.equal(parseExpression(source).ok, true, `we should parse ${source}`);
      if (!parser.parseExpression(source)) {
        unparsableBySurveyCore++;
        fc.pre(false);
      }
      now = at;
      let expected: unknown;
      let expectedCondition: boolean;
      try {
        expected = new ExpressionRunner(source).runValues(answers);
        expectedCondition = new ConditionRunner(source).runValues(answers);
      } catch {
        // survey-core crashes on a few inputs (see docs/expressions.md, Divergences): no reference value.
        thrownBySurveyCore++;
        fc.pre(false);
        return;
      }
      const actual = evaluate(source, answers, { now: at });
      const actualCondition = evaluateCondition(source, answers, { now: at });
      const context = `seed ${seed}\n  expression: ${source}\n  values: ${show(answers)}\n  now: ${at.toISOString()}`;
      assert.ok(sameResult(actual, expected), `${context}\n  evaluate: ${show(actual)}\n  survey-core: ${show(expected)}`);
      assert.equal(actualCondition, expectedCondition, `${context}\n  evaluateCondition: ${actualCondition}\n  ConditionRunner: ${expectedCondition}`);
      compared++;
    });
    fc.assert(property, { seed, numRuns: RUNS, maxSkipsPerRun: 1 });

    const skipped = unparsableBySurveyCore + thrownBySurveyCore;
    assert.ok(compared >= RUNS, `compared ${compared} expressions`);
    assert.ok(skipped < 0.1 * (compared + skipped), `skipped ${unparsableBySurveyCore} unparsable and ${thrownBySurveyCore} crashing cases of ${compared + skipped} (seed ${seed})`);
    assert.ok(thrownBySurveyCore < 0.01 * (compared + skipped), `survey-core threw on ${thrownBySurveyCore} of ${compared + skipped} cases (seed ${seed})`);
  });
});
