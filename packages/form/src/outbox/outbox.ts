/**
 * The offline outbox (decision D3: offline first, exactly once). A submitted response is written
 * to IndexedDB before any network call, then sent to its endpoint until the server acknowledges
 * it, across reloads, closed tabs and days without network. The response's client-generated
 * `responseId` is the server's idempotency key, so sending twice never stores twice; the outbox
 * still avoids it (one flusher per origin, see locks.ts) to spare kiosks' mobile data.
 *
 * Entries may come from any page of the site, each with its own endpoint, and whichever page
 * runs the outbox sends them all.
 */
import type { Response, ValidationError } from '@sipas/schema';
import { Announcer } from './announcer.js';
import { DEFAULT_RETRY_POLICY, retryDelay, type RetryPolicy } from './backoff.js';
import { DeviceDatabase, type Table } from './database.js';
import { DeviceMemory } from './device-memory.js';
import { DraftStore } from './drafts.js';
import { runExclusive } from './locks.js';
import { DEFAULT_TIMEOUT_MS, sendResponse, type SendOutcome } from './transport.js';

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
  state: OutboxEntryState;
  /** Why the last attempt failed, for a support person reading the device's queue. */
  lastError?: string;
  /** The server's answer when it refused the response. */
  rejection?: { status: number; errors: ValidationError[] };
}

export type OutboxEvent =
  | { type: 'queued'; responseId: string; persistent: boolean }
  | { type: 'sent'; responseId: string; receipt: unknown }
  | { type: 'retry'; responseId: string; attempt: number; delayMs: number; reason: 'network' | 'timeout' | 'status'; status?: number }
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

/** setTimeout's largest delay; a longer Retry-After simply wakes the outbox early to look again. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Which entries a pass sends: those whose retry is due, or ('now') also every entry not tried
 * since the moment something asked for it (the network came back, a response was queued).
 */
type PassScope = { kind: 'due' } | { kind: 'now'; since: number };

const isWaiting = (entry: OutboxEntry): boolean => entry.state === 'pending';
const DUE: PassScope = { kind: 'due' };
const askedNow = (): PassScope => ({ kind: 'now', since: Date.now() });
/** Two requests waiting for the same pass: the wider scope, and the later moment. */
const widest = (a: PassScope, b: PassScope): PassScope =>
  a.kind === 'due' ? b : b.kind === 'due' ? a : { kind: 'now', since: Math.max(a.since, b.since) };
