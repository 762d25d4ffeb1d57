// The demo: a fictional district portal (examples/district-site) with the drop-in survey, served
// the way a real site would serve it, under `Content-Security-Policy: default-src 'self'`. The
// collector (dev-collector.mjs) answers `/api/v1/...` on the same origin, so the strict policy
// still lets the form POST its responses. node:http only.
//
// Privacy: no request is logged, and nothing about the client (address, user agent, cookies) is
// passed to the collector; the responses themselves are anonymous.
import { readFile, mkdir } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { templates } from '@sipas/templates';
import { startCollector } from './dev-collector.mjs';
import { BASE_HEADERS, CONTENT_TYPES, FORM_BUNDLE_DIR, NOT_A_FILE, contentTypeOf, headersFor, siteFileFor } from './site-files.mjs';

const API = '/api/v1/';

/** @typedef {import('@sipas/schema').Response} Response */

/** Only what a browser needs to reach the collector; nothing that says who is asking. */
const FORWARDED_HEADERS = ['content-type', 'content-length', 'accept', 'origin'];

/**
 * Starts the demo site and its collector. Responses are appended to `<dataDir>/responses.jsonl`.
 * `bundleDir` is where `sipas-form.bundle.js` is read from (the form package's dist by default).
 *
 * @param {{ port?: number, host?: string, dataDir?: string, bundleDir?: string }} [options]
 * @returns {Promise<{ url: string, port: number, dataFile: string, responses(): Response[], deliveries(responseId: string): number, close(): Promise<void> }>}
 */
export async function startDemoServer({ port = 0, host = '127.0.0.1', dataDir = '.data', bundleDir = FORM_BUNDLE_DIR } = {}) {
  await mkdir(dataDir, { recursive: true });
  const dataFile = join(dataDir, 'responses.jsonl');
  const questionnaires = new Map(templates.map((entry) => [entry.id, entry.questionnaire]));
  // Same-origin requests need no CORS grant, so the collector allows no other origin.
  const collector = await startCollector({ host: '127.0.0.1', questionnaires: questionnaires.values(), dataFile, allowOrigins: [] });

  /** @param {import('node:http').IncomingMessage} request @param {import('node:http').ServerResponse} response */
  async function handle(request, response) {
    const url = new URL(request.url ?? '/', 'http://demo');
    const path = url.pathname;
    if (path.startsWith(API)) return proxy(request, response, collector.port);
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed', { Allow: 'GET, HEAD' }, request);

    const site = siteFileFor(path, { bundleDir });
    if (site) return sendFile(request, response, site.file, site.missing);
    const questionnaireId = /^\/q\/([a-z0-9-]+)\.json$/.exec(path)?.[1];
    const questionnaire = questionnaireId === undefined ? undefined : questionnaires.get(questionnaireId);
    if (questionnaire) return send(response, 200, CONTENT_TYPES['.json'], JSON.stringify(questionnaire), BASE_HEADERS, request);
    return notFound(response, request);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      console.error(error);
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Server error', BASE_HEADERS, request);
      else response.destroy();
    });
  });
  await new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, host, () => {
      server.off('error', rejectListen);
      resolveListen(undefined);
    });
  }).catch(async (error) => {
    await collector.close();
    throw error;
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;

  return {
    url: `http://${host}:${boundPort}`,
    port: boundPort,
    dataFile,
    /** The responses this server's collector stored since it started. */
    responses: () => collector.responses(),
    /** How many POSTs carried this responseId since the server started (1: delivered exactly once). */
    deliveries: (responseId) => collector.control.deliveries(responseId),
    async close() {
      const closed = new Promise((resolveClose) => server.close(() => resolveClose(undefined)));
      server.closeAllConnections();
      await closed;
      await collector.close();
    },
  };
}

async function sendFile(request, response, file, missing) {
  const type = contentTypeOf(file);
  if (!type) return notFound(response, request);
  let body;
  try {
    body = await readFile(file);
  } catch (error) {
    if (NOT_A_FILE.has(error?.code)) return notFound(response, request, missing);
    throw error;
  }
  return send(response, 200, type, body, headersFor(file), request);
}

function notFound(response, request, text = 'Không tìm thấy trang / Not found') {
  return send(response, 404, 'text/plain; charset=utf-8', text, BASE_HEADERS, request);
}

function send(response, status, type, body, headers, request) {
  response.writeHead(status, { ...headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** Passes an API request to the collector and its answer back, keeping only the needed headers. */
function proxy(request, response, collectorPort) {
  const headers = Object.fromEntries(FORWARDED_HEADERS.flatMap((name) => (request.headers[name] === undefined ? [] : [[name, request.headers[name]]])));
  return new Promise((resolveProxy) => {
    const upstream = httpRequest({ host: '127.0.0.1', port: collectorPort, method: request.method, path: request.url, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'X-Content-Type-Options': 'nosniff' });
      answer.pipe(response);
      answer.on('end', () => resolveProxy(undefined));
    });
    upstream.on('error', (error) => {
      console.error(`collector: ${error.message}`);
      if (!response.headersSent) send(response, 502, 'application/json; charset=utf-8', JSON.stringify({ errors: [{ path: '', code: 'collector-unavailable', message: { vi: 'Không kết nối được máy thu phiếu', en: 'The collector is unavailable' } }] }), BASE_HEADERS, request);
      resolveProxy(undefined);
    });
    request.pipe(upstream);
  });
}
