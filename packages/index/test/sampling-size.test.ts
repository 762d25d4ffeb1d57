import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { confidenceSampleSize, normalQuantile, SamplingError, yamaneSampleSize, zScore } from '@sipas/index';

/** Asserts that `run` throws a SamplingError with this code and a message in both languages. */
function assertSamplingError(run: () => unknown, code: string): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof SamplingError);
    assert.equal(error.code, code);
    assert.ok(error.localized.vi.length > 0 && error.localized.en.length > 0);
    assert.notEqual(error.localized.vi, error.localized.en);
    return true;
  });
}

describe('yamaneSampleSize', () => {
  it('should give 371 for 5,000 transactions at 5 % (SIPAS-DOMAIN §5.1)', () => {
    assert.equal(yamaneSampleSize(5000), 371);
    assert.equal(yamaneSampleSize(5000, 0.05), 371);
  });

  it('should round up, but not because of floating-point noise', () => {
    // 400 / (1 + 400·0.0025) = 200 exactly; 100 / (1 + 100·0.01) = 50 exactly.
    assert.equal(yamaneSampleSize(400, 0.05), 200);
    assert.equal(yamaneSampleSize(100, 0.1), 50);
    // 1000 / 3.5 = 285.7 → 286.
    assert.equal(yamaneSampleSize(1000, 0.05), 286);
  });

  it('should take everyone in a tiny population and 1/e² in an unlimited one', () => {
    assert.equal(yamaneSampleSize(1), 1);
    assert.equal(yamaneSampleSize(2), 2);
    assert.equal(yamaneSampleSize(Infinity), 400);
    assert.equal(yamaneSampleSize(Infinity, 0.1), 100);
  });

  it('should never exceed N, and grow with N and shrink with e (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), fc.double({ min: 0.005, max: 0.5, noNaN: true }), (a, b, e) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        const size = yamaneSampleSize(small, e);
        assert.ok(size >= 1 && size <= small);
        assert.ok(size <= yamaneSampleSize(large, e));
        assert.ok(yamaneSampleSize(small, e) <= yamaneSampleSize(small, e * 0.9));
      }),
    );
  });

  it('should refuse populations and margins that make no sense, in both languages', () => {
    for (const population of [0, -5, 2.5, NaN, -Infinity]) assertSamplingError(() => yamaneSampleSize(population), 'invalid-population');
    for (const margin of [0, 1, 5, -0.05, NaN]) assertSamplingError(() => yamaneSampleSize(5000, margin), 'invalid-margin-of-error');
  });
});

describe('confidenceSampleSize', () => {
  it('should give 357 for 5,000 at 95 % and ±5 % (the cross-check of §5.1)', () => {
    assert.equal(confidenceSampleSize(5000), 357);
    assert.equal(confidenceSampleSize(5000, { marginOfError: 0.05, confidence: 0.95, proportion: 0.5 }), 357);
  });

  it('should give 385 (384.16 rounded up) for an unlimited population', () => {
    assert.equal(confidenceSampleSize(Infinity), 385);
    assert.equal(confidenceSampleSize(1_000_000_000_000), 385);
  });

  it('should need more at 99 % and fewer at 90 % or with a proportion far from ½', () => {
    const at95 = confidenceSampleSize(5000);
    assert.ok(confidenceSampleSize(5000, { confidence: 0.99 }) > at95);
    assert.ok(confidenceSampleSize(5000, { confidence: 0.9 }) < at95);
    assert.ok(confidenceSampleSize(5000, { proportion: 0.9 }) < at95);
    // n0 = 2.5758² · 0.25 / 0.05² = 663.49 → 664 without correction.
    assert.equal(confidenceSampleSize(Infinity, { confidence: 0.99 }), 664);
    // n0 = 1.6449² · 0.25 / 0.05² = 270.55 → 271.
    assert.equal(confidenceSampleSize(Infinity, { confidence: 0.9 }), 271);
  });

  it('should never exceed N, grow with N and shrink with e (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.double({ min: 0.005, max: 0.5, noNaN: true }),
        fc.constantFrom(0.8, 0.9, 0.95, 0.99, 0.999),
        (a, b, e, confidence) => {
          const [small, large] = a <= b ? [a, b] : [b, a];
          const size = confidenceSampleSize(small, { marginOfError: e, confidence });
          assert.ok(size >= 1 && size <= small);
          assert.ok(size <= confidenceSampleSize(large, { marginOfError: e, confidence }));
          assert.ok(size <= confidenceSampleSize(small, { marginOfError: e * 0.9, confidence }));
        },
      ),
    );
  });

  it('should stay close to Yamane at 95 % (Yamane is the p = ½, z ≈ 2 simplification)', () => {
    for (const population of [100, 1000, 5000, 50_000]) {
      const difference = Math.abs(confidenceSampleSize(population) - yamaneSampleSize(population));
      assert.ok(difference <= 0.05 * yamaneSampleSize(population), `N = ${population}`);
    }
  });

  it('should refuse confidence levels and proportions outside (0, 1)', () => {
    for (const confidence of [0, 1, 95, -0.5, NaN]) assertSamplingError(() => confidenceSampleSize(5000, { confidence }), 'invalid-confidence');
    for (const proportion of [0, 1, 50, NaN]) assertSamplingError(() => confidenceSampleSize(5000, { proportion }), 'invalid-proportion');
    assertSamplingError(() => confidenceSampleSize(0), 'invalid-population');
    assertSamplingError(() => confidenceSampleSize(5000, { marginOfError: 1.5 }), 'invalid-margin-of-error');
  });
});

