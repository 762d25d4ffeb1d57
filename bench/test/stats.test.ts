import assert from 'node:assert/strict';
import { test } from 'node:test';
import { median, summarize } from '../src/stats.js';

test('the median of an odd count is the middle value, of an even count the mean of the two middle ones', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.throws(() => median([]), /no values/);
});

test('a summary keeps the range and the number of runs', () => {
  assert.deepEqual(summarize([9, 2, 7]), { median: 7, min: 2, max: 9, runs: 3 });
});
