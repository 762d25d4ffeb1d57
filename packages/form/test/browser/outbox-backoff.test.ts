// The retry schedule: exponential backoff with full jitter, and the server's Retry-After.
import { expect } from '@open-wc/testing';
import { DEFAULT_RETRY_POLICY, MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelay, retryWait } from '../../src/outbox/index.js';

describe('outbox backoff', () => {
  const almostOne = () => 0.999999;

  it('should double the ceiling with each attempt up to the cap', () => {
    const policy = { baseMs: 1000, capMs: 10_000 };
    const ceilings = [1, 2, 3, 4, 5, 30, 2000].map((attempt) => retryDelay(attempt, policy, almostOne));
    expect(ceilings).to.deep.equal([999, 1999, 3999, 7999, 9999, 9999, 9999]);
  });

  it('should spread delays over the whole range below the ceiling (full jitter)', () => {
    const policy = { baseMs: 1000, capMs: 60_000 };
    expect(retryDelay(3, policy, () => 0)).to.equal(0);
    expect(retryDelay(3, policy, () => 0.5)).to.equal(2000);
    const delays = Array.from({ length: 200 }, () => retryDelay(4, policy));
    expect(Math.min(...delays)).to.be.at.least(0);
    expect(Math.max(...delays)).to.be.below(8000);
    expect(new Set(delays).size).to.be.greaterThan(100);
  });

  it('should default to a 1 s base and a 5 min cap', () => {
    expect(DEFAULT_RETRY_POLICY).to.deep.equal({ baseMs: 1000, capMs: 300_000 });
    expect(retryDelay(1, DEFAULT_RETRY_POLICY, almostOne)).to.equal(999);
    expect(retryDelay(50, DEFAULT_RETRY_POLICY, almostOne)).to.equal(299_999);
  });

  it('should read Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2024-05-01T08:00:00Z');
    expect(parseRetryAfter('120', now)).to.equal(120_000);
    expect(parseRetryAfter(' 0 ', now)).to.equal(0);
    expect(parseRetryAfter('Wed, 01 May 2024 08:00:30 GMT', now)).to.equal(30_000);
    expect(parseRetryAfter('Wed, 01 May 2024 07:00:00 GMT', now)).to.equal(0);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter('-5', now)).to.equal(undefined);
  });

  describe('the wait before a retry', () => {
    const policy = { baseMs: 1000, capMs: 60_000 };
    const zero = () => 0;

    it('should never wait less than the base, even when the server says Retry-After: 0 or a past date', () => {
      expect(retryWait(1, policy, {}, zero)).to.equal(1000);
      expect(retryWait(1, policy, { retryAfterMs: 0 }, zero)).to.equal(1000);
      const now = Date.parse('2024-05-01T08:00:00Z');
      expect(retryWait(1, policy, { retryAfterMs: parseRetryAfter('Wed, 01 May 2024 07:00:00 GMT', now) }, zero)).to.equal(1000);
    });

    it('should wait for the longer of the backoff and the Retry-After', () => {
      expect(retryWait(1, policy, { retryAfterMs: 30_000 }, almostOne)).to.equal(30_000);
      expect(retryWait(6, policy, { retryAfterMs: 2000 }, almostOne)).to.equal(31_999);
    });

    it('should clamp a very large Retry-After to an hour, or to the cap when that is longer', () => {
      expect(MAX_RETRY_AFTER_MS).to.equal(3_600_000);
      expect(retryWait(1, policy, { retryAfterMs: 10 * 86_400_000 }, zero)).to.equal(3_600_000);
      expect(retryWait(1, { baseMs: 1000, capMs: 7_200_000 }, { retryAfterMs: 10 * 86_400_000 }, zero)).to.equal(7_200_000);
    });

    it('should back off slowly, starting at eight times the base, for refusals that wait for a person', () => {
      expect(retryWait(1, policy, { slow: true }, zero)).to.equal(8000);
      expect(retryWait(1, policy, { slow: true }, almostOne)).to.equal(8000);
      expect(retryWait(2, policy, { slow: true }, almostOne)).to.equal(15_999);
      expect(retryWait(50, policy, { slow: true }, almostOne)).to.equal(59_999);
      expect(retryWait(1, { baseMs: 20, capMs: 100 }, { slow: true }, zero), 'never beyond the cap').to.equal(100);
    });
  });
});
