/**
 * Property: on random index models (methods, weights, satisfied and excluded sets) over random
 * responses (blanks, no-opinion, spoiled items, rows and questions hidden by filters, stray
 * values), the engine gives what a plain, obviously-correct computation written here gives.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AnswerValue, IndexModel, IndexNode, Question, Questionnaire, Response } from '@sipas/schema';
import { computeIndex, type NodeResult } from '@sipas/index';
import { validateQuestionnaire } from '@sipas/schema';
import { likert, questionnaire, rating, response, single, yesNo } from './helpers/build.js';

// --- the random world -----------------------------------------------------------------------

interface World {
  rows: { value: string; filtered: boolean }[];
  noOpinion: 'none' | 'default' | 'custom';
  /** The likert grid is shown only when h = 'x'. */
  gridConditional: boolean;
  ratings: { scale: 'satisfaction-5' | 'satisfaction-3'; filtered: boolean }[];
  /** The ratings' section is shown only when h = 'y'. */
  sectionConditional: boolean;
  singleOther: boolean;
}

/** Where an item reads: a likert row, a rating, or the single-choice question. */
type SourceRef = { kind: 'row'; index: number } | { kind: 'rating'; index: number } | { kind: 'single' };

const worldArbitrary: fc.Arbitrary<World> = fc.record({
  rows: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }).map((flags) => flags.map((filtered, i) => ({ value: `r${i}`, filtered }))),
  noOpinion: fc.constantFrom('none' as const, 'default' as const, 'custom' as const),
  gridConditional: fc.boolean(),
  ratings: fc.array(fc.record({ scale: fc.constantFrom('satisfaction-5' as const, 'satisfaction-3' as const), filtered: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  sectionConditional: fc.boolean(),
  singleOther: fc.boolean(),
});

const noOpinionOf = (world: World): AnswerValue | undefined => (world.noOpinion === 'none' ? undefined : world.noOpinion === 'default' ? 'na' : 'kb');

/** Values an answer of the source can take (what the engine knows), no-opinion included. */
function sourceValues(world: World, source: SourceRef): AnswerValue[] {
  if (source.kind === 'row') return [1, 2, 3, 4, 5, ...(noOpinionOf(world) !== undefined ? [noOpinionOf(world)!] : [])];
  if (source.kind === 'rating') return world.ratings[source.index]!.scale === 'satisfaction-5' ? [1, 2, 3, 4, 5] : [1, 2, 3];
  return ['a', 'b', 'c', ...(world.singleOther ? ['other'] : [])];
}

const sourceArbitrary = (world: World): fc.Arbitrary<SourceRef> =>
  fc.oneof(
    fc.integer({ min: 0, max: world.rows.length - 1 }).map((index): SourceRef => ({ kind: 'row', index })),
    fc.integer({ min: 0, max: world.ratings.length - 1 }).map((index): SourceRef => ({ kind: 'rating', index })),
    fc.constant<SourceRef>({ kind: 'single' }),
  );

const indexSource = (world: World, source: SourceRef) =>
  source.kind === 'row' ? { question: 'L', row: world.rows[source.index]!.value } : source.kind === 'rating' ? { question: `R${source.index}` } : { question: 'S' };

/** A subset of the values, or undefined (not declared). */
const subsetArbitrary = (values: AnswerValue[], minLength: number) =>
  fc.option(fc.subarray(values, { minLength }), { nil: undefined });

const weightArbitrary = fc.option(fc.oneof(fc.constantFrom(0, 1, 2), fc.double({ min: 0.1, max: 5, noNaN: true })), { nil: undefined });

interface Tree {
  node: Omit<IndexNode, 'id' | 'children'> & { children?: Tree[] };
  ref: SourceRef | undefined;
}

function treeArbitrary(world: World): fc.Arbitrary<Tree> {
  const leaf = sourceArbitrary(world).chain((ref) =>
    fc.record({ satisfied: subsetArbitrary(sourceValues(world, ref).filter((v) => v !== noOpinionOf(world)), 1), excluded: subsetArbitrary(sourceValues(world, ref), 0), weight: weightArbitrary }).map(
      ({ satisfied, excluded, weight }): Tree => ({
        ref,
        node: { source: indexSource(world, ref), ...(satisfied ? { satisfied } : {}), ...(excluded ? { excluded } : {}), ...(weight !== undefined ? { weight } : {}) },
      }),
    ),
  );
  const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
    tree: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'tree' },
      leaf,
      fc
        .record({
          method: fc.constantFrom('mean' as const, 'pooled' as const, 'source' as const, undefined),
          children: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }),
          weight: weightArbitrary,
          own: sourceArbitrary(world),
        })
        .map(({ method, children, weight, own }): Tree => ({
          ref: method === 'source' ? own : undefined,
          node: { ...(method ? { method } : {}), ...(method === 'source' ? { source: indexSource(world, own) } : {}), ...(weight !== undefined ? { weight } : {}), children },
        })),
    ),
  }));
  return tree;
}

