import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { allocate, SamplingError, type StratumSize } from '@sipas/index';

const strataArbitrary = fc
  .uniqueArray(fc.record({ key: fc.string({ minLength: 1, maxLength: 6 }), population: fc.integer({ min: 0, max: 5000 }) }), { minLength: 1, maxLength: 12, selector: (stratum) => stratum.key });

const sampleOf = (allocation: ReturnType<typeof allocate>, key: string): number => allocation.strata.find((stratum) => stratum.key === key)!.sample;

/**
 * The real-valued share of every stratum, found independently of the implementation by bisection
 * on the common factor λ of x_i = clamp(λ·w_i, lower_i, population_i).
 */
function realShares(total: number, strata: StratumSize[], method: 'proportional' | 'equal', minimum: number): number[] {
  const weight = strata.map((stratum) => (method === 'equal' ? (stratum.population > 0 ? 1 : 0) : stratum.population));
  const share = (lambda: number) => strata.map((stratum, index) => Math.min(stratum.population, Math.max(Math.min(minimum, stratum.population), lambda * weight[index]!)));
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  let low = 0;
  let high = 1;
  while (sum(share(high)) < total && high < 1e12) high *= 2;
  for (let step = 0; step < 200; step += 1) {
    const middle = (low + high) / 2;
    if (sum(share(middle)) < total) low = middle;
    else high = middle;
  }
  return share(high);
}

