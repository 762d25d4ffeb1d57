/**
 * The offline outbox (decision D3: offline first, exactly once). A submitted response is written
 * to IndexedDB before any network call, then sent to its endpoint until the server acknowledges
 * it, across reloads, closed tabs and days without network. The response's client-generated
 * `responseId` is the server's idempotency key, so sending twice never stores twice; the outbox
 * still avoids it, to spare kiosks' mobile data: one flusher per origin (Web Locks, see locks.ts)
 * and, for pages without Web Locks, a per-entry in-flight marker (`sendingUntil`) claimed in an
 * IndexedDB transaction before each POST.
 *
 * Entries may come from any page of the site, each with its own endpoint, and whichever page
 * runs the outbox sends them all.
 *
 * Delivery policy (what counts as delivered, refused or worth retrying: see transport.ts):
 * - Delivered only on a 2xx carrying the collector's receipt for this responseId.
 * - Refused for good (kept as `rejected`, with the server's located errors): 400, 409, 413, 422.
 * - Everything else is retried with exponential backoff and full jitter (backoff.ts), never
 *   sooner than the policy's base: the network, timeouts, 408, 429, 5xx and unexpected replies on
 *   the normal schedule; other 4xx (401, 403, 404, 405…: a misconfigured endpoint or proxy) on a
 *   slower one, each announced as 'retry' with its status so a page can show "waiting".
 * - A retryable failure ends the pass for that endpoint: the other entries for it are held until
 *   the failed one is due again (attempts are counted only for entries actually sent), and other
 *   endpoints carry on.
 * - Timers and page visits send what is due. A new response sends itself and what is due. The
 *   network coming back (`online`) and flush() try every entry now, whatever its backoff. Nothing
 *   overrides a Retry-After: the server's wait holds every entry for that endpoint.
 */
import type { Response, ValidationError } from '@sipas/schema';
import { Announcer } from './announcer.js';
import { DEFAULT_RETRY_POLICY, retryWait, type RetryPolicy } from './backoff.js';
import { DeviceDatabase, type Table, type TableWrite } from './database.js';
import { DeviceMemory, submissionWrite } from './device-memory.js';
import { DraftStore } from './drafts.js';
import { runExclusive } from './locks.js';
import { DEFAULT_TIMEOUT_MS, sendResponse, type Receipt, type RetryReason, type SendOutcome } from './transport.js';

/** `pending` waits for delivery; `rejected` was refused by the server and is never resent as is. */
export type OutboxEntryState = 'pending' | 'rejected';

export interface OutboxEntry {
  responseId: string;
  /** Absolute URL the response is POSTed to. */
  endpoint: string;
  response: Response;
  /** When it was queued (ISO 8601); entries are sent oldest first. */
  queuedAt: string;
  /** Delivery attempts made so far. */
  attempts: number;
  /** When the last attempt started (ms since the epoch). */
  lastAttemptAt?: number;
  /** When the next attempt is due (ms since the epoch); 0 when it has never failed. */
  nextAttemptAt: number;
  /**
   * The server's Retry-After on the last attempt, as a moment (ms since the epoch): no entry for
   * this endpoint is sent before it, whatever asks.
   */
  serverWaitUntil?: number;
  /** A page is sending it now: other pages leave it alone until then (ms since the epoch). */
  sendingUntil?: number;
  state: OutboxEntryState;
  /** Why the last attempt failed, for a support person reading the device's queue. */
  lastError?: string;
  /** The server's answer when it refused the response. */
  rejection?: { status: number; errors: ValidationError[] };
}

export type OutboxEvent =
  | { type: 'queued'; responseId: string; persistent: boolean }
  | { type: 'sent'; responseId: string; receipt: Receipt }
  | { type: 'retry'; responseId: string; attempt: number; delayMs: number; reason: RetryReason; status?: number }
  | { type: 'rejected'; responseId: string; status: number; errors: ValidationError[] };

export type OutboxListener = (event: OutboxEvent) => void;

