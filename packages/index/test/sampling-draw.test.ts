import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createRandom, createSeed, drawSample, hashText, normalizeSeed, SamplingError, type FrameRow } from '@sipas/index';

/** A frame of `count` people spread over units A, B, C… in the given proportions. */
function frame(perUnit: Record<string, number>): FrameRow[] {
  return Object.entries(perUnit).flatMap(([unit, count]) =>
    Array.from({ length: count }, (_, index) => ({ id: `${unit}-${String(index + 1).padStart(4, '0')}`, unit, cells: { id: `${unit}-${index + 1}`, unit } })),
  );
}

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
const byUnit = (row: FrameRow) => row.unit ?? '';

describe('the seeded generator', () => {
  it('should hash seeds with 32-bit FNV-1a (published test vectors)', () => {
    assert.equal(hashText(''), 0x811c9dc5);
    assert.equal(hashText('a'), 0xe40c292c);
    assert.equal(hashText('foobar'), 0xbf9cf968);
  });

  it('should repeat its numbers for the same seed, and treat 42 and "42" alike', () => {
    const numbers = (seed: string | number) => {
      const random = createRandom(seed);
      return Array.from({ length: 20 }, () => random.nextUint32());
    };
    assert.deepEqual(numbers('quảng-ninh-2024'), numbers('quảng-ninh-2024'));
    assert.deepEqual(numbers(42), numbers('42'));
    assert.deepEqual(numbers(' 42 '), numbers('42'));
    assert.notDeepEqual(numbers('42'), numbers('43'));
    for (const value of numbers('x')) assert.ok(Number.isInteger(value) && value >= 0 && value < 2 ** 32);
  });

  it('should draw integers below a bound evenly (deterministic χ² check)', () => {
    const random = createRandom('uniformity');
    const counts = new Array<number>(6).fill(0);
    const draws = 60_000;
    for (let index = 0; index < draws; index += 1) counts[random.below(6)]! += 1;
    const expected = draws / 6;
    const chiSquare = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    // 5 degrees of freedom: the 99.9th percentile is 20.5.
    assert.ok(chiSquare < 20.5, `χ² = ${chiSquare}, counts ${counts.join(', ')}`);
    assert.equal(createRandom('one').below(1), 0);
    assert.throws(() => createRandom('x').below(0), RangeError);
  });

  it('should make fresh seeds of unambiguous characters', () => {
    const seeds = new Set(Array.from({ length: 50 }, () => createSeed()));
    assert.equal(seeds.size, 50);
    for (const seed of seeds) assert.match(seed, /^[2-9a-hjkmnp-z]{10}$/);
  });

  it('should refuse empty and non-finite seeds', () => {
    for (const seed of ['', '   ', NaN, Infinity]) {
      assert.throws(() => normalizeSeed(seed), (error: unknown) => error instanceof SamplingError && error.code === 'invalid-seed');
    }
  });
});

