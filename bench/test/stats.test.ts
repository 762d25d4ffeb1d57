import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { median, summarize } from '../src/stats.js';

describe('summaries of runs', () => {
  it('should take the middle value of an odd count and the mean of the two middle ones of an even count', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.throws(() => median([]), /no values/);
  });

  it('should keep the range and the number of runs', () => {
    assert.deepEqual(summarize([9, 2, 7]), { median: 7, min: 2, max: 9, runs: 3 });
  });
});
