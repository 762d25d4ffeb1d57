#!/usr/bin/env node
// Smoke test of the built Storybook: serves storybook-static on 127.0.0.1, opens every entry of its
// index.json in Chromium (puppeteer-core) and fails when
//   - a story throws, logs a console error, reaches for anything off this machine, or renders no
//     SIPAS element (<sipas-form>, <sipas-report>, <sipas-designer>, one of its parts…) with
//     content in its shadow root (a form that could not load its questionnaire does not count);
//   - a docs page does the same, or shows no properties table with a row naming a property or
//     attribute that custom-elements.json gives its element (the story file's `component`);
//   - an element of custom-elements.json has no docs page.
//
// usage: npm run build-storybook && node scripts/storybook-smoke.mjs [storybook-static]
//        (build-storybook generates custom-elements.json at the root first: `npm run manifest`)
// env:   CHROME_PATH (default /usr/bin/chromium), SMOKE_CONCURRENCY (default: cores, at most 4)
//
// A story tagged `smoke-allow-404` may cause 404s on purpose (the load-failure story's missing
// file), and so may the docs page of its story file, which shows that story too.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import puppeteer from 'puppeteer-core';

const staticDir = resolve(process.argv[2] ?? 'storybook-static');
const manifestFile = resolve('custom-elements.json');
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
      value.on('docsRendered', () => (smoke.docsRendered = true));
      for (const event of ['storyErrored', 'storyThrewException', 'playFunctionThrewException', 'storyMissing', 'unhandledErrorsWhilePlaying']) {
        value.on(event, (detail) => smoke.errors.push(`${event}: ${JSON.stringify(detail)?.slice(0, 500)}`));
      }
    },
  });
}

/**
 * In the page: the state of the story's element (<sipas-form>, <sipas-report>, <sipas-designer> or
 * one of the designer's parts), or why it does not count as rendered. A form that could not load
 * its questionnaire counts only in a story that expects it (`allowLoadFailure`, the 404 tag).
 */
function inspectStory(allowLoadFailure) {
  const element = [...document.querySelectorAll('#storybook-root *')].find((node) => node.localName.startsWith('sipas-'));
  if (!element) return { ok: false, why: 'no SIPAS element in the story' };
  const name = `<${element.localName}>`;
  const root = element.shadowRoot;
  if (!root) return { ok: false, why: `${name} has no shadow root (not defined?)` };
  // The form, the report and the designer mark their frame; a designer part is its whole shadow root.
  const base = root.querySelector('[part~="base"]') ?? (/^sipas-(form|report)$/.test(element.localName) ? null : root);
  if (!base || base.children.length === 0) return { ok: false, why: `${name} shadow root is empty` };
  if (root.querySelector('.loading, [aria-busy="true"]')) return { ok: false, why: `${name} is still loading` };
  if (!allowLoadFailure && root.querySelector('.load-failed')) return { ok: false, why: `${name} could not load its questionnaire: ${root.querySelector('.load-failed').textContent.trim().replace(/\s+/g, ' ')}` };
  if ((base.textContent ?? '').trim() === '') return { ok: false, why: `${name} shows no text` };
  return { ok: true };
}

/** In the page: the names in the first column of the docs page's properties tables (section rows left out). */
function argsTableNames() {
  return [...document.querySelectorAll('#storybook-docs table.docblock-argstable tbody tr')]
    .filter((row) => row.cells.length > 1)
    .map((row) => row.cells[0]?.textContent?.trim().split(/\s/)[0] ?? '')
    .filter(Boolean);
}

/** Opens one entry in `page`, with every listener that turns into a problem. */
async function openEntry(page, origin, entry, allow404, problems) {
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
  await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${entry.type === 'docs' ? 'docs' : 'story'}`, {
    waitUntil: 'domcontentloaded',
    timeout: STORY_TIMEOUT_MS,
  });
}

/** What Storybook itself reported: errors on its channel, and its error display. */
async function storybookErrors(page) {
  const { errors } = await page.evaluate(() => window.__smoke);
  const errorDisplay = await page.evaluate(() =>
    document.body.classList.contains('sb-show-errordisplay') ? document.querySelector('#error-message')?.textContent?.trim() || 'error display shown' : undefined,
  );
  return errorDisplay ? [...errors, `Storybook shows an error: ${errorDisplay}`] : errors;
}

/**
 * A docs page: Storybook renders it without errors, and its properties table names at least one
 * property or attribute of `element` (absent from the manifest: no table to expect).
 */
async function checkDocs(context, origin, entry, element, allow404) {
  const problems = [];
  if (!element) return [`no element for this docs page: its story file (${entry.importPath}) names no \`component\` that custom-elements.json describes`];
  let page;
  try {
    page = await context.newPage();
    await openEntry(page, origin, entry, allow404, problems);
    await page.waitForFunction(() => window.__smoke?.docsRendered === true, { timeout: STORY_TIMEOUT_MS, polling: 50 }).catch(() => {
      problems.push(`Storybook did not render the docs page within ${STORY_TIMEOUT_MS / 1000} s`);
    });
    const expected = new Set([...(element.members ?? []).filter((member) => member.kind === 'field').map((member) => member.name), ...(element.attributes ?? []).map((attribute) => attribute.name)]);
    const names = await page
      .waitForFunction(`(${argsTableNames})().length > 0`, { timeout: 5000, polling: 50 })
      .then(() => page.evaluate(argsTableNames))
      .catch(() => []);
    if (names.length === 0) problems.push(`the docs page of <${element.tagName}> shows no properties table`);
    else if (!names.some((name) => expected.has(name))) problems.push(`the properties table of <${element.tagName}> names none of its properties (rows: ${names.slice(0, 8).join(', ')})`);
    problems.push(...(await storybookErrors(page)));
  } catch (error) {
    problems.push(`could not check the docs page: ${error.message ?? error}`);
  } finally {
    await page?.close().catch(() => undefined);
  }
  return problems;
}

