/**
 * Property: partial aggregates merge into exactly what aggregating everything at once gives,
 * whether the responses are split into random shards or by period, and through snapshots.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Response } from '@sipas/schema';
import { sipas1001, sipas2640 } from '@sipas/templates';
import { computeIndex, IndexAccumulator, type AccumulatorSnapshot, type IndexOptions } from '@sipas/index';
import { generateResponses } from './helpers/generate-responses.js';

const pools = [
  { questionnaire: sipas2640, responses: generateResponses(sipas2640, 240, { seed: 11, days: 500 }) },
  { questionnaire: sipas1001, responses: generateResponses(sipas1001, 240, { seed: 12, days: 500 }) },
];

const optionChoices: IndexOptions[] = [
  {},
  { by: ['quarter'] },
  { by: ['unit', 'month'] },
  { by: ['unit:province'] },
  { by: ['channel', 'half'] },
  { by: ['year'], from: '2024-03-01', to: '2024-12-31' },
  { by: ['field'], where: { channel: ['paper', 'online'] } },
  { by: ['unit'], utcOffset: '+07:00' },
];

/** Options that fit the questionnaire (2640 declares the breakdown gender, 1001 declares R2). */
const fitting = (index: number, options: IndexOptions): IndexOptions => {
  if (options.by?.[0] === 'field' && index === 1) return { ...options, by: ['answer:R2'] };
  if (options.by?.[0] === 'field' && index === 0) return { ...options, by: ['answer:gender', 'field'] };
  return options;
};

const scenario = fc.record({
  pool: fc.integer({ min: 0, max: pools.length - 1 }),
  options: fc.constantFrom(...optionChoices),
  shards: fc.integer({ min: 1, max: 6 }),
  take: fc.integer({ min: 0, max: 240 }),
  seed: fc.integer(),
});

/** Shard of each response, from a seed (a simple linear congruential sequence). */
function assignShards(count: number, shards: number, seed: number): number[] {
  let state = seed >>> 0;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % shards;
  });
}

describe('merging partial aggregates', () => {
  it('should equal aggregating all at once, for random shards', () => {
    fc.assert(
      fc.property(scenario, ({ pool, options, shards, take, seed }) => {
        const { questionnaire, responses } = pools[pool]!;
        const chosen = responses.slice(0, take);
        const opts = fitting(pool, options);
        const expected = computeIndex(questionnaire, chosen, opts);
        const partials = Array.from({ length: shards }, () => new IndexAccumulator(questionnaire, opts));
        assignShards(chosen.length, shards, seed).forEach((shard, i) => partials[shard]!.add(chosen[i]!));
        const merged = new IndexAccumulator(questionnaire, opts);
        for (const partial of partials) merged.merge(partial);
        assert.deepEqual(merged.result(), expected);
        // Merging into a shard that already holds counts gives the same.
        const [first, ...rest] = partials;
        for (const partial of rest) first!.merge(partial);
        assert.deepEqual(first!.result(), expected);
      }),
      { numRuns: 60 },
    );
  });

  it('should equal aggregating all at once when each period is aggregated on its own', () => {
    for (const [index, { questionnaire, responses }] of pools.entries()) {
      for (const options of [{ by: ['unit'] }, { by: ['quarter'] }, {}] as IndexOptions[]) {
        const byQuarter = new Map<string, Response[]>();
        for (const response of responses) {
          const month = Number(response.submittedAt.slice(5, 7));
          const quarter = `${response.submittedAt.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
          byQuarter.set(quarter, [...(byQuarter.get(quarter) ?? []), response]);
        }
        assert.ok(byQuarter.size >= 4, 'the pool spreads over several quarters');
        const merged = new IndexAccumulator(questionnaire, options);
        for (const period of byQuarter.values()) {
          const partial = new IndexAccumulator(questionnaire, options);
          for (const response of period) partial.add(response);
          merged.merge(partial);
        }
        assert.deepEqual(merged.result(), computeIndex(questionnaire, responses, options), `pool ${index}, ${JSON.stringify(options)}`);
      }
    }
  });

  it('should restore a snapshot that went through JSON into the same counts', () => {
    fc.assert(
      fc.property(scenario, ({ pool, options, take }) => {
        const { questionnaire, responses } = pools[pool]!;
        const opts = fitting(pool, options);
        const original = new IndexAccumulator(questionnaire, opts);
        for (const response of responses.slice(0, take)) original.add(response);
        const restored = new IndexAccumulator(questionnaire, opts);
        restored.restore(JSON.parse(JSON.stringify(original.snapshot())) as AccumulatorSnapshot);
        assert.deepEqual(restored.result(), original.result());
      }),
      { numRuns: 20 },
    );
  });

  it('should refuse a snapshot of other options', () => {
    const { questionnaire, responses } = pools[0]!;
    const month = new IndexAccumulator(questionnaire, { by: ['month'] });
    for (const response of responses.slice(0, 10)) month.add(response);
    assert.throws(() => new IndexAccumulator(questionnaire, { by: ['year'] }).restore(month.snapshot()), /same|another/);
  });
});
