/**
 * Counts requests per key in fixed one-minute windows, in memory only. The keys (a client's socket
 * address, a username) are kept only while their window lasts and never written anywhere: SIPAS is
 * anonymous, so nothing that identifies a respondent's device may outlive the limit it serves.
 * Each collector counts on its own; behind a load balancer the limit is per collector.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();
  private lastSweep = 0;
  private readonly limit: number;
  private readonly now: () => Date;
  private readonly windowMs: number;

  constructor(limit: number, now: () => Date, windowMs = 60_000) {
    this.limit = limit;
    this.now = now;
    this.windowMs = windowMs;
  }

  /** Seconds until `key` may try again when its window is used up; undefined when it may go now. */
  blockedFor(key: string): number | undefined {
    const window = this.current(key);
    if (!window || window.count < this.limit) return undefined;
    return Math.max(1, Math.ceil((window.startedAt + this.windowMs - this.now().getTime()) / 1000));
  }

  /** Counts one request (or one failure) of `key`. */
  hit(key: string): void {
    const window = this.current(key);
    if (window) window.count++;
    else this.windows.set(key, { startedAt: this.now().getTime(), count: 1 });
  }

  /** blockedFor() then hit(): the seconds to wait, or undefined when this request was counted and may go. */
  take(key: string): number | undefined {
    const wait = this.blockedFor(key);
    if (wait === undefined) this.hit(key);
    return wait;
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
}