interface Scenario {
  world: World;
  tree: Tree;
  model: Omit<IndexModel, 'root'>;
  answers: Response[];
}

function responsesArbitrary(world: World): fc.Arbitrary<Response[]> {
  const noOpinion = noOpinionOf(world);
  const rowValue = fc.oneof(fc.constantFrom<AnswerValue | undefined>(1, 2, 3, 4, 5, undefined), fc.constant(noOpinion), fc.constant<AnswerValue>(9));
  const one = fc.record({
    f: fc.constantFrom(true, false, undefined),
    h: fc.constantFrom('x', 'y', undefined),
    grid: fc.option(fc.array(rowValue, { minLength: world.rows.length, maxLength: world.rows.length }), { nil: undefined }),
    ratings: fc.array(fc.constantFrom<AnswerValue | undefined>(1, 2, 3, 4, 5, undefined, '4'), { minLength: world.ratings.length, maxLength: world.ratings.length }),
    s: fc.constantFrom<AnswerValue | undefined>('a', 'b', 'c', 'other', undefined),
    spoiled: fc.option(fc.subarray(['L', ...world.rows.map((r) => `L.${r.value}`), ...world.ratings.map((_, i) => `R${i}`), 'S']), { nil: undefined }),
  });
  return fc.array(one, { maxLength: 40 }).map((list) =>
    list.map((drawn) => {
      const answers: Response['answers'] = {};
      if (drawn.f !== undefined) answers.f = drawn.f;
      if (drawn.h !== undefined) answers.h = drawn.h;
      if (drawn.grid) {
        const rows: Record<string, AnswerValue> = {};
        drawn.grid.forEach((value, i) => {
          if (value !== undefined) rows[world.rows[i]!.value] = value;
        });
        answers.L = rows;
      }
      drawn.ratings.forEach((value, i) => {
        if (value !== undefined) answers[`R${i}`] = value;
      });
      if (drawn.s !== undefined && (drawn.s !== 'other' || world.singleOther)) answers.S = drawn.s;
      return response({ answers, ...(drawn.spoiled ? { spoiled: drawn.spoiled } : {}) });
    }),
  );
}

const scenarioArbitrary: fc.Arbitrary<Scenario> = worldArbitrary.chain((world) =>
  fc.record({
    world: fc.constant(world),
    tree: treeArbitrary(world),
    model: fc.record({
      satisfied: subsetArbitrary([1, 2, 3, 4, 5, 'a', 'b', 'c'], 0),
      excluded: subsetArbitrary([1, 2, 3, 4, 5, 'a', 'b', 'c'], 0),
      distributions: fc.option(fc.constant(['L', 'S']), { nil: undefined }),
    }),
    answers: responsesArbitrary(world),
  }),
);

/** The questionnaire of a scenario; node ids are numbered depth first. */
function buildQuestionnaire(scenario: Scenario): { questionnaire: Questionnaire; refs: Map<string, SourceRef> } {
  const { world } = scenario;
  const refs = new Map<string, SourceRef>();
  let next = 0;
  const build = (tree: Tree): IndexNode => {
    const id = `N${next++}`;
    if (tree.ref) refs.set(id, tree.ref);
    const { children, ...rest } = tree.node;
    return { id, ...rest, ...(children ? { children: children.map(build) } : {}) };
  };
  const root = build(scenario.tree);
  const noOpinion = world.noOpinion === 'none' ? {} : { noOpinion: world.noOpinion === 'default' ? true : { value: 'kb', text: 'Không biết' } };
  const grid = likert('L', world.rows.map((row) => (row.filtered ? { value: row.value, visibleIf: '{f} = true' } : row.value)), {
    ...noOpinion,
    ...(world.gridConditional ? { visibleIf: "{h} = 'x'" } : {}),
  });
  const ratings: Question[] = world.ratings.map((r, i) => rating(`R${i}`, r.scale, r.filtered ? { visibleIf: '{f} = true' } : {}));
  const model: IndexModel = { root };
  if (scenario.model.satisfied) model.satisfied = scenario.model.satisfied;
  if (scenario.model.excluded) model.excluded = scenario.model.excluded;
  if (scenario.model.distributions) model.distributions = scenario.model.distributions;
  return {
    questionnaire: questionnaire({
      questions: [yesNo('f'), single('h', ['x', 'y']), grid, single('S', ['a', 'b', 'c'], world.singleOther ? { other: true } : {})],
      sections: [{ name: 'ratings', ...(world.sectionConditional ? { visibleIf: "{h} = 'y'" } : {}), questions: ratings }],
      index: model,
    }),
    refs,
  };
}