async function checkStory(context, origin, story) {
  const problems = [];
  const allow404 = story.tags?.includes(ALLOW_404_TAG) === true;
  let page;
  try {
    page = await context.newPage();
    await openEntry(page, origin, story, allow404, problems);
    await page.waitForFunction(() => window.__smoke?.finished !== undefined, { timeout: STORY_TIMEOUT_MS, polling: 50 }).catch(() => {
      problems.push(`Storybook did not finish the story within ${STORY_TIMEOUT_MS / 1000} s`);
    });
    const finished = await page.evaluate(() => window.__smoke.finished);
    if (finished !== undefined && finished !== 'success') problems.push(`Storybook finished the story with status "${finished}"`);
    problems.push(...(await storybookErrors(page)));

    // The form loads its questionnaire asynchronously; give it a moment to leave "loading".
    const rendered = await page
      .waitForFunction(`(${inspectStory})(${allow404}).ok`, { timeout: 5000, polling: 50 })
      .then(() => ({ ok: true }))
      .catch(() => page.evaluate(inspectStory, allow404));
    if (!rendered.ok) problems.push(rendered.why);
  } catch (error) {
    problems.push(`could not check the story: ${error.message ?? error}`);
  } finally {
    await page?.close().catch(() => undefined);
  }
  return problems;
}

/** The elements of custom-elements.json by tag. */
async function readManifest() {
  if (!existsSync(manifestFile)) fail(`${manifestFile} is missing; run \`npm run manifest\` (build-storybook does)`);
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
  const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName);
  return new Map(elements.map((element) => [element.tagName, element]));
}

/** The `component` a story file's meta names (its docs page documents that element). */
async function componentOf(importPath) {
  const source = await readFile(resolve(importPath), 'utf8').catch(() => '');
  return /\bcomponent:\s*['"]([a-z][a-z0-9]*-[a-z0-9-]*)['"]/.exec(source)?.[1];
}

const started = performance.now();
const indexFile = join(staticDir, 'index.json');
if (!existsSync(indexFile)) fail(`${indexFile} is missing; run \`npm run build-storybook\` first`);
const entries = Object.values(JSON.parse(await readFile(indexFile, 'utf8')).entries);
const stories = entries.filter((entry) => entry.type === 'story');
const docsPages = entries.filter((entry) => entry.type === 'docs');
if (stories.length === 0) fail(`${indexFile} lists no stories`);
const elements = await readManifest();
const componentOfDocs = new Map(await Promise.all(docsPages.map(async (entry) => [entry.id, await componentOf(entry.importPath)])));
// A story file whose story may 404 on purpose shows it on its docs page too.
const filesAllowing404 = new Set(stories.filter((story) => story.tags?.includes(ALLOW_404_TAG)).map((story) => story.importPath));
if (!existsSync(executablePath)) fail(`no Chromium at ${executablePath}; set CHROME_PATH`);

const { server, origin } = await serve(staticDir);
const browser = await puppeteer.launch({ executablePath, headless: true, args: CHROME_ARGS }).catch((error) => {
  server.close();
  fail(`could not start Chromium (${executablePath}): ${error.message ?? error}`);
});
const failures = [];
const documented = new Set(componentOfDocs.values());
for (const tag of elements.keys()) {
  if (!documented.has(tag)) failures.push({ entry: { id: tag, title: 'custom-elements.json', name: `<${tag}>` }, problems: ['no docs page: no story file tagged `autodocs` names it as its `component`'] });
}
try {
  const queue = [...docsPages, ...stories];
  // One browser profile per worker, so pages share the HTTP cache. Stories start from a clean device
  // anyway: their beforeEach (packages/form/stories/story-helpers.ts) clears drafts.
  const worker = async () => {
    const context = await browser.createBrowserContext();
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const problems =
        entry.type === 'docs'
          ? await checkDocs(context, origin, entry, elements.get(componentOfDocs.get(entry.id)), filesAllowing404.has(entry.importPath))
          : await checkStory(context, origin, entry);
      if (problems.length > 0) failures.push({ entry, problems });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
} finally {
  await browser.close();
  server.close();
}

for (const { entry, problems } of failures) {
  console.error(`FAIL ${entry.id} (${entry.title} / ${entry.name})`);
  for (const problem of problems) console.error(`  - ${problem}`);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const checked = stories.length + docsPages.length + elements.size;
console.log(
  `storybook smoke: ${stories.length} stories, ${docsPages.length} docs pages, ${elements.size} elements with a docs page; ${checked - failures.length} passed, ${failures.length} failed (${seconds} s)`,
);
process.exit(failures.length > 0 ? 1 : 0);
