// A small SIPAS response collector on node:http: the HTTP contract of the real server (prefix
// /api/v1, `POST /responses` idempotent on responseId and refusing a second paper form with the
// same serial number with 409, `GET /questionnaires/:id`) with the responses kept in memory and,
// optionally, appended to a JSONL file the CLI's `index` reads.
// Browser tests deliver to it for real, and the demo site uses it until the server package lands.
//
// `control` lets tests make the collector misbehave the way networks and servers do (failures,
// slow answers, being down); nothing in the normal path depends on it.
import { appendFile, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { message, normalizeSerial, quote } from '@sipas/schema';
import { checkResponse } from '@sipas/core';

const API = '/api/v1';
const BODY_LIMIT_BYTES = 1024 * 1024;

/** @typedef {import('@sipas/schema').Questionnaire} Questionnaire */
/** @typedef {import('@sipas/schema').Response} Response */
/** @typedef {import('@sipas/schema').ValidationError} ValidationError */
/** @typedef {{ responseId: string, receivedAt: string }} Receipt */

/**
 * Starts a collector. `questionnaires` are the published questionnaires it accepts responses to;
 * `allowOrigins` lists the web origins that may POST from a browser (any when omitted).
 *
 * @param {{ port?: number, host?: string, questionnaires?: Iterable<Questionnaire>, dataFile?: string, allowOrigins?: string[] }} [options]
 */
export async function startCollector({ port = 0, host = '127.0.0.1', questionnaires = [], dataFile, allowOrigins } = {}) {
  /** @type {Map<string, Questionnaire>} */
  const published = new Map([...questionnaires].map((questionnaire) => [questionnaire.id, questionnaire]));
  /** Stored responses by responseId, in arrival order, each with the receipt its first delivery got. */
  /** @type {Map<string, { response: Response, receipt: Receipt }>} */
  const stored = new Map();
  /** The responseId holding each paper form's serial number, per questionnaire (`<id>\n<serial>`). */
  /** @type {Map<string, string>} */
  const paperSerials = new Map();
  /** How many POSTs carried each responseId, whatever became of them: exactly-once is 1. */
  /** @type {Map<string, number>} */
  const deliveries = new Map();
  const faults = {
    failCount: 0,
    failStatus: 500,
    retryAfter: /** @type {number | string | undefined} */ (undefined),
    delayCount: 0,
    delayMs: 0,
    hijackCount: 0,
    hijackMode: /** @type {HijackMode} */ ('login-page'),
  };
  const noFaults = { ...faults };
  // What earlier runs stored stays stored: a restart must not accept a response or a paper serial twice.
  if (dataFile) {
    const earlier = await readFile(dataFile, 'utf8').catch(() => '');
    for (const line of earlier.split('\n')) {
      if (!line.trim()) continue;
      try {
        const document = JSON.parse(line);
        stored.set(document.responseId, { response: document, receipt: { responseId: document.responseId, receivedAt: document.submittedAt } });
        if (typeof document.paper?.serial === 'string') paperSerials.set(serialKeyOf(document.questionnaire.id, document.paper.serial), document.responseId);
      } catch {
        // A line cut short by a crash is skipped; the rest is intact.
      }
    }
  }

  async function handle(request, response) {
    const url = new URL(request.url ?? '/', 'http://collector');
    setCorsHeaders(request, response, allowOrigins);
    if (request.method === 'OPTIONS') return preflight(request, response, allowOrigins);
    if (url.pathname === `${API}/responses`) {
      if (request.method !== 'POST') return reply(response, 405, errorBody('/', 'method-not-allowed', message('Chỉ nhận POST', 'Only POST is accepted')), { Allow: 'POST, OPTIONS' });
      return receive(request, response);
    }
    const questionnaireId = url.pathname.startsWith(`${API}/questionnaires/`) ? decodeURIComponent(url.pathname.slice(`${API}/questionnaires/`.length)) : undefined;
    if (questionnaireId !== undefined && request.method === 'GET') {
      const questionnaire = published.get(questionnaireId);
      if (questionnaire) return reply(response, 200, questionnaire);
      return reply(response, 404, unknownQuestionnaire(questionnaireId, ''));
    }
    return reply(response, 404, errorBody('/', 'not-found', message('Không có địa chỉ này', 'No such address')));
  }

  async function receive(request, response) {
    const body = await readBody(request);
    if (faults.hijackCount > 0) {
      faults.hijackCount--;
      return hijack(request, response, faults.hijackMode);
    }
    if (body === 'too-large') {
      return reply(response, 413, errorBody('', 'too-large', message('Phiếu trả lời lớn hơn 1 MB', 'The response is larger than 1 MB')));
    }
    let document;
    try {
      document = JSON.parse(body);
    } catch {
      return reply(response, 400, errorBody('', 'invalid-json', message('Nội dung gửi lên không phải JSON hợp lệ', 'The body is not valid JSON')));
    }
    const responseId = typeof document?.responseId === 'string' ? document.responseId : undefined;
    if (responseId !== undefined) deliveries.set(responseId, (deliveries.get(responseId) ?? 0) + 1);

    if (faults.delayCount > 0) {
      faults.delayCount--;
      await new Promise((resolve) => setTimeout(resolve, faults.delayMs));
    }
    if (faults.failCount > 0) {
      faults.failCount--;
      const headers = faults.retryAfter === undefined ? {} : { 'Retry-After': String(faults.retryAfter) };
      return reply(response, faults.failStatus, errorBody('', 'unavailable', message('Máy chủ tạm thời lỗi', 'The server failed for now')), headers);
    }

    // The responseId is the idempotency key: a repeat gets the first delivery's receipt, and is
    // not checked again (the questionnaire may have changed since; what was accepted stays accepted).
    const known = responseId === undefined ? undefined : stored.get(responseId);
    if (known) return reply(response, 200, { receipt: known.receipt });

    const questionnaireId = document?.questionnaire?.id;
    if (typeof questionnaireId !== 'string' || responseId === undefined) {
      return reply(response, 422, {
        errors: [
          ...(responseId === undefined ? [located('/responseId', 'required', message('Thiếu mã phiếu (responseId)', 'The responseId is missing'))] : []),
          ...(typeof questionnaireId === 'string' ? [] : [located('/questionnaire/id', 'required', message('Thiếu mã bảng hỏi', 'The questionnaire id is missing'))]),
        ],
      });
    }
    const questionnaire = published.get(questionnaireId);
    if (!questionnaire) return reply(response, 404, unknownQuestionnaire(questionnaireId, '/questionnaire/id'));
    // checkResponse runs @sipas/schema's validateResponse (format, every answer) and then the
    // logic that needs the engine (hidden questions answered, conditional requiredness).
    const checked = checkResponse(questionnaire, document);
    if (!checked.valid) return reply(response, 422, { errors: checked.errors });
    // One response per paper form: a second one with the same printed serial number (typed twice,
    // or on two devices) is refused for good, not stored beside the first.
    const serial = typeof document.paper?.serial === 'string' ? document.paper.serial : undefined;
    const serialKey = serial === undefined ? undefined : serialKeyOf(questionnaireId, serial);
    if (serialKey !== undefined && paperSerials.has(serialKey)) {
      return reply(response, 409, errorBody('/paper/serial', 'duplicate-serial', message(`Phiếu giấy số ${quote(serial)} đã được nhập`, `Paper form ${quote(serial)} has already been entered`)));
    }

    const receipt = { responseId, receivedAt: new Date().toISOString() };
    stored.set(responseId, { response: document, receipt });
    if (serialKey !== undefined) paperSerials.set(serialKey, responseId);
    if (dataFile) {
      try {
        await appendFile(dataFile, `${JSON.stringify(document)}\n`);
      } catch (error) {
        // Not on disk means not received: the client keeps it and retries.
        stored.delete(responseId);
        if (serialKey !== undefined) paperSerials.delete(serialKey);
        console.error(error);
        return reply(response, 500, errorBody('', 'storage-failed', message('Không lưu được phiếu', 'The response could not be stored')));
      }
    }
    return reply(response, 201, { receipt });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      console.error(error);
      if (!response.headersSent) reply(response, 500, errorBody('', 'internal', message('Lỗi máy chủ', 'Server error')));
    });
  });

  await listen(server, port, host);
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  let up = true;

  const control = {
    /** The next `count` POSTs get `status` (with Retry-After, seconds or an HTTP date, when given) instead of an answer. */
    failNext(count, status = 500, { retryAfter } = {}) {
      Object.assign(faults, { failCount: count, failStatus: status, retryAfter });
    },
    /**
     * The next `count` POSTs are answered by something in the way instead of the collector, which
     * neither counts nor stores them (see HijackMode).
     * @param {number} count
     * @param {HijackMode} mode
     */
    hijackNext(count, mode) {
      Object.assign(faults, { hijackCount: count, hijackMode: mode });
    },
    /** The next `count` POSTs are answered `ms` later (a slow server, to trip client timeouts). */
    delayNext(count, ms) {
      Object.assign(faults, { delayCount: count, delayMs: ms });
    },
    /** Stops listening and drops open connections: clients now get "connection refused". */
    async down() {
      if (!up) return;
      up = false;
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await closed;
    },
    /** Listens again on the same port. */
    async up() {
      if (up) return;
      await listen(server, boundPort, host);
      up = true;
    },
    /** Forgets faults, stored responses and counts. */
    reset() {
      Object.assign(faults, noFaults);
      stored.clear();
      paperSerials.clear();
      deliveries.clear();
    },
    /** How many POSTs carried this responseId (1 for a response delivered exactly once). */
    deliveries(responseId) {
      return deliveries.get(responseId) ?? 0;
    },
    get isUp() {
      return up;
    },
  };

  return {
    url: `http://${host}:${boundPort}`,
    port: boundPort,
    /** The stored responses, one per responseId, in arrival order. */
    responses: () => [...stored.values()].map((entry) => entry.response),
    control,
    async close() {
      await control.down();
    },
  };
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
}

