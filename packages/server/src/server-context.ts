import type { Database } from './db/database.js';
import type { RateLimiter } from './http/rate-limiter.js';

/** What the route modules share: the store, the clock and the in-memory limits of this collector. */
export interface ServerContext {
  db: Database;
  /** The clock every expiry, receipt and rate window reads (tests move it). */
  now: () => Date;
  secureCookies: boolean;
  limits: {
    /** POST /responses per client and minute. */
    responses: RateLimiter;
    /** Failed sign-ins per client and minute. */
    loginsPerClient: RateLimiter;
    /** Sign-in attempts per (username, client) pair and minute: a stranger cannot lock an account out. */
    loginsPerAccountAndClient: RateLimiter;
  };
}
