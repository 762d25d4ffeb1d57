import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CommandOutput } from '@sipas/cli';
import { ApiClient, signIn } from './helpers/http.js';

/** Starts `sipas serve` in-process and waits for it to say where it listens. */
async function serve(dataDir: string) {
  const lines: string[] = [];
  const output: CommandOutput = { log: (line) => lines.push(line), error: (line) => lines.push(`error: ${line}`) };
  const exit = runCli(['serve', '--port', '0', '--host', '127.0.0.1', '--data', dataDir, '--lang', 'en'], output);
  const deadline = Date.now() + 60_000;
  while (!lines.some((line) => line.includes('running at')) && Date.now() < deadline) {
    if (lines.some((line) => line.startsWith('error:'))) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const url = lines.join('\n').match(/running at (http:\/\/\S+)/)?.[1];
  assert.ok(url, lines.join('\n'));
  return {
    url,
    text: lines.join('\n'),
    /** Stops it the way Ctrl+C or a service manager would. */
    async stop() {
      process.emit('SIGTERM', 'SIGTERM');
      return exit;
    },
  };
}

describe('sipas serve', () => {
  let dataDir = '';
  const databaseUrl = process.env.DATABASE_URL;

  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sipas-serve-'));
    // The command reads DATABASE_URL; this test is about the embedded database in --data.
    delete process.env.DATABASE_URL;
  });
  after(() => {
    if (databaseUrl !== undefined) process.env.DATABASE_URL = databaseUrl;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should print the URL and, on the first start only, the admin credentials; publish the templates once', async () => {
    const first = await serve(dataDir);
    const password = first.text.match(/First admin account: admin \/ (\S+)/)?.[1];
    assert.ok(password, first.text);
    assert.match(first.text, /Published the standard questionnaires: .*sipas-2640/);
    assert.match(first.text, /data: PGlite/);
    await signIn(first.url, 'admin', password);
    assert.equal((await new ApiClient(first.url).get('/api/v1/questionnaires/sipas-1001')).status, 200);
    assert.equal(await first.stop(), 0);

    const second = await serve(dataDir);
    assert.doesNotMatch(second.text, /First admin|Published/);
    await signIn(second.url, 'admin', password);
    assert.equal(await second.stop(), 0);
  });

  it('should refuse a port that is not a number', async () => {
    const lines: string[] = [];
    const code = await runCli(['serve', '--port', 'eighty'], { log: (line) => lines.push(line), error: (line) => lines.push(line) });
    assert.equal(code, 2);
    assert.match(lines.join('\n'), /--port/);
  });
});
