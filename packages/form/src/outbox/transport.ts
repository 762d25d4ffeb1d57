/**
 * One delivery attempt of one response, and what the outcome means for the outbox: delivered,
 * worth retrying (the network, a timeout, an overloaded or failing server), or refused for good
 * (the server looked at the response and will never accept it as it is).
 */
import type { Response, ValidationError } from '@sipas/schema';
import { parseRetryAfter } from './backoff.js';

export const DEFAULT_TIMEOUT_MS = 15_000;

export type SendOutcome =
  | { kind: 'delivered'; status: number; receipt: unknown }
  | { kind: 'retry'; reason: 'network' | 'timeout' | 'status'; status?: number; retryAfterMs?: number }
  | { kind: 'rejected'; status: number; errors: ValidationError[] };

export interface SendOptions {
  timeoutMs?: number;
}

/** Statuses that say "not now" rather than "not this": a timeout, rate limiting, server trouble. */
const isRetryableStatus = (status: number): boolean => status === 408 || status === 429 || status >= 500;

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
      signal: controller.signal,
    });
    const body = await readJson(reply);
    if (reply.ok) return { kind: 'delivered', status: reply.status, receipt: receiptOf(body) };
    if (isRetryableStatus(reply.status)) {
      const retryAfterMs = parseRetryAfter(reply.headers.get('Retry-After'));
      return { kind: 'retry', reason: 'status', status: reply.status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
    }
    return { kind: 'rejected', status: reply.status, errors: locatedErrors(body) };
  } catch {
    // fetch rejects on network failures (offline, refused, DNS, CORS) and on our abort.
    return { kind: 'retry', reason: controller.signal.aborted ? 'timeout' : 'network' };
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

/** Our collector answers `{ receipt }`; another server's whole JSON answer is its receipt. */
function receiptOf(body: unknown): unknown {
  return isRecord(body) && 'receipt' in body ? body.receipt : body;
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