describe('zScore and normalQuantile', () => {
  it('should give the textbook critical values of 90, 95 and 99 %', () => {
    // Reference values of the standard normal quantile (to 16 significant digits).
    assert.ok(Math.abs(zScore(0.9) - 1.6448536269514722) < 1e-12);
    assert.ok(Math.abs(zScore(0.95) - 1.959963984540054) < 1e-12);
    assert.ok(Math.abs(zScore(0.99) - 2.5758293035489004) < 1e-12);
  });

  it('should be symmetric, increasing and 0 at the median', () => {
    assert.equal(normalQuantile(0.5), 0);
    assert.ok(Math.abs(normalQuantile(0.025) + normalQuantile(0.975)) < 1e-12);
    assert.ok(Math.abs(normalQuantile(0.8413447460685429) - 1) < 1e-10, 'Φ(1) = 0.8413447460685429');
    // Increasing up to its accuracy. Φ(x) comes out within a few ulps of the truth (exp(−x²/2) alone
    // carries the rounding of x²/2), and an error δ in Φ moves x by δ / φ(x): about 2e−10 at
    // p = 1 − 1e−6, where fast-check's bias to its bounds finds neighbouring doubles in either order.
    // A real fault (a wrong branch or sign, a stop too early) moves x by far more.
    const accuracy = (x: number) => (16 * Number.EPSILON) / (Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI));
    const assertIncreasing = (p: number, q: number) => {
      const [xp, xq] = [normalQuantile(p), normalQuantile(q)];
      assert.ok(xp <= xq + accuracy(xq), `Φ⁻¹(${p}) = ${xp} > Φ⁻¹(${q}) = ${xq}`);
    };
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (p, q) => {
        if (p < q) assertIncreasing(p, q);
      }),
    );
    // Runs of neighbouring doubles (one bit apart) at both bounds and across the median.
    const bits = new Float64Array(1);
    const asInteger = new BigInt64Array(bits.buffer);
    const nextDouble = (p: number) => {
      bits[0] = p;
      asInteger[0]! += 1n;
      return bits[0];
    };
    for (const start of [1e-6, 0.5 - 1e-12, 1 - 1e-6 - 1e-12]) {
      for (let p = start, i = 0; i < 20_000; i++) {
        const next = nextDouble(p);
        assertIncreasing(p, next);
        p = next;
      }
    }
  });

  it('should refuse probabilities outside (0, 1)', () => {
    for (const probability of [0, 1, -1, 2, NaN]) assertSamplingError(() => normalQuantile(probability), 'invalid-probability');
  });
});