describe('allocate', () => {
  it('should share proportionally with the largest-remainder method', () => {
    // Quotas 10·(5, 3, 2)/10 are whole; 7·(50, 30, 20)/100 = 3.5, 2.1, 1.4 → 3 + 2 + 1 = 6, the last unit to the 0.5.
    assert.deepEqual(allocate(10, [{ key: 'a', population: 5 }, { key: 'b', population: 3 }, { key: 'c', population: 2 }], { method: 'proportional' }).strata.map((s) => s.sample), [5, 3, 2]);
    const seven = allocate(7, [{ key: 'a', population: 50 }, { key: 'b', population: 30 }, { key: 'c', population: 20 }], { method: 'proportional' });
    assert.deepEqual(seven.strata.map((s) => s.sample), [4, 2, 1]);
    assert.equal(seven.total, 7);
    assert.deepEqual(seven.notices, []);
  });

  it('should share equally, giving the odd units to the larger strata', () => {
    const result = allocate(10, [{ key: 'a', population: 40 }, { key: 'b', population: 90 }, { key: 'c', population: 60 }], { method: 'equal' });
    assert.deepEqual(result.strata.map((s) => s.sample), [3, 4, 3]);
  });

  it('should give small strata everything they have and pass the rest on', () => {
    // Equal shares would be 10 each, but "b" has only 4: the 6 left go to "a" and "c".
    const result = allocate(30, [{ key: 'a', population: 100 }, { key: 'b', population: 4 }, { key: 'c', population: 100 }], { method: 'equal' });
    assert.deepEqual(result.strata.map((s) => s.sample), [13, 4, 13]);
  });

  it('should lift strata to the minimum and take the rest proportionally from the others', () => {
    // Proportional shares of 100 over (900, 50, 50) are 90, 5, 5; a minimum of 10 makes them 80, 10, 10.
    const result = allocate(100, [{ key: 'big', population: 900 }, { key: 'x', population: 50 }, { key: 'y', population: 50 }], { method: 'proportional', minimum: 10 });
    assert.deepEqual(result.strata.map((s) => s.sample), [80, 10, 10]);
    assert.equal(result.total, 100);
  });

  it('should cap the total at the population and say so', () => {
    const result = allocate(500, [{ key: 'a', population: 120 }, { key: 'b', population: 80 }], { method: 'proportional' });
    assert.equal(result.requested, 500);
    assert.equal(result.total, 200);
    assert.deepEqual(result.strata.map((s) => s.sample), [120, 80]);
    assert.deepEqual(result.notices.map((n) => n.code), ['total-capped']);
    assert.match(result.notices[0]!.message.en, /500.*200/);
    assert.match(result.notices[0]!.message.vi, /500.*200/);
  });

  it('should raise the total when the minimum per stratum needs more, and say so', () => {
    const result = allocate(20, [{ key: 'a', population: 300 }, { key: 'b', population: 200 }, { key: 'c', population: 100 }], { method: 'proportional', minimum: 10 });
    assert.equal(result.requested, 20);
    assert.equal(result.total, 30);
    assert.deepEqual(result.strata.map((s) => s.sample), [10, 10, 10]);
    assert.deepEqual(result.notices.map((n) => n.code), ['total-raised']);
  });

  it('should take a stratum smaller than the minimum whole, and report it', () => {
    const result = allocate(60, [{ key: 'a', population: 1000 }, { key: 'tiny', population: 3 }], { method: 'equal', minimum: 5 });
    assert.equal(sampleOf(result, 'tiny'), 3);
    assert.equal(sampleOf(result, 'a'), 57);
    assert.deepEqual(result.notices.map((n) => [n.code, n.stratum]), [['stratum-below-minimum', 'tiny']]);
  });

  it('should give nothing to empty strata and allocate nothing from nothing', () => {
    const result = allocate(10, [{ key: 'a', population: 0 }, { key: 'b', population: 20 }], { method: 'equal' });
    assert.deepEqual(result.strata.map((s) => s.sample), [0, 10]);
    assert.deepEqual(allocate(0, [{ key: 'a', population: 10 }]).strata.map((s) => s.sample), [0]);
    assert.deepEqual(allocate(0, []).strata, []);
  });

  it('should sum exactly to the total and keep every stratum within min(minimum, population) and its population (property)', () => {
    fc.assert(
      fc.property(strataArbitrary, fc.integer({ min: 0, max: 20_000 }), fc.constantFrom('proportional' as const, 'equal' as const), fc.integer({ min: 0, max: 300 }), (strata, total, method, minimum) => {
        const result = allocate(total, strata, { method, minimum });
        const populationSum = strata.reduce((sum, s) => sum + s.population, 0);
        const lowerSum = strata.reduce((sum, s) => sum + Math.min(minimum, s.population), 0);
        const expectedTotal = Math.min(populationSum, Math.max(total, lowerSum));
        assert.equal(result.total, expectedTotal);
        assert.equal(result.strata.reduce((sum, s) => sum + s.sample, 0), expectedTotal);
        result.strata.forEach((stratum, index) => {
          assert.equal(stratum.key, strata[index]!.key);
          assert.ok(Number.isInteger(stratum.sample));
          assert.ok(stratum.sample >= Math.min(minimum, stratum.population), `${stratum.key} below its minimum`);
          assert.ok(stratum.sample <= stratum.population, `${stratum.key} above its population`);
        });
        assert.equal(result.notices.some((n) => n.code === 'total-capped'), total > populationSum);
        assert.equal(result.notices.some((n) => n.code === 'total-raised'), total <= populationSum && lowerSum > total);
      }),
    );
  });

  it('should stay within one unit of the exact bounded share of every stratum (property)', () => {
    fc.assert(
      fc.property(strataArbitrary, fc.integer({ min: 0, max: 20_000 }), fc.constantFrom('proportional' as const, 'equal' as const), fc.integer({ min: 0, max: 300 }), (strata, total, method, minimum) => {
        const result = allocate(total, strata, { method, minimum });
        const shares = realShares(result.total, strata, method, minimum);
        result.strata.forEach((stratum, index) => assert.ok(Math.abs(stratum.sample - shares[index]!) < 1 + 1e-6, `${stratum.key}: ${stratum.sample} vs ${shares[index]}`));
      }),
    );
  });

  it('should be the plain largest-remainder (Hamilton) result when no bound binds (property)', () => {
    fc.assert(
      fc.property(strataArbitrary, fc.double({ min: 0, max: 1, noNaN: true }), (strata, fraction) => {
        const populationSum = strata.reduce((sum, s) => sum + s.population, 0);
        fc.pre(populationSum > 0);
        const total = Math.floor(fraction * populationSum);
        const result = allocate(total, strata, { method: 'proportional' });
        for (const stratum of result.strata) {
          // Quota total·population/Σpopulation; integer arithmetic keeps the floor exact.
          const floor = Math.floor((total * stratum.population) / populationSum);
          const exact = (total * stratum.population) % populationSum === 0;
          assert.ok(stratum.sample === floor || (!exact && stratum.sample === floor + 1), `${stratum.key}: ${stratum.sample}, quota floor ${floor}`);
        }
      }),
    );
  });

  it('should not depend on the order of the strata (property)', () => {
    fc.assert(
      fc.property(strataArbitrary, fc.integer({ min: 0, max: 20_000 }), fc.constantFrom('proportional' as const, 'equal' as const), fc.integer({ min: 0, max: 50 }), (strata, total, method, minimum) => {
        const forward = allocate(total, strata, { method, minimum });
        const backward = allocate(total, strata.slice().reverse(), { method, minimum });
        for (const stratum of forward.strata) assert.equal(sampleOf(backward, stratum.key), stratum.sample);
      }),
    );
  });

  it('should refuse totals, minimums, methods and strata that make no sense', () => {
    const codeOf = (run: () => unknown): string => {
      try {
        run();
      } catch (error) {
        assert.ok(error instanceof SamplingError);
        assert.ok(error.localized.vi && error.localized.en);
        return error.code;
      }
      return 'no error';
    };
    const strata = [{ key: 'a', population: 10 }];
    assert.equal(codeOf(() => allocate(-1, strata)), 'invalid-total');
    assert.equal(codeOf(() => allocate(2.5, strata)), 'invalid-total');
    assert.equal(codeOf(() => allocate(5, strata, { minimum: -1 })), 'invalid-minimum');
    assert.equal(codeOf(() => allocate(5, strata, { method: 'random' as 'equal' })), 'invalid-method');
    assert.equal(codeOf(() => allocate(5, [{ key: 'a', population: -3 }])), 'invalid-stratum');
    assert.equal(codeOf(() => allocate(5, [{ key: 'a', population: 1.5 }])), 'invalid-stratum');
    assert.equal(codeOf(() => allocate(5, [{ key: 'a', population: 3 }, { key: 'a', population: 4 }])), 'duplicate-stratum');
  });
});
