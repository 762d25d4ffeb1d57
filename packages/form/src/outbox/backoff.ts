/**
 * When to try a failed delivery again. Exponential backoff with "full jitter" (a random delay
 * between zero and the exponential ceiling): after a district's network outage every kiosk and
 * phone comes back at once, and full jitter spreads their retries instead of letting them hit the
 * collector in synchronized waves.
 */

export interface RetryPolicy {
  /** The ceiling of the first retry's delay. */
  baseMs: number;
  /** No retry waits longer than this (unless the server asks for it with Retry-After). */
  capMs: number;
}

/** The longest a Retry-After can make the outbox wait (or the cap, when longer): more is a mistake. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;
/** A "slow" retry (an endpoint or proxy refusing, which waits for a person) starts as if this many attempts had failed. */
const SLOW_START_ATTEMPTS = 3;

export interface RetryWaitOptions {
  /** The server's Retry-After, in milliseconds. */
  retryAfterMs?: number | undefined;
  /** Back off faster than for a passing failure (see SLOW_START_ATTEMPTS). */
  slow?: boolean;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 1000, capMs: 5 * 60_000 };

/** The delay before retry number `attempt` (1 after the first failure); `random` returns [0, 1). */
export function retryDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  // 2 ** exponent overflows to Infinity long after the cap applies, and Math.min handles Infinity.
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}

/**
 * How long to wait after failed attempt number `attempt`: the jittered backoff or the server's
 * Retry-After, whichever is longer, and never less than the policy's base: a Retry-After of 0 or
 * of a date in the past (a clock off on either side) must not turn into a tight loop against a
 * failing server. Retry-After counts up to MAX_RETRY_AFTER_MS (or the cap, when longer).
 */
export function retryWait(attempt: number, policy: RetryPolicy, options: RetryWaitOptions = {}, random: () => number = Math.random): number {
  const offset = options.slow ? SLOW_START_ATTEMPTS : 0;
  const floor = Math.max(policy.baseMs, Math.min(policy.capMs, policy.baseMs * 2 ** offset));
  const serverWait = Math.min(options.retryAfterMs ?? 0, Math.max(policy.capMs, MAX_RETRY_AFTER_MS));
  return Math.max(floor, serverWait, retryDelay(attempt + offset, policy, random));
}

/**
 * The wait a server asks for in a Retry-After header (seconds, or an HTTP date), in milliseconds;
 * undefined when there is none or it cannot be read.
 */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Every HTTP date names its month; without this, Date.parse reads '-5' as a date.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
