#!/usr/bin/env node
// Smoke test of the built Storybook: serves storybook-static on 127.0.0.1, opens every story of its
// index.json in Chromium (puppeteer-core) and fails when a story throws, logs a console error,
// reaches for anything off this machine, or renders no SIPAS element (<sipas-form>, <sipas-report>, <sipas-designer> or a designer part) with content in its shadow root.
//
// usage: npm run build-storybook && node scripts/storybook-smoke.mjs [storybook-static]
// env:   CHROME_PATH (default /usr/bin/chromium), SMOKE_CONCURRENCY (default: cores, at most 4)
//
// A story tagged `smoke-allow-404` may cause 404s on purpose (the load-failure story's missing file).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import puppeteer from 'puppeteer-core';

const staticDir = resolve(process.argv[2] ?? 'storybook-static');
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const concurrency = Math.max(1, Number(process.env.SMOKE_CONCURRENCY ?? Math.min(4, availableParallelism())));
const STORY_TIMEOUT_MS = 20_000;
const ALLOW_404_TAG = 'smoke-allow-404';
const CHROME_ARGS = [
  '--no-sandbox', // CI runs as root
  '--disable-gpu',
  '--disable-dev-shm-usage',
  // keep Chromium itself from calling home
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  // nothing but the local server resolves: a story that reaches out fails instead of leaking
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

function fail(message) {
  console.error(`storybook smoke: ${message}`);
  process.exit(1);
}

/** A static file server for the built Storybook; resolves to its origin. */
function serve(root) {
  const server = createServer(async (request, reply) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root + sep)) {
      reply.writeHead(403).end();
      return;
    }
    if (path === '/favicon.ico') {
      reply.writeHead(204).end(); // browsers ask for it on their own; Storybook uses favicon.svg
      return;
    }
    try {
      const body = await readFile(file);
      // Hashed assets may be cached: each story page loads the same bundles again.
      const cache = path.startsWith('/assets/') || path.startsWith('/sb-') ? 'max-age=3600, immutable' : 'no-cache';
      reply.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache }).end(body);
    } catch {
      reply.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolveOrigin) => {
    server.listen(0, '127.0.0.1', () => resolveOrigin({ server, origin: `http://127.0.0.1:${server.address().port}` }));
  });
}

/**
 * Runs before Storybook's own code: catches the preview's channel as it is created and records how
 * the story ended (storyFinished) and any error Storybook reports about it.
 */
function watchStorybookChannel() {
  const smoke = (window.__smoke = { finished: undefined, errors: [] });
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      value.on('storyFinished', ({ status }) => (smoke.finished = status));
      for (const event of ['storyErrored', 'storyThrewException', 'playFunctionThrewException', 'storyMissing', 'unhandledErrorsWhilePlaying']) {
        value.on(event, (detail) => smoke.errors.push(`${event}: ${JSON.stringify(detail)?.slice(0, 500)}`));
      }
    },
  });
}

/**
 * In the page: the state of the story's element (<sipas-form>, <sipas-report>, <sipas-designer> or
 * one of the designer's parts), or why it does not count as rendered.
 */
function inspectStory() {
  const element = [...document.querySelectorAll('#storybook-root *')].find((node) => /^sipas-(form|report|designer|template-gallery|expression-editor)/.test(node.localName));
  if (!element) return { ok: false, why: 'no SIPAS element in the story' };
  const name = `<${element.localName}>`;
  const root = element.shadowRoot;
  if (!root) return { ok: false, why: `${name} has no shadow root (not defined?)` };
  // The form, the report and the designer mark their frame; a designer part is its whole shadow root.
  const base = root.querySelector('[part~="base"]') ?? (/^sipas-(form|report)$/.test(element.localName) ? null : root);
  if (!base || base.children.length === 0) return { ok: false, why: `${name} shadow root is empty` };
  if (root.querySelector('.loading, [aria-busy="true"]')) return { ok: false, why: `${name} is still loading` };
  if ((base.textContent ?? '').trim() === '') return { ok: false, why: `${name} shows no text` };
  return { ok: true };
}