export interface OutboxOptions {
  /** The IndexedDB database; one per origin ('sipas-forms') unless a test needs its own. */
  dbName?: string;
  /** How long one attempt may take, reading the answer included (15 s). */
  timeoutMs?: number;
  /** Backoff between attempts (1 s base, 5 min cap). */
  retry?: Partial<RetryPolicy>;
  /** The source of jitter, [0, 1); Math.random by default. */
  random?: () => number;
}

/** What a submit does besides queuing the response, in the same transaction. */
export interface SubmitOptions {
  /** The draft the response was made from: deleted together with queuing the response. */
  draftKey?: string | undefined;
  /** Remember that this device answered the questionnaire (its "one response per device" setting). */
  onePerDevice?: boolean | undefined;
}

/** setTimeout's largest delay; a longer Retry-After simply wakes the outbox early to look again. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * How much longer than the attempt's timeout an in-flight marker holds: the time to claim the
 * entry and record the outcome. A page that dies mid-attempt holds its entries no longer than this.
 */
const CLAIM_MARGIN_MS = 5000;

/**
 * Which entries a pass sends: those whose retry is due, or ('all') also every entry not tried
 * since the moment something asked for it (the network came back, the user asked).
 */
type PassScope = { kind: 'due' } | { kind: 'all'; since: number };

const isWaiting = (entry: OutboxEntry): boolean => entry.state === 'pending';
const DUE: PassScope = { kind: 'due' };
const allNow = (): PassScope => ({ kind: 'all', since: Date.now() });
/** Two requests waiting for the same pass: the wider scope, and the later moment. */
const widest = (a: PassScope, b: PassScope): PassScope =>
  a.kind === 'due' ? b : b.kind === 'due' ? a : { kind: 'all', since: Math.max(a.since, b.since) };
const byQueueTime = (a: OutboxEntry, b: OutboxEntry): number => a.queuedAt.localeCompare(b.queuedAt);

/** Endpoint → until when its server asked to wait, from every waiting entry's Retry-After. */
function serverWaits(waiting: readonly OutboxEntry[]): Map<string, number> {
  const waits = new Map<string, number>();
  for (const { endpoint, serverWaitUntil } of waiting) {
    if (serverWaitUntil !== undefined) waits.set(endpoint, Math.max(serverWaitUntil, waits.get(endpoint) ?? 0));
  }
  return waits;
}

/** The earliest moment a pass may send the entry. */
const sendableAt = (entry: OutboxEntry, waits: Map<string, number>): number =>
  Math.max(entry.nextAttemptAt, waits.get(entry.endpoint) ?? 0, entry.sendingUntil ?? 0);

/** Relative endpoints resolve against the document's base (CMS portals set <base href>), or a worker's location. */
function absoluteEndpoint(endpoint: string): string {
  const base = globalThis.document?.baseURI ?? globalThis.location?.href;
  return base ? new URL(endpoint, base).href : endpoint;
}

/** The entry without its in-flight marker. */
function released(entry: OutboxEntry): OutboxEntry {
  const copy = { ...entry };
  delete copy.sendingUntil;
  return copy;
}

export class Outbox {
  /** Opens the origin's outbox; falls back to memory (see `persistent`) when IndexedDB refuses. */
  static async open(options: OutboxOptions = {}): Promise<Outbox> {
    return new Outbox(await DeviceDatabase.open(options.dbName), options);
  }

  /** Drafts and device memory in the outbox's database, so a page opens one connection. */
  readonly drafts: DraftStore;
  readonly device: DeviceMemory;
  private readonly database: DeviceDatabase;
  private readonly entries: Table<OutboxEntry>;
  private readonly announcer: Announcer<OutboxEvent>;
  private readonly lockName: string;
  private readonly timeoutMs: number;
  private readonly policy: RetryPolicy;
  private readonly random: () => number;
  private started = false;
  /** close() was called: no pass starts any more. */
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The pass sending now, and at most one pass waiting behind it (see request()). */
  private running: Promise<void> | undefined;
  private next: { scope: PassScope; done: Promise<void> } | undefined;
  /**
   * Look again no sooner than this (ms since the epoch): another page held the flush lock, or a
   * pass failed (then it grows with each failed pass in a row, see failedPasses).
   */
  private quietUntil = 0;
  private failedPasses = 0;