// --- the reference computation --------------------------------------------------------------

type Outcome = 'filtered' | 'spoiled' | 'blank' | 'invalid' | { value: AnswerValue };

/** What one response gives for one source, by the rules of README.md, in the plainest terms. */
function outcome(world: World, source: SourceRef, r: Response): Outcome {
  const answers = r.answers;
  const spoiled = r.paper?.spoiled ?? [];
  let hidden: boolean;
  let spoiledHere: boolean;
  let value: unknown;
  if (source.kind === 'row') {
    const row = world.rows[source.index]!;
    hidden = (world.gridConditional && answers.h !== 'x') || (row.filtered && answers.f !== true);
    spoiledHere = spoiled.includes('L') || spoiled.includes(`L.${row.value}`);
    value = answers.L === undefined ? undefined : (answers.L as Record<string, unknown>)[row.value];
  } else if (source.kind === 'rating') {
    hidden = (world.sectionConditional && answers.h !== 'y') || (world.ratings[source.index]!.filtered && answers.f !== true);
    spoiledHere = spoiled.includes(`R${source.index}`);
    value = answers[`R${source.index}`];
  } else {
    hidden = false;
    spoiledHere = spoiled.includes('S');
    value = answers.S;
  }
  if (hidden) return 'filtered';
  if (spoiledHere) return 'spoiled';
  if (value === undefined) return 'blank';
  if (!sourceValues(world, source).includes(value as AnswerValue)) return 'invalid';
  return { value: value as AnswerValue };
}

interface Expected {
  id: string;
  method: string;
  weight: number;
  index: number | null;
  nValid: number;
  satisfied: number;
  distribution?: Record<string, number>;
  skipped?: string[];
  children?: Expected[];
}

function satisfiedSet(world: World, node: IndexNode, model: IndexModel, source: SourceRef): AnswerValue[] {
  if (node.satisfied) return node.satisfied;
  if (model.satisfied) return model.satisfied;
  if (source.kind === 'row') return [4, 5];
  if (source.kind === 'rating') return world.ratings[source.index]!.scale === 'satisfaction-5' ? [4, 5] : [2, 3];
  return [];
}

function itemFigures(world: World, node: IndexNode, model: IndexModel, source: SourceRef, responses: Response[]) {
  const excluded = [...(model.excluded ?? []), ...(node.excluded ?? [])];
  const satisfiedValues = satisfiedSet(world, node, model, source);
  const distribution: Record<string, number> = Object.fromEntries(sourceValues(world, source).map((v) => [String(v), 0]));
  distribution.blank = 0;
  distribution.spoiled = 0;
  distribution.filtered = 0;
  let valid = 0;
  let satisfied = 0;
  for (const r of responses) {
    const result = outcome(world, source, r);
    if (typeof result === 'string') {
      distribution[result] = (distribution[result] ?? 0) + 1;
      continue;
    }
    distribution[String(result.value)]!++;
    if (result.value === noOpinionOf(world) && source.kind === 'row') continue;
    if (excluded.includes(result.value)) continue;
    valid++;
    if (satisfiedValues.includes(result.value)) satisfied++;
  }
  return { valid, satisfied, distribution };
}

function leavesOf(node: IndexNode): IndexNode[] {
  return (node.children ?? []).flatMap((child) => (child.children ? leavesOf(child) : [child]));
}