async function checkStory(context, origin, story) {
  const problems = [];
  const allow404 = story.tags?.includes(ALLOW_404_TAG);
  const page = await context.newPage();
  try {
    await page.evaluateOnNewDocument(watchStorybookChannel);
    // Not request interception: it would turn off the HTTP cache. CHROME_ARGS make other hosts unreachable.
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`request off this machine: ${request.method()} ${url}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message ?? error}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (allow404 && /status of 404/.test(text)) return;
      problems.push(`console error: ${text}${message.location()?.url ? ` (${message.location().url})` : ''}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !(allow404 && response.status() === 404)) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });

    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`, { waitUntil: 'domcontentloaded', timeout: STORY_TIMEOUT_MS });
    await page.waitForFunction(() => window.__smoke?.finished !== undefined, { timeout: STORY_TIMEOUT_MS, polling: 50 }).catch(() => {
      problems.push(`Storybook did not finish the story within ${STORY_TIMEOUT_MS / 1000} s`);
    });
    const { finished, errors } = await page.evaluate(() => window.__smoke);
    if (finished !== undefined && finished !== 'success') problems.push(`Storybook finished the story with status "${finished}"`);
    problems.push(...errors);
    const errorDisplay = await page.evaluate(() =>
      document.body.classList.contains('sb-show-errordisplay') ? document.querySelector('#error-message')?.textContent?.trim() || 'error display shown' : undefined,
    );
    if (errorDisplay) problems.push(`Storybook shows an error: ${errorDisplay}`);

    // The form loads its questionnaire asynchronously; give it a moment to leave "loading".
    const rendered = await page
      .waitForFunction(`(${inspectStory})().ok`, { timeout: 5000, polling: 50 })
      .then(() => ({ ok: true }))
      .catch(() => page.evaluate(inspectStory));
    if (!rendered.ok) problems.push(rendered.why);
  } catch (error) {
    problems.push(`could not check the story: ${error.message ?? error}`);
  } finally {
    await page.close().catch(() => undefined);
  }
  return problems;
}

const started = performance.now();
const indexFile = join(staticDir, 'index.json');
if (!existsSync(indexFile)) fail(`${indexFile} is missing; run \`npm run build-storybook\` first`);
const stories = Object.values(JSON.parse(await readFile(indexFile, 'utf8')).entries).filter((entry) => entry.type === 'story');
if (stories.length === 0) fail(`${indexFile} lists no stories`);
if (!existsSync(executablePath)) fail(`no Chromium at ${executablePath}; set CHROME_PATH`);

const { server, origin } = await serve(staticDir);
const browser = await puppeteer.launch({ executablePath, headless: true, args: CHROME_ARGS }).catch((error) => {
  server.close();
  fail(`could not start Chromium (${executablePath}): ${error.message ?? error}`);
});
const failures = [];
try {
  const queue = [...stories];
  // One browser profile per worker, so pages share the HTTP cache. Stories start from a clean device
  // anyway: their beforeEach (packages/form/stories/story-helpers.ts) clears drafts.
  const worker = async () => {
    const context = await browser.createBrowserContext();
    for (let story = queue.shift(); story; story = queue.shift()) {
      const problems = await checkStory(context, origin, story);
      if (problems.length > 0) failures.push({ story, problems });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, stories.length) }, worker));
} finally {
  await browser.close();
  server.close();
}

for (const { story, problems } of failures) {
  console.error(`FAIL ${story.id} (${story.title} / ${story.name})`);
  for (const problem of problems) console.error(`  - ${problem}`);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`storybook smoke: ${stories.length} stories, ${stories.length - failures.length} passed, ${failures.length} failed (${seconds} s)`);
process.exit(failures.length > 0 ? 1 : 0);