  /** Uses an open database; `options.dbName` is ignored. */
  constructor(database: DeviceDatabase, options: OutboxOptions = {}) {
    this.database = database;
    this.entries = database.table<OutboxEntry>('outbox');
    this.drafts = new DraftStore(database);
    this.device = new DeviceMemory(database);
    this.announcer = new Announcer(`sipas-outbox:${database.name}`);
    this.lockName = `sipas-outbox:${database.name}`;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.random = options.random ?? Math.random;
  }

  /** False when queued responses would not survive closing the page (IndexedDB refused). */
  get persistent(): boolean {
    return this.database.persistent;
  }

  /**
   * Stores the response for delivery to `endpoint` (relative URLs are resolved against the
   * document's base URL, since another page may send it). Resolves once it is stored; sending
   * starts at once if the outbox is started. Queuing a response already waiting changes nothing:
   * the first copy is the one the server keeps. A refused one is replaced, so a corrected response
   * can be sent again.
   */
  async enqueue(response: Response, endpoint: string): Promise<void> {
    await this.submit(response, endpoint);
  }

  /**
   * A respondent's submit, in one IndexedDB transaction: queues the response for `endpoint` (as
   * enqueue() does; none when the page delivers it itself), deletes the draft under `draftKey` and
   * remembers the questionnaire as answered on this device (`onePerDevice`). Resolves once the
   * transaction has committed, then starts sending if the outbox is started. A tab closed right
   * after the thank-you screen has therefore either kept its draft or stored its response, never
   * neither. Rejects, with nothing changed, when the response cannot be stored at all.
   */
  async submit(response: Response, endpoint: string | undefined, options: SubmitOptions = {}): Promise<void> {
    const writes: TableWrite[] = [];
    const entry: OutboxEntry | undefined =
      endpoint === undefined
        ? undefined
        : {
            responseId: response.responseId,
            endpoint: absoluteEndpoint(endpoint),
            response,
            queuedAt: new Date().toISOString(),
            attempts: 0,
            nextAttemptAt: 0,
            state: 'pending',
          };
    if (options.draftKey !== undefined) writes.push({ table: 'drafts', key: options.draftKey, delete: true });
    if (options.onePerDevice) writes.push(submissionWrite(response.questionnaire.id, response.responseId));
    // The response goes last: should it fail to be stored, the abort takes the draft's deletion back.
    if (entry) writes.push({ table: 'outbox', key: entry.responseId, value: entry, keep: (current) => isWaiting(current as OutboxEntry) });
    if (writes.length === 0) return;
    const applied = await this.database.writeTogether(writes);
    if (!entry) return;
    if (applied.at(-1)) this.announcer.announce({ type: 'queued', responseId: entry.responseId, persistent: this.persistent });
    if (this.started) void this.request(DUE);
  }

  /**
   * Tries every waiting entry now, whatever its backoff says (the user asked), except where the
   * server asked to wait (Retry-After). Resolves when the attempt is over, or at once when another
   * page is already sending or the outbox is closed.
   */
  flush(): Promise<void> {
    return this.request(allNow());
  }

  /** Sends what is due now, whenever the network comes back or the page is shown again, and when retries are due. */
  start(): void {
    if (this.started) return;
    this.started = true;
    globalThis.addEventListener?.('online', this.handleOnline);
    globalThis.document?.addEventListener('visibilitychange', this.handleVisibilityChange);
    void this.request(DUE);
  }

