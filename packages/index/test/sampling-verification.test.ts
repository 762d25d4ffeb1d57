import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { drawSample, SamplingError, verificationDraw } from '@sipas/index';

/** Forms numbered per unit: { A: 3 } →. */
function forms(perUnit: Record<string, number>): { id: string; unit?: string }[] {
  return Object.entries(perUnit).flatMap(([unit, count]) => Array.from({ length: count }, (_, index) => (unit === '' ? { id: `x-${index + 1}` } : { id: `${unit}-${index + 1}`, unit })));
}

describe('verificationDraw', () => {
  it('should draw the share of every unit, rounded up, and at least one form', () => {
    const draw = verificationDraw(forms({ 'Sở Tư pháp': 480, 'UBND xã A': 10, 'UBND xã B': 3 }), { share: 0.2, seed: 'phuc-tra-2019' });
    assert.deepEqual(
      draw.units.map((unit) => [unit.unit, unit.forms, unit.selected.length]),
      [
        ['Sở Tư pháp', 480, 96],
        ['UBND xã A', 10, 2],
        ['UBND xã B', 3, 1],
      ],
    );
    assert.equal(draw.selected.length, 99);
    for (const unit of draw.units) for (const item of unit.selected) assert.equal(item.unit, unit.unit);
  });

  it('should not round 0.2 × 5 = 1.0000000000000002 up to 2', () => {
    const draw = verificationDraw(forms({ A: 5 }), { share: 0.2, seed: 1 });
    assert.equal(draw.selected.length, 1);
  });

  it('should draw over all forms at once when asked', () => {
    const draw = verificationDraw(forms({ A: 50, B: 3 }), { share: 0.1, seed: 's', byUnit: false });
    assert.equal(draw.units.length, 1);
    assert.equal(draw.units[0]!.unit, '');
    assert.equal(draw.selected.length, 6);
  });

  it('should repeat from the seed, differ for another seed and not depend on the order of forms', () => {
    const list = forms({ A: 200, B: 100 });
    const first = verificationDraw(list, { share: 0.15, seed: 'abc' });
    const again = verificationDraw(list.slice().reverse(), { share: 0.15, seed: 'abc' });
    const other = verificationDraw(list, { share: 0.15, seed: 'abd' });
    assert.deepEqual(again.selected.map((item) => item.id), first.selected.map((item) => item.id));
    assert.notDeepEqual(other.selected.map((item) => item.id), first.selected.map((item) => item.id));
  });

  it('should be independent of a sample draw made with the same seed', () => {
    const list = forms({ A: 100 }).map((item) => ({ ...item, cells: {} }));
    const sample = drawSample(list, { size: 10, seed: 'same' });
    const verification = verificationDraw(list, { share: 0.1, seed: 'same' });
    assert.notDeepEqual(verification.selected.map((item) => item.id), sample.official.map((item) => item.id));
  });

  it('should select distinct forms of the unit, ⌈share × forms⌉ of them, for any input (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('A', 'B', 'C', ''), fc.integer({ min: 1, max: 300 }), { minKeys: 1 }), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.string({ minLength: 1 }), (perUnit, share, seed) => {
        fc.pre(seed.trim() !== '');
        const list = forms(perUnit);
        const draw = verificationDraw(list, { share, seed });
        const ids = draw.selected.map((item) => item.id);
        assert.equal(new Set(ids).size, ids.length);
        for (const unit of draw.units) {
          const wanted = Math.min(unit.forms, Math.max(1, Math.ceil(share * unit.forms - 1e-9)));
          assert.equal(unit.selected.length, wanted);
          assert.ok(unit.selected.length >= share * unit.forms - 1e-9, 'the share is met in every unit');
          assert.equal(unit.forms, perUnit[unit.unit]);
        }
      }),
    );
  });

  it('should drop repeated ids and report them', () => {
    const draw = verificationDraw([...forms({ A: 4 }), { id: 'A-2', unit: 'A' }], { share: 1, seed: 's' });
    assert.equal(draw.selected.length, 4);
    assert.deepEqual(draw.duplicates, [{ id: 'A-2', count: 2 }]);
    assert.deepEqual(draw.notices.map((n) => n.code), ['duplicate-ids']);
  });

  it('should give an empty list for no forms and refuse a share outside (0, 1]', () => {
    assert.deepEqual(verificationDraw([], { share: 0.2, seed: 's' }).selected, []);
    for (const share of [0, -0.1, 1.5, 20, NaN]) {
      assert.throws(
        () => verificationDraw(forms({ A: 3 }), { share, seed: 's' }),
        (error: unknown) => error instanceof SamplingError && error.code === 'invalid-share' && /0,2/.test(error.localized.vi) && /0\.2/.test(error.localized.en),
      );
    }
  });
});
