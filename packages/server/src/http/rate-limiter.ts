import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/** Bounds on what one limiter may hold, whatever its callers send. */
export interface RateLimiterCapacity {
  /** The most keys held at once; when full, ended windows go first, then the oldest live one. */
  maxKeys: number;
  /** A longer key is kept as its SHA-256, so an attacker's long input costs a fixed few bytes. */
  maxKeyLength: number;
}

export const DEFAULT_RATE_LIMITER_CAPACITY: RateLimiterCapacity = { maxKeys: 50_000, maxKeyLength: 200 };

/**
 * Counts requests per key in fixed one-minute windows, in memory only. The keys (a client's address
 * from clientKey(), a username with it) are kept only while their window lasts and never written
 * anywhere: SIPAS is anonymous, so nothing that identifies a respondent's device may outlive the
 * limit it serves. Each collector counts on its own; behind a load balancer the limit is per collector.
 *
 * Memory is bounded (a flood of distinct keys must not grow it without end): at most `maxKeys`
 * windows, each key at most `maxKeyLength` characters. When the table is full of live windows the
 * oldest one is dropped: that key gets a fresh allowance early, the price of a bounded table, and an
 * attacker would have to bring `maxKeys` new keys within one window to earn it.
 */
export class RateLimiter {
  /** In order of creation, so also of the start of each window (a window is only ever added, never moved). */
  private readonly windows = new Map<string, { startedAt: number; count: number }>();
  private lastSweep = 0;
  private readonly limit: number;
  private readonly now: () => Date;
  private readonly windowMs: number;
  private readonly capacity: RateLimiterCapacity;

  constructor(limit: number, now: () => Date, windowMs = 60_000, capacity: Partial<RateLimiterCapacity> = {}) {
    this.limit = limit;
    this.now = now;
    this.windowMs = windowMs;
    this.capacity = { ...DEFAULT_RATE_LIMITER_CAPACITY, ...capacity };
  }

  /** How many keys are held now (for tests and monitoring). */
  get size(): number {
    return this.windows.size;
  }

  /** Seconds until `key` may try again when its window is used up; undefined when it may go now. */
  blockedFor(key: string): number | undefined {
    const window = this.current(this.bounded(key));
    if (!window || window.count < this.limit) return undefined;
    return Math.max(1, Math.ceil((window.startedAt + this.windowMs - this.now().getTime()) / 1000));
  }

  /** Counts one request (or one failure) of `key`. */
  hit(key: string): void {
    const bounded = this.bounded(key);
    const window = this.current(bounded);
    if (window) {
      window.count++;
      return;
    }
    this.makeRoom();
    this.windows.set(bounded, { startedAt: this.now().getTime(), count: 1 });
  }

  /**
   * blockedFor() then hit(), at once: the seconds to wait, or undefined when this request was
   * counted and may go. Count before the work (a password hash), so parallel requests cannot all
   * pass a check that none of them has counted yet.
   */
  take(key: string): number | undefined {
    const wait = this.blockedFor(key);
    if (wait === undefined) this.hit(key);
    return wait;
  }

  /**
   * Gives back one request of `key` taken at `takenAt` (a sign-in that succeeded need not count
   * against anyone), when the window that counted it is still the current one.
   */
  giveBack(key: string, takenAt: Date): void {
    const window = this.current(this.bounded(key));
    if (window && window.startedAt <= takenAt.getTime() && window.count > 0) window.count--;
  }

  private bounded(key: string): string {
    // (A socket closed early leaves request.ip undefined; it must not throw here.)
    if (typeof key !== 'string') return String(key);
    if (key.length <= this.capacity.maxKeyLength) return key;
    // '#' + 64 hex digits; not truncation, which would let a long key share a window with another.
    return `#${createHash('sha256').update(key).digest('hex')}`;
  }

  private current(key: string) {
    const now = this.now().getTime();
    this.sweep(now);
    const window = this.windows.get(key);
    if (window && now - window.startedAt >= this.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  /** Forgets every key whose window has ended (at most once a window, so counting stays cheap). */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (now - window.startedAt >= this.windowMs) this.windows.delete(key);
  }

  /** Before a new key: drops ended windows from the oldest on, then the oldest live one if still full. */
  private makeRoom(): void {
    if (this.windows.size < this.capacity.maxKeys) return;
    const now = this.now().getTime();
    for (const [key, window] of this.windows) {
      if (now - window.startedAt < this.windowMs) break;
      this.windows.delete(key);
    }
    while (this.windows.size >= this.capacity.maxKeys) {
      const oldest = this.windows.keys().next();
      if (oldest.done) break;
      this.windows.delete(oldest.value);
    }
  }
}

/**
 * The key a client is counted under: its address, with an IPv6 address cut to its /64 (one
 * household or host usually holds a whole /64, and could otherwise take a fresh allowance with every
 * address of it). An IPv4 address that reaches a dual-stack socket as `::ffff:a.b.c.d` counts as
 * that IPv4 address, not as the /64 that every IPv4 client would then share.
 */
export function clientKey(address: string): string {
  if (typeof address !== 'string') return String(address);
  const withoutZone = address.split('%')[0]!;
  if (!isIPv6(withoutZone)) return address;
  const groups = ipv6Groups(withoutZone);
  if (!groups) return address;
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high, low] = [groups[6]!, groups[7]!];
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (already checked with isIPv6), with `::` and a dotted tail expanded. */
function ipv6Groups(address: string): number[] | undefined {
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    if (!isIPv4(dotted[1]!)) return undefined;
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -dotted[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const split = (half: string) => (half === '' ? [] : half.split(':'));
  const head = split(halves[0]!);
  const tail = halves.length === 2 ? split(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail].map((group) => Number.parseInt(group, 16));
  return groups.length === 8 && groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? groups : undefined;
}