  /** Stops sending on its own; queued entries stay stored for the next start or page. */
  stop(): void {
    this.started = false;
    globalThis.removeEventListener?.('online', this.handleOnline);
    globalThis.document?.removeEventListener('visibilitychange', this.handleVisibilityChange);
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * Stops and stops listening to other pages; the instance is done: it starts no pass any more
   * (flush() included), drops the one waiting, and the pass under way sends no further entry.
   * Resolves once that pass has ended, its attempt in flight answered and recorded, so nothing
   * this instance started still reaches a server (another instance opened next, a test's next
   * case, sees a quiet network). Queued entries stay stored for the next page.
   */
  close(): Promise<void> {
    this.stop();
    this.closed = true;
    this.announcer.close();
    // The waiting pass resolves right after the running one: its request() finds the outbox closed.
    return this.next?.done ?? this.running ?? Promise.resolve();
  }

  /** Hears about deliveries made by this page and by the origin's other pages. */
  subscribe(listener: OutboxListener): () => void {
    return this.announcer.subscribe(listener);
  }

  /** Every entry not yet delivered, refused ones included, oldest first. */
  async pending(): Promise<OutboxEntry[]> {
    return (await this.entries.values()).sort(byQueueTime);
  }

  /** Forgets an entry, typically a refused response the respondent is about to correct. */
  async discard(responseId: string): Promise<void> {
    await this.entries.delete(responseId);
  }

  /** The network is back: every entry may go now, backoff or not. */
  private readonly handleOnline = (): void => void this.request(allNow());

  private readonly handleVisibilityChange = (): void => {
    if (globalThis.document?.visibilityState === 'visible') void this.request(DUE);
  };

  /**
   * Runs one pass at a time in this page. Triggers that arrive during a pass (a new response, the
   * network returning) share a single follow-up pass, since the running one may have read the
   * queue before their entries were there. Never rejects.
   */
  private request(scope: PassScope): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (!this.running) {
      const finished = (): void => {
        this.running = undefined;
      };
      this.running = this.pass(scope).then(finished, finished);
      return this.running;
    }
    if (this.next) {
      this.next.scope = widest(this.next.scope, scope);
      return this.next.done;
    }
    const next = { scope, done: Promise.resolve() };
    const follow = (): Promise<void> => {
      this.next = undefined;
      return this.request(next.scope);
    };
    next.done = this.running.then(follow, follow);
    this.next = next;
    return next.done;
  }

  /** Sends under the lock, then sets the timer for what is due next. Never rejects. */
  private async pass(scope: PassScope): Promise<void> {
    try {
      const acquired = await runExclusive(this.lockName, () => this.sendWaiting(scope));
      // The page holding the lock sends our entries too, unless it read the queue before they
      // were there: look again a little later.
      this.quietUntil = acquired ? 0 : Date.now() + this.policy.baseMs;
      this.failedPasses = 0;
    } catch (error) {
      // Not a delivery failure (those are outcomes) but a fault; waiting keeps it from spinning.
      console.error('[sipas] outbox pass failed', error);
      this.failedPasses++;
      this.quietUntil = Date.now() + Math.min(this.policy.capMs, this.policy.baseMs * 2 ** (this.failedPasses - 1));
    }
    try {
      await this.schedule();
    } catch (error) {
      console.error('[sipas] outbox could not schedule its next pass', error);
    }
  }

  private async sendWaiting(scope: PassScope): Promise<void> {
    const startedAt = Date.now();
    const waiting = (await this.entries.values()).filter(isWaiting);
    const waits = serverWaits(waiting);
    const selected = (entry: OutboxEntry): boolean =>
      (waits.get(entry.endpoint) ?? 0) <= startedAt &&
      (entry.sendingUntil ?? 0) <= startedAt &&
      (entry.nextAttemptAt <= startedAt || (scope.kind === 'all' && (entry.lastAttemptAt === undefined || entry.lastAttemptAt < scope.since)));
    /** Endpoints that failed in this pass, with when their failed entry is due again. */
    const failedEndpoints = new Map<string, number>();
    for (const entry of waiting.filter(selected).sort(byQueueTime)) {
      // Closed mid-pass: the rest stay queued, unclaimed, for the next page.
      if (this.closed) break;
      const failedUntil = failedEndpoints.get(entry.endpoint);
      if (failedUntil !== undefined) {
        await this.holdBack(entry.responseId, failedUntil);
        continue;
      }
      const claimed = await this.claim(entry);
      if (!claimed) continue;
      try {
        const outcome = await sendResponse(claimed.response, claimed.endpoint, { timeoutMs: this.timeoutMs });
        const dueAgainAt = await this.record(claimed, outcome);
        if (outcome.kind === 'retry') failedEndpoints.set(entry.endpoint, dueAgainAt ?? Date.now() + this.policy.baseMs);
      } catch (error) {
        // A fault, not an outcome: let the entry go at once rather than when the marker lapses.
        await this.entries.replace(entry.responseId, (current) => (current.sendingUntil === claimed.sendingUntil ? released(current) : undefined));
        throw error;
      }
    }
  }

