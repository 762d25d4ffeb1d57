/**
 * Serves the benchmark pages on 127.0.0.1: one page per renderer, the files it ships, and each
 * questionnaire already written for that renderer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BenchQuestionnaire } from './questionnaires.js';
import { benchDir, floorPage, type Renderer } from './renderers.js';

export interface BenchServer {
  origin: string;
  pageUrl(renderer: Renderer, questionnaire: string, first: string): string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.html': 'text/html' };
const typeOf = (path: string) => TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream';

function pageHtml(renderer: Renderer): string {
  const styles = renderer.styles.map((s) => `<link rel="stylesheet" href="${s.url}">`).join('\n');
  const scripts = renderer.scripts.map((s) => `<script src="${s.url}"></script>`).join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${renderer.label}</title>
<script src="/probe.js"></script>
${styles}
</head><body><main id="app"></main>
${scripts}
<script src="/adapters/${renderer.id}.js"></script>
</body></html>`;
}

export async function startBenchServer(renderers: Renderer[], questionnaires: BenchQuestionnaire[]): Promise<BenchServer> {
  const routes = new Map<string, { type: string; body: Buffer }>();
  const add = (url: string, body: string | Buffer, type = typeOf(url)) => routes.set(url, { type, body: Buffer.from(body) });
  add('/probe.js', readFileSync(join(benchDir, 'pages/probe.js')));
  for (const renderer of [...renderers, floorPage]) {
    add(`/page/${renderer.id}`, pageHtml(renderer), 'text/html; charset=utf-8');
    add(`/adapters/${renderer.id}.js`, readFileSync(join(benchDir, `pages/adapters/${renderer.id}.js`)));
    for (const file of [...renderer.styles, ...renderer.scripts]) {
      if (!existsSync(file.file)) throw new Error(`${file.file} is missing: run \`npm run build\` (or npm install) first`);
      add(file.url, readFileSync(file.file));
    }
    if (renderer !== floorPage) for (const q of questionnaires) add(`/q/${renderer.id}/${q.name}.json`, JSON.stringify(renderer.convert(q.questionnaire)));
  }
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const route = routes.get(path);
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
      return;
    }
    response.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store' }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    pageUrl: (renderer, questionnaire, first) => `${origin}/page/${renderer.id}?q=${encodeURIComponent(questionnaire)}&first=${encodeURIComponent(first)}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
