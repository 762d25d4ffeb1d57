/**
 * The load generator of load.bench.ts: keep-alive HTTP clients that post responses, in a closed
 * loop (N clients, each sends when its previous answer arrived: the most the server can take) or
 * an open loop (sends on a fixed schedule whatever the server does, latency measured from the
 * scheduled time, so that a server falling behind shows up as latency instead of fewer requests:
 * no coordinated omission).
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { seededRandom, simulateResponse } from '@sipas/core';
import type { Questionnaire } from '@sipas/schema';

export interface LoadResult {
  /** Answered requests per second over the measured window. */
  rate: number;
  /** Latencies of the measured requests, in milliseconds, sorted. */
  latencies: Float64Array;
  /** Measured requests that did not get 201 (other statuses or no answer). */
  errors: number;
  /** Every 201, warm-up included: what the database must hold afterwards. */
  created: number;
}

/**
 * Valid responses, simulated and serialized before any measurement. Each request gets one of
 * `distinct` simulated documents with a responseId of its own from a pre-generated list, so every
 * submission is a new response (a repeat would take the cheaper 200 path).
 */
export class ResponseBodies {
  private readonly halves: [string, string][];
  private readonly ids: string[];
  private next = 0;

  constructor(questionnaire: Questionnaire, options: { distinct: number; ids: number; seed: number }) {
    const random = seededRandom(options.seed);
    this.halves = Array.from({ length: options.distinct }, () => {
      const response = simulateResponse(questionnaire, { random });
      const [before, after] = JSON.stringify(response).split(response.responseId);
      return [before!, after!];
    });
    this.ids = Array.from({ length: options.ids }, () => randomUUID());
  }

  /** The next body; each responseId is used once. */
  take(): string {
    if (this.next >= this.ids.length) throw new Error(`all ${this.ids.length} pre-generated responseIds are used: raise the count`);
    const [before, after] = this.halves[this.next % this.halves.length]!;
    return before + this.ids[this.next++]! + after;
  }
}

/** POSTs `body` as JSON and resolves to the status once the answer has been read. */
function post(agent: http.Agent, url: URL, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** `clients` keep-alive clients, each sending again as soon as it has its answer. */
export async function closedLoop(url: URL, bodies: ResponseBodies, options: { clients: number; warmupSeconds: number; seconds: number }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.clients });
  const measureFrom = performance.now() + options.warmupSeconds * 1000;
  const end = measureFrom + options.seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let created = 0;
  const client = async () => {
    while (performance.now() < end) {
      const sentAt = performance.now();
      const status = await post(agent, url, bodies.take()).catch(() => 0);
      const answeredAt = performance.now();
      if (status === 201) created++;
      if (sentAt < measureFrom || answeredAt > end) continue;
      latencies.push(answeredAt - sentAt);
      if (status !== 201) errors++;
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  agent.destroy();
  return { rate: latencies.length / options.seconds, latencies: sorted(latencies), errors, created };
}

/**
 * Sends at `rate` per second on a fixed schedule, over as many keep-alive connections as it takes
 * (up to 512); each latency runs from the request's scheduled time to its answer.
 */
export async function openLoop(url: URL, bodies: ResponseBodies, options: { rate: number; warmupSeconds: number; seconds: number }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const interval = 1000 / options.rate;
  const total = Math.round(options.rate * (options.warmupSeconds + options.seconds));
  const firstMeasured = Math.round(options.rate * options.warmupSeconds);
  const latencies: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let errors = 0;
  let created = 0;
  let next = 0;
  const start = performance.now() + 10;
  const measuredFrom = start + firstMeasured * interval;

  await new Promise<void>((scheduled) => {
    const sendWhatIsDue = () => {
      const now = performance.now();
      while (next < total && start + next * interval <= now) {
        const scheduledAt = start + next * interval;
        const measured = next >= firstMeasured;
        next++;
        const exchange = post(agent, url, bodies.take())
          .catch(() => 0)
          .then((status) => {
            if (status === 201) created++;
            if (!measured) return;
            latencies.push(performance.now() - scheduledAt);
            if (status !== 201) errors++;
          });
        inFlight.add(exchange);
        void exchange.finally(() => inFlight.delete(exchange));
      }
      if (next < total) setTimeout(sendWhatIsDue, Math.max(0, start + next * interval - performance.now()));
      else scheduled();
    };
    sendWhatIsDue();
  });
  await Promise.all(inFlight);
  const lastAnswer = performance.now();
  agent.destroy();
  // Answered per second: equals the schedule's rate unless the server fell behind.
  return { rate: latencies.length / ((lastAnswer - measuredFrom) / 1000), latencies: sorted(latencies), errors, created };
}

/** The p-th percentile (0–100) of sorted values, nearest rank. */
export function percentile(values: Float64Array, p: number): number {
  if (values.length === 0) return Number.NaN;
  return values[Math.min(values.length - 1, Math.max(0, Math.ceil((p / 100) * values.length) - 1))]!;
}

const sorted = (values: number[]) => Float64Array.from(values).sort();