  /**
   * Marks the entry as being sent by this page, in a transaction, unless it changed since the pass
   * read it (discarded, sent or being sent by a page without Web Locks). Resolves to the entry to send.
   */
  private claim(read: OutboxEntry): Promise<OutboxEntry | undefined> {
    const now = Date.now();
    return this.entries.replace(read.responseId, (current) => {
      const unchanged = isWaiting(current) && current.queuedAt === read.queuedAt && current.lastAttemptAt === read.lastAttemptAt;
      if (!unchanged || (current.sendingUntil ?? 0) > now) return undefined;
      return { ...current, lastAttemptAt: now, sendingUntil: now + this.timeoutMs + CLAIM_MARGIN_MS };
    });
  }

  /** Holds an entry back until its endpoint's failed entry is due again; no attempt is counted. */
  private async holdBack(responseId: string, until: number): Promise<void> {
    await this.entries.replace(responseId, (current) => (isWaiting(current) && current.nextAttemptAt < until ? { ...current, nextAttemptAt: until } : undefined));
  }

  /** Stores what became of an attempt and tells everyone; resolves to when a retry is due. */
  private async record(sent: OutboxEntry, outcome: SendOutcome): Promise<number | undefined> {
    const { responseId } = sent;
    // A response queued again (corrected) while this one was on its way is another entry.
    const same = (current: OutboxEntry): boolean => current.queuedAt === sent.queuedAt;
    if (outcome.kind === 'delivered') {
      await this.entries.deleteIf(responseId, same);
      this.announcer.announce({ type: 'sent', responseId, receipt: outcome.receipt });
      return undefined;
    }
    const attempts = sent.attempts + 1;
    if (outcome.kind === 'rejected') {
      const rejected = await this.entries.replace(responseId, (current) =>
        same(current) ? { ...released(current), attempts, state: 'rejected', lastError: `HTTP ${outcome.status}`, rejection: { status: outcome.status, errors: outcome.errors } } : undefined,
      );
      // Discarded while it was on its way: nothing to tell.
      if (rejected) this.announcer.announce({ type: 'rejected', responseId, status: outcome.status, errors: outcome.errors });
      return undefined;
    }
    const delayMs = retryWait(attempts, this.policy, { retryAfterMs: outcome.retryAfterMs, slow: outcome.reason === 'refused' }, this.random);
    const now = Date.now();
    const nextAttemptAt = now + delayMs;
    const retrying = await this.entries.replace(responseId, (current) => {
      if (!same(current)) return undefined;
      const entry: OutboxEntry = { ...released(current), attempts, nextAttemptAt, lastError: outcome.description };
      delete entry.serverWaitUntil;
      if (outcome.retryAfterMs !== undefined) entry.serverWaitUntil = now + Math.min(outcome.retryAfterMs, delayMs);
      return entry;
    });
    if (retrying) {
      this.announcer.announce({
        type: 'retry',
        responseId,
        attempt: attempts,
        delayMs,
        reason: outcome.reason,
        ...(outcome.status === undefined ? {} : { status: outcome.status }),
      });
    }
    return nextAttemptAt;
  }

  /** Wakes up when the earliest waiting entry is due. */
  private async schedule(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.started) return;
    const waiting = (await this.entries.values()).filter(isWaiting);
    if (waiting.length === 0 || !this.started) return;
    const waits = serverWaits(waiting);
    const dueAt = Math.max(Math.min(...waiting.map((entry) => sendableAt(entry, waits))), this.quietUntil);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.request(DUE);
    }, Math.min(Math.max(0, dueAt - Date.now()), MAX_TIMER_MS));
  }
}