/**
 * What stands between a device and the collector on a bad day:
 * - 'login-page': a captive portal (hotel or café Wi-Fi) answering 200 with its HTML login page;
 * - 'other-receipt': something answering 200 with JSON that is not this response's receipt;
 * - 'redirect': a 307 to the same address (a client that followed it would POST again and be stored).
 * @typedef {'login-page' | 'other-receipt' | 'redirect'} HijackMode
 */

/** @param {HijackMode} mode */
function hijack(request, response, mode) {
  if (mode === 'redirect') {
    const location = new URL(request.url ?? '/', `http://${request.headers.host}`);
    location.searchParams.set('redirected', '1');
    response.writeHead(307, { Location: location.href, 'Cache-Control': 'no-store' });
    response.end();
    return;
  }
  if (mode === 'other-receipt') return reply(response, 200, { receipt: { responseId: 'someone-else', receivedAt: new Date().toISOString() } });
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end('<!doctype html><title>Wi-Fi</title><form action="/login"><button>Kết nối</button></form>');
}

/** The body as text, or 'too-large' past the limit (read to the end so the client gets the 413). */
function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size <= BODY_LIMIT_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > BODY_LIMIT_BYTES ? 'too-large' : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * Responses are anonymous (the outbox sends no credentials), so any allowed origin may read the
 * answer; Retry-After must be exposed or a browser cannot see how long to wait.
 */