describe('drawSample', () => {
  const people = frame({ A: 300, B: 120, C: 80 });

  it('should draw an official sample and an equally large, disjoint reserve without duplicates', () => {
    const draw = drawSample(people, { size: 50, seed: 'bd-2019' });
    assert.equal(draw.seed, 'bd-2019');
    assert.equal(draw.official.length, 50);
    assert.equal(draw.reserve.length, 50);
    const all = [...ids(draw.official), ...ids(draw.reserve)];
    assert.equal(new Set(all).size, 100, 'no one is drawn twice, and reserve is disjoint from official');
    const frameIds = new Set(ids(people));
    for (const id of all) assert.ok(frameIds.has(id));
    assert.deepEqual(draw.notices, []);
  });

  it('should repeat the draw from the seed and give another draw for another seed', () => {
    const first = drawSample(people, { size: 40, seed: 'k7m2q9xa', strata: byUnit });
    const again = drawSample(people, { size: 40, seed: 'k7m2q9xa', strata: byUnit });
    const other = drawSample(people, { size: 40, seed: 'k7m2q9xb', strata: byUnit });
    assert.deepEqual(ids(again.official), ids(first.official));
    assert.deepEqual(ids(again.reserve), ids(first.reserve));
    assert.notDeepEqual(ids(other.official), ids(first.official));
  });

  it('should not depend on the order of the rows in the frame (property)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(people, { minLength: people.length, maxLength: people.length }), fc.string({ minLength: 1 }), (shuffled, seed) => {
        fc.pre(seed.trim() !== '');
        const original = drawSample(people, { size: 30, seed, strata: byUnit });
        const reordered = drawSample(shuffled, { size: 30, seed, strata: byUnit });
        assert.deepEqual(ids(reordered.official), ids(original.official));
        assert.deepEqual(ids(reordered.reserve), ids(original.reserve));
      }),
      { numRuns: 30 },
    );
  });

  it('should allocate over strata and draw each stratum from its own rows', () => {
    const draw = drawSample(people, { size: 50, seed: 's', strata: byUnit, allocation: { method: 'proportional' } });
    assert.deepEqual(
      draw.strata.map((stratum) => [stratum.key, stratum.population, stratum.official.length, stratum.reserve.length, stratum.shortfall]),
      [
        ['A', 300, 30, 30, 0],
        ['B', 120, 12, 12, 0],
        ['C', 80, 8, 8, 0],
      ],
    );
    for (const stratum of draw.strata) for (const row of [...stratum.official, ...stratum.reserve]) assert.equal(row.unit, stratum.key);
    const equal = drawSample(people, { size: 30, seed: 's', strata: byUnit, allocation: { method: 'equal' } });
    assert.deepEqual(equal.strata.map((stratum) => stratum.official.length), [10, 10, 10]);
  });

  it('should keep one stratum’s draw when another stratum changes, if its allocation is the same', () => {
    const withC = drawSample(frame({ A: 100, B: 100, C: 100 }), { size: 30, seed: 'z', strata: byUnit, allocation: { method: 'equal' } });
    const withD = drawSample(frame({ A: 100, B: 100, D: 50 }), { size: 30, seed: 'z', strata: byUnit, allocation: { method: 'equal' } });
    assert.deepEqual(ids(withD.strata[0]!.official), ids(withC.strata[0]!.official));
    assert.deepEqual(ids(withD.strata[1]!.reserve), ids(withC.strata[1]!.reserve));
  });

  it('should give officials first in a small stratum and report the missing reserves', () => {
    const draw = drawSample(frame({ A: 100, small: 5 }), { size: 20, seed: 'q', strata: byUnit, allocation: { method: 'equal' } });
    const small = draw.strata.find((stratum) => stratum.key === 'small')!;
    assert.equal(small.official.length, 5);
    assert.equal(small.reserve.length, 0);
    assert.equal(small.shortfall, 5);
    const big = draw.strata.find((stratum) => stratum.key === 'A')!;
    assert.equal(big.official.length, 15);
    assert.equal(big.reserve.length, 15);

    const tight = drawSample(frame({ A: 7 }), { size: 5, seed: 'q' });
    assert.equal(tight.official.length, 5);
    assert.equal(tight.reserve.length, 2);
    assert.equal(tight.strata[0]!.shortfall, 3);
    const shortfalls = tight.notices.filter((n) => n.code === 'reserve-shortfall');
    assert.equal(shortfalls.length, 1);
    assert.match(shortfalls[0]!.message.en, /5 official but only 2 reserve \(3 short\)/);
    assert.match(shortfalls[0]!.message.vi, /thiếu 3/);
  });

  it('should cap a size larger than the frame and report it', () => {
    const draw = drawSample(frame({ A: 12 }), { size: 40, seed: 'q' });
    assert.equal(draw.official.length, 12);
    assert.equal(draw.reserve.length, 0);
    assert.deepEqual(draw.notices.map((n) => n.code), ['total-capped', 'reserve-shortfall']);
  });

  it('should raise the size for a minimum per stratum and report it', () => {
    const draw = drawSample(frame({ A: 100, B: 100, C: 100, D: 100 }), { size: 10, seed: 'q', strata: byUnit, allocation: { minimum: 5 } });
    assert.equal(draw.official.length, 20);
    assert.equal(draw.reserve.length, 20);
    assert.ok(draw.notices.some((n) => n.code === 'total-raised'));
  });

  it('should drop repeated ids before the draw and report them', () => {
    const duplicated = [...frame({ A: 10 }), { id: 'A-0003', unit: 'A', cells: {} }, { id: 'A-0003', unit: 'A', cells: {} }, { id: 'A-0007', unit: 'A', cells: {} }];
    const draw = drawSample(duplicated, { size: 5, seed: 'dup' });
    assert.deepEqual(draw.duplicates, [
      { id: 'A-0003', count: 3 },
      { id: 'A-0007', count: 2 },
    ]);
    assert.equal(draw.strata[0]!.population, 10);
    const all = ids([...draw.official, ...draw.reserve]);
    assert.equal(all.length, 10);
    assert.equal(new Set(all).size, 10);
    assert.match(draw.notices[0]!.message.en, /2 ids occur more than once.*3 repeated rows are dropped/);
  });

  it('should keep the official + reserve guarantees for any frame, size and seed (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('A', 'B', 'C', 'D', ''), fc.integer({ min: 1, max: 60 }), { minKeys: 1 }),
        fc.integer({ min: 1, max: 150 }),
        fc.integer({ min: 0, max: 10 }),
        fc.constantFrom('proportional' as const, 'equal' as const),
        fc.integer(),
        (units, size, minimum, method, seed) => {
          const rows = frame(units);
          const draw = drawSample(rows, { size, seed, strata: byUnit, allocation: { method, minimum } });
          assert.equal(draw.seed, String(seed));
          assert.equal(draw.official.length, draw.allocation.total);
          const all = ids([...draw.official, ...draw.reserve]);
          assert.equal(new Set(all).size, all.length);
          for (const stratum of draw.strata) {
            assert.equal(stratum.reserve.length + stratum.shortfall, stratum.official.length);
            assert.equal(stratum.reserve.length, Math.min(stratum.official.length, stratum.population - stratum.official.length));
            assert.equal(draw.notices.some((n) => n.code === 'reserve-shortfall' && n.stratum === stratum.key), stratum.shortfall > 0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('should give every row the same chance of being drawn (deterministic frequency check)', () => {
    const rows = frame({ A: 10 });
    const officialCounts = new Map<string, number>();
    const reserveCounts = new Map<string, number>();
    const draws = 3000;
    for (let seed = 0; seed < draws; seed += 1) {
      const draw = drawSample(rows, { size: 3, seed });
      for (const id of ids(draw.official)) officialCounts.set(id, (officialCounts.get(id) ?? 0) + 1);
      for (const id of ids(draw.reserve)) reserveCounts.set(id, (reserveCounts.get(id) ?? 0) + 1);
    }
    // Each row is official with probability 3/10 (900 of 3000 draws; standard deviation ≈ 25).
    for (const row of rows) {
      assert.ok(Math.abs((officialCounts.get(row.id) ?? 0) - 900) < 130, `${row.id}: ${officialCounts.get(row.id)}`);
      assert.ok(Math.abs((reserveCounts.get(row.id) ?? 0) - 900) < 130, `${row.id}: ${reserveCounts.get(row.id)}`);
    }
  });

  it('should refuse a missing size, an empty frame, rows without ids and a bad seed', () => {
    const code = (run: () => unknown) => {
      try {
        run();
        return 'no error';
      } catch (error) {
        assert.ok(error instanceof SamplingError);
        return error.code;
      }
    };
    assert.equal(code(() => drawSample(people, { size: 0, seed: 's' })), 'invalid-size');
    assert.equal(code(() => drawSample(people, { size: 2.5, seed: 's' })), 'invalid-size');
    assert.equal(code(() => drawSample([], { size: 5, seed: 's' })), 'empty-frame');
    assert.equal(code(() => drawSample([{ id: ' ', cells: {} }], { size: 1, seed: 's' })), 'missing-id');
    assert.equal(code(() => drawSample(people, { size: 5, seed: '' })), 'invalid-seed');
  });
});