const byQueueTime = (a: OutboxEntry, b: OutboxEntry): number => a.queuedAt.localeCompare(b.queuedAt);

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
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The pass sending now, and at most one pass waiting behind it (see request()). */
  private running: Promise<void> | undefined;
  private next: { scope: PassScope; done: Promise<void> } | undefined;
  /** Another page held the flush lock: look again no sooner than this (ms since the epoch). */
  private lockBusyUntil = 0;

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
   * Stores the response for delivery to `endpoint` (relative URLs are resolved against this page,
   * since another page may send it). Resolves once it is stored; sending starts at once if the
   * outbox is started. Queuing a response already waiting changes nothing: the first copy is the
   * one the server keeps. A refused one is replaced, so a corrected response can be sent again.
   */
  async enqueue(response: Response, endpoint: string): Promise<void> {
    const existing = await this.entries.get(response.responseId);
    if (existing && isWaiting(existing)) return;
    const entry: OutboxEntry = {
      responseId: response.responseId,
      endpoint: globalThis.location ? new URL(endpoint, globalThis.location.href).href : endpoint,
      response,
      queuedAt: new Date().toISOString(),
      attempts: 0,
      nextAttemptAt: 0,
      state: 'pending',
    };
    await this.entries.put(entry.responseId, entry);
    this.announcer.announce({ type: 'queued', responseId: entry.responseId, persistent: this.persistent });
    if (this.started) void this.request(askedNow());
  }

  /**
   * Tries every waiting entry now, whatever its backoff says (the network is back, or the user
   * asked). Resolves when the attempt is over, or at once when another page is already sending.
   */
  flush(): Promise<void> {
    return this.request(askedNow());
  }

  /** Sends now, whenever the network comes back or the page is shown again, and when retries are due. */
  start(): void {
    if (this.started) return;
    this.started = true;
    globalThis.addEventListener?.('online', this.handleOnline);
    globalThis.document?.addEventListener('visibilitychange', this.handleVisibilityChange);
    void this.request(askedNow());
  }

  /** Stops sending on its own; queued entries stay stored for the next start or page. */
  stop(): void {
    this.started = false;
    globalThis.removeEventListener?.('online', this.handleOnline);
    globalThis.document?.removeEventListener('visibilitychange', this.handleVisibilityChange);
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Stops and stops listening to other pages; the instance is done. */
  close(): void {
    this.stop();
    this.announcer.close();
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

  private readonly handleOnline = (): void => void this.request(askedNow());

  private readonly handleVisibilityChange = (): void => {
    if (globalThis.document?.visibilityState === 'visible') void this.request(DUE);
  };

  /**
   * Runs one pass at a time in this page. Triggers that arrive during a pass (a new response, the
   * network returning) share a single follow-up pass, since the running one may have read the
   * queue before their entries were there.
   */
  private request(scope: PassScope): Promise<void> {
    if (!this.running) {
      this.running = this.pass(scope).finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    if (this.next) {
      this.next.scope = widest(this.next.scope, scope);
      return this.next.done;
    }
    const next = { scope, done: Promise.resolve() };
    next.done = this.running.then(() => {
      this.next = undefined;
      return this.request(next.scope);
    });
    this.next = next;
    return next.done;
  }

  private async pass(scope: PassScope): Promise<void> {
    try {
      const acquired = await runExclusive(this.lockName, () => this.sendWaiting(scope));
      // The page holding the lock sends our entries too, unless it read the queue before they
      // were there: look again a little later.
      this.lockBusyUntil = acquired ? 0 : Date.now() + this.policy.baseMs;
    } finally {
      await this.schedule();
    }
  }

  private async sendWaiting(scope: PassScope): Promise<void> {
    const startedAt = Date.now();
    const selected = (entry: OutboxEntry): boolean =>
      isWaiting(entry) &&
      (entry.nextAttemptAt <= startedAt || (scope.kind === 'now' && (entry.lastAttemptAt === undefined || entry.lastAttemptAt < scope.since)));
    for (const { responseId } of (await this.entries.values()).filter(selected).sort(byQueueTime)) {
      // Read again: it may have been discarded, or sent by a page without Web Locks, meanwhile.
      const entry = await this.entries.get(responseId);
      if (!entry || !isWaiting(entry)) continue;
      const attemptedAt = Date.now();
      const outcome = await sendResponse(entry.response, entry.endpoint, { timeoutMs: this.timeoutMs });
      await this.record({ ...entry, lastAttemptAt: attemptedAt }, outcome);
    }
  }

  private async record(entry: OutboxEntry, outcome: SendOutcome): Promise<void> {
    const { responseId } = entry;
    if (outcome.kind === 'delivered') {
      await this.entries.delete(responseId);
      this.announcer.announce({ type: 'sent', responseId, receipt: outcome.receipt });
      return;
    }
    // Discarded while it was on its way: do not bring it back.
    if (!(await this.entries.get(responseId))) return;
    const attempts = entry.attempts + 1;
    if (outcome.kind === 'rejected') {
      await this.entries.put(responseId, { ...entry, attempts, state: 'rejected', lastError: `HTTP ${outcome.status}`, rejection: { status: outcome.status, errors: outcome.errors } });
      this.announcer.announce({ type: 'rejected', responseId, status: outcome.status, errors: outcome.errors });
      return;
    }
    const delayMs = outcome.retryAfterMs ?? retryDelay(attempts, this.policy, this.random);
    const lastError = outcome.status === undefined ? outcome.reason : `HTTP ${outcome.status}`;
    await this.entries.put(responseId, { ...entry, attempts, nextAttemptAt: Date.now() + delayMs, lastError });
    this.announcer.announce({
      type: 'retry',
      responseId,
      attempt: attempts,
      delayMs,
      reason: outcome.reason,
      ...(outcome.status === undefined ? {} : { status: outcome.status }),
    });
  }

  /** Wakes up when the earliest waiting entry is due. */
  private async schedule(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.started) return;
    const waiting = (await this.entries.values()).filter(isWaiting);
    if (waiting.length === 0 || !this.started) return;
    const dueAt = Math.max(Math.min(...waiting.map((entry) => entry.nextAttemptAt)), this.lockBusyUntil);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.request(DUE);
    }, Math.min(Math.max(0, dueAt - Date.now()), MAX_TIMER_MS));
  }
}