function setCorsHeaders(request, response, allowOrigins) {
  const origin = request.headers.origin;
  if (!allowOrigins) {
    response.setHeader('Access-Control-Allow-Origin', '*');
  } else {
    response.setHeader('Vary', 'Origin');
    if (origin && allowOrigins.includes(origin)) response.setHeader('Access-Control-Allow-Origin', origin);
  }
  response.setHeader('Access-Control-Expose-Headers', 'Retry-After');
}

function preflight(request, response, allowOrigins) {
  const origin = request.headers.origin;
  if (allowOrigins && !(origin && allowOrigins.includes(origin))) {
    return reply(response, 403, errorBody('', 'origin-not-allowed', message('Trang này không được gửi phiếu tới đây', 'This site may not send responses here')));
  }
  response.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  response.setHeader('Access-Control-Allow-Headers', 'Content-Type');
  response.setHeader('Access-Control-Max-Age', '600');
  // Chrome's Private Network Access: a public portal embedding a form that posts to an intranet collector.
  if (request.headers['access-control-request-private-network'] === 'true') response.setHeader('Access-Control-Allow-Private-Network', 'true');
  response.writeHead(204);
  response.end();
}

function reply(response, status, body, headers = {}) {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

/** @returns {ValidationError} */
const located = (path, code, text) => ({ path, code, message: text });
const errorBody = (path, code, text) => ({ errors: [located(path, code, text)] });
const unknownQuestionnaire = (id, path) =>
  errorBody(path, 'unknown-questionnaire', message(`Không có bảng hỏi "${id}"`, `No questionnaire "${id}"`));

/** Serial numbers compare as the data-entry sheet writes them (normalizeSerial): trimmed, one space, upper case. */
function serialKeyOf(questionnaireId, serial) {
  return `${questionnaireId}\n${normalizeSerial(serial)}`;
}
