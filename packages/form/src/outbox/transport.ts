/**
 * One delivery attempt of one response, and what the outcome means for the outbox:
 *
 * - delivered: a 2xx whose JSON body is the collector's receipt for this very response,
 *   `{ receipt: { responseId, receivedAt } }`. Anything else that answers 2xx (a captive portal's
 *   or hotel Wi-Fi's login page, a proxy's own page, another service's JSON) has not stored it.
 * - rejected for good, only where resending the same bytes cannot help: 400 (malformed), 409
 *   (conflict), 413 (too large) and 422 (invalid), with the server's located `errors` when it sent them.
 * - retried: the network, a timeout, 408, 429 and 5xx (`status`, the normal backoff); every other
 *   4xx, 401, 403, 404, 405… (`refused`: a misconfigured endpoint, proxy or firewall, fixed by a
 *   person, so retried on a slower backoff); a redirect, which is not followed, or a 2xx without
 *   the receipt (`unexpected-reply`). A Retry-After is passed on with any retried status.
 */
import type { Response, ValidationError } from '@sipas/schema';
import { parseRetryAfter } from './backoff.js';

export const DEFAULT_TIMEOUT_MS = 15_000;

/** What the collector answers for a stored response (and, the same again, for a repeat). */
export interface Receipt {
  responseId: string;
  /** When the server first stored it (ISO 8601). */
  receivedAt?: string;
}

export type RetryReason = 'network' | 'timeout' | 'status' | 'refused' | 'unexpected-reply';

export type SendOutcome =
  | { kind: 'delivered'; status: number; receipt: Receipt }
  | {
      kind: 'retry';
      reason: RetryReason;
      /** The HTTP status, when there was an answer to read. */
      status?: number;
      retryAfterMs?: number;
      /** What went wrong, for a support person reading the device's queue ('HTTP 503', 'network'…). */
      description: string;
    }
  | { kind: 'rejected'; status: number; errors: ValidationError[] };

export interface SendOptions {
  timeoutMs?: number;
}

/** Refusals of the response itself: the same bytes will be refused again. */
const PERMANENT_STATUSES: ReadonlySet<number> = new Set([400, 409, 413, 422]);
/** "Not now" rather than "not this": a timeout, rate limiting, server trouble. */
const isPassingStatus = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/** POSTs the response as JSON to the endpoint. Never rejects: every failure is an outcome. */
export async function sendResponse(response: Response, endpoint: string, options: SendOptions = {}): Promise<SendOutcome> {
  const controller = new AbortController();
  // The timeout covers reading the body too: a server that stalls mid-answer is as bad as a silent one.
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const reply = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(response),
      // Responses are anonymous; cookies of the embedding portal have no business going along.
      credentials: 'omit',
      cache: 'no-store',
      // A collector does not redirect a POST; a captive portal or a proxy does. Not followed, and
      // 'manual' rather than 'error' so the queue can say "redirect" instead of "network".
      redirect: 'manual',
      signal: controller.signal,
    });
    if (reply.type === 'opaqueredirect') return { kind: 'retry', reason: 'unexpected-reply', description: 'redirect' };
    const body = await readJson(reply);
    const { status } = reply;
    if (reply.ok) {
      const receipt = receiptFor(body, response.responseId);
      if (receipt) return { kind: 'delivered', status, receipt };
      const type = reply.headers.get('Content-Type')?.split(';')[0]?.trim() || 'no content type';
      return { kind: 'retry', reason: 'unexpected-reply', status, description: `HTTP ${status} without a receipt (${type})` };
    }
    if (PERMANENT_STATUSES.has(status)) return { kind: 'rejected', status, errors: locatedErrors(body) };
    const retryAfterMs = parseRetryAfter(reply.headers.get('Retry-After'));
    const reason: RetryReason = isPassingStatus(status) ? 'status' : status >= 400 && status < 500 ? 'refused' : 'unexpected-reply';
    return { kind: 'retry', reason, status, description: `HTTP ${status}`, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  } catch {
    // fetch rejects on network failures (offline, refused, DNS, CORS) and on our abort.
    const reason = controller.signal.aborted ? 'timeout' : 'network';
    return { kind: 'retry', reason, description: reason };
  } finally {
    clearTimeout(timer);
  }
}

/** The reply's JSON body, or undefined when it has none; an abort while reading still throws. */
async function readJson(reply: globalThis.Response): Promise<unknown> {
  const text = await reply.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The collector's `{ receipt }` for this response, or undefined when the body is anything else. */
function receiptFor(body: unknown, responseId: string): Receipt | undefined {
  if (!isRecord(body) || !isRecord(body.receipt) || body.receipt.responseId !== responseId) return undefined;
  const { receivedAt } = body.receipt;
  return typeof receivedAt === 'string' ? { responseId, receivedAt } : { responseId };
}

/** The server's `{ errors: [{ path, code, message: { vi, en } }] }`, keeping only well-formed items. */
function locatedErrors(body: unknown): ValidationError[] {
  if (!isRecord(body) || !Array.isArray(body.errors)) return [];
  return body.errors.filter(
    (item): item is ValidationError =>
      isRecord(item) &&
      typeof item.path === 'string' &&
      typeof item.code === 'string' &&
      isRecord(item.message) &&
      typeof item.message.vi === 'string' &&
      typeof item.message.en === 'string',
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