function reference(world: World, model: IndexModel, refs: Map<string, SourceRef>, node: IndexNode, responses: Response[]): Expected {
  const method = node.method ?? (node.children ? 'mean' : 'share');
  const children = node.children?.map((child) => reference(world, model, refs, child, responses));
  const expected: Expected = { id: node.id, method, weight: node.weight ?? 1, index: null, nValid: 0, satisfied: 0 };
  if (method === 'share' || method === 'source') {
    const figures = itemFigures(world, node, model, refs.get(node.id)!, responses);
    expected.nValid = figures.valid;
    expected.satisfied = figures.satisfied;
    expected.index = figures.valid === 0 ? null : (figures.satisfied / figures.valid) * 100;
    expected.distribution = figures.distribution;
  } else if (method === 'pooled') {
    for (const leaf of leavesOf(node)) {
      const figures = itemFigures(world, leaf, model, refs.get(leaf.id)!, responses);
      expected.nValid += figures.valid;
      expected.satisfied += figures.satisfied;
    }
    expected.index = expected.nValid === 0 ? null : (expected.satisfied / expected.nValid) * 100;
  } else {
    const counted = children!.filter((c) => c.index !== null && c.weight > 0);
    const totalWeight = counted.reduce((sum, c) => sum + c.weight, 0);
    expected.index = totalWeight > 0 ? counted.reduce((sum, c) => sum + c.weight * c.index!, 0) / totalWeight : null;
    expected.nValid = counted.reduce((sum, c) => sum + c.nValid, 0);
    expected.satisfied = counted.reduce((sum, c) => sum + c.satisfied, 0);
    const skipped = children!.filter((c) => c.index === null).map((c) => c.id);
    if (skipped.length > 0) expected.skipped = skipped;
  }
  if (children) expected.children = children;
  return expected;
}

function compare(actual: NodeResult, expected: Expected, path = expected.id): void {
  assert.equal(actual.id, expected.id, path);
  assert.equal(actual.method, expected.method, `${path} method`);
  assert.equal(actual.weight, expected.weight, `${path} weight`);
  assert.equal(actual.nValid, expected.nValid, `${path} nValid`);
  assert.equal(actual.satisfied, expected.satisfied, `${path} satisfied`);
  if (expected.index === null) assert.equal(actual.index, null, `${path} index`);
  else assert.ok(actual.index !== null && Math.abs(actual.index - expected.index) <= 1e-9, `${path} index ${actual.index} vs ${expected.index}`);
  const { invalid, ...distribution } = expected.distribution ?? {};
  if (expected.distribution) assert.deepEqual(actual.distribution, invalid ? { ...distribution, invalid } : distribution, `${path} distribution`);
  else assert.equal(actual.distribution, undefined, `${path} distribution`);
  assert.deepEqual(actual.skipped, expected.skipped, `${path} skipped`);
  assert.equal(actual.children?.length, expected.children?.length, `${path} children`);
  expected.children?.forEach((child, i) => compare(actual.children![i]!, child, `${path}/${child.id}`));
}

describe('index engine against a reference computation', () => {
  it('should give the reference results on random models and responses', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const { questionnaire: q, refs } = buildQuestionnaire(scenario);
        // Models the format refuses (an item with no satisfied answer at all) are refused by the engine too.
        fc.pre(validateQuestionnaire(q).valid);
        const report = computeIndex(q, scenario.answers);
        const model = q.sipas!.index!;
        assert.equal(report.responses, scenario.answers.length);
        compare(report.overall.root, reference(scenario.world, model, refs, model.root, scenario.answers));
        if (model.distributions) {
          const expected: Record<string, Record<string, number>> = {};
          for (const [i, row] of scenario.world.rows.entries()) {
            const { distribution } = itemFigures(scenario.world, { id: 'x' }, model, { kind: 'row', index: i }, scenario.answers);
            const { invalid, ...rest } = distribution;
            expected[`L.${row.value}`] = invalid ? { ...rest, invalid } : rest;
          }
          const { distribution } = itemFigures(scenario.world, { id: 'x' }, model, { kind: 'single' }, scenario.answers);
          const { invalid, ...rest } = distribution;
          expected.S = invalid ? { ...rest, invalid } : rest;
          assert.deepEqual(report.overall.distributions, expected);
        } else {
          assert.deepEqual(report.overall.distributions, {});
        }
      }),
      { numRuns: 300 },
    );
  });
});
