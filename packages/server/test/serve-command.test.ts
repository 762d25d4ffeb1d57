import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CommandOutput } from '@sipas/cli';
import { ApiClient, errorCodes, signIn } from './helpers/http.js';

/** Runs one sipas command to its end; its lines, errors prefixed with "error: ". */
async function run(argv: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await runCli(argv, { log: (line) => lines.push(line), error: (line) => lines.push(`error: ${line}`) });
  return { code, text: lines.join('\n') };
}

/** Starts `sipas serve` in-process and waits for it to say where it listens. */
async function serve(dataDir: string, ...options: string[]) {
  const lines: string[] = [];
  const output: CommandOutput = { log: (line) => lines.push(line), error: (line) => lines.push(`error: ${line}`) };
  const exit = runCli(['serve', '--port', '0', '--host', '127.0.0.1', '--data', dataDir, '--lang', 'en', ...options], output);
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

  let password = '';

  it('should print the URL and, on the first start only, the admin credentials; publish the templates once', async () => {
    const first = await serve(dataDir);
    password = first.text.match(/First admin account: admin \/ (\S+)/)?.[1] ?? '';
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

  it('should set a forgotten password with reset-password, keeping the data and revoking sessions and tokens', async () => {
    const running = await serve(dataDir);
    const admin = await signIn(running.url, 'admin', password);
    const token = (await admin.post('/api/v1/auth/tokens', { name: 'backup script' })).body.token as string;
    // PGlite belongs to the running server: a second writer is refused, and nothing changes.
    const busy = await run(['reset-password', 'admin', '--data', dataDir, '--lang', 'en']);
    assert.equal(busy.code, 2);
    assert.match(busy.text, /error: The database in .* is in use/);
    assert.equal((await admin.get('/api/v1/auth/me')).status, 200);
    assert.equal(await running.stop(), 0);

    const reset = await run(['reset-password', 'ADMIN', '--data', dataDir, '--lang', 'en']);
    assert.equal(reset.code, 0, reset.text);
    const newPassword = reset.text.match(/New password for admin: (\S+)/)?.[1];
    assert.ok(newPassword, reset.text);
    assert.notEqual(newPassword, password);
    assert.match(reset.text, /shown this once only/);

    const again = await serve(dataDir);
    try {
      assert.doesNotMatch(again.text, /First admin|Published/);
      assert.equal((await new ApiClient(again.url).login('admin', password)).status, 401);
      assert.equal((await new ApiClient(again.url, { cookie: admin.cookie!, csrfToken: admin.csrfToken! }).get('/api/v1/auth/me')).status, 401);
      const script = await new ApiClient(again.url, { bearer: token }).get('/api/v1/auth/me');
      assert.equal(script.status, 401);
      assert.deepEqual(errorCodes(script.body), ['invalid-token']);
      const signedIn = await signIn(again.url, 'admin', newPassword);
      // The data is all there.
      assert.equal((await signedIn.get('/api/v1/questionnaires/sipas-1001/versions')).status, 200);
      password = newPassword;
    } finally {
      assert.equal(await again.stop(), 0);
    }
  });

  it('should answer 1 for an unknown account and 2 without a database or a username', async () => {
    const unknown = await run(['reset-password', 'nobody', '--data', dataDir, '--lang', 'en']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.text, /error: No account nobody/);
    const empty = mkdtempSync(join(tmpdir(), 'sipas-empty-'));
    try {
      const missing = await run(['reset-password', 'admin', '--data', empty, '--lang', 'en']);
      assert.equal(missing.code, 2);
      assert.match(missing.text, /error: No SIPAS database in/);
      // ...and none was made there.
      assert.equal((await run(['reset-password', 'admin', '--data', empty, '--lang', 'en'])).code, 2);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    assert.equal((await run(['reset-password', '--data', dataDir])).code, 2);
    assert.equal((await run(['reset-password', 'a', 'b', '--data', dataDir])).code, 2);
  });

  it("should print the first admin's credentials before listening, so a taken port does not lose them", async () => {
    const freshDir = mkdtempSync(join(tmpdir(), 'sipas-serve-'));
    const occupier = createNetServer();
    await new Promise<void>((resolve) => occupier.listen(0, '127.0.0.1', resolve));
    try {
      const takenPort = (occupier.address() as AddressInfo).port;
      const failed = await run(['serve', '--port', String(takenPort), '--host', '127.0.0.1', '--data', freshDir, '--lang', 'en']);
      assert.equal(failed.code, 2);
      const firstPassword = failed.text.match(/First admin account: admin \/ (\S+)/)?.[1];
      assert.ok(firstPassword, failed.text);
      assert.match(failed.text, /error: Could not start the server: .*EADDRINUSE/);
      assert.ok(failed.text.indexOf('First admin account') < failed.text.indexOf('error: Could not start'));

      // The next start does not print them again; the printed password is the one that works.
      const next = await serve(freshDir);
      try {
        assert.doesNotMatch(next.text, /First admin/);
        await signIn(next.url, 'admin', firstPassword);
      } finally {
        assert.equal(await next.stop(), 0);
      }
    } finally {
      await new Promise((resolve) => occupier.close(resolve));
      rmSync(freshDir, { recursive: true, force: true });
    }
  });

  it("should count sign-ins per forwarded client behind the proxy named by --trust-proxy, with Secure cookies", async () => {
    const proxied = await serve(dataDir, '--trust-proxy', '127.0.0.1', '--secure-cookies');
    try {
      const login = (forwardedFor: string, pass: string) =>
        new ApiClient(proxied.url).request('POST', '/api/v1/auth/login', { username: 'admin', password: pass }, { headers: { 'x-forwarded-for': forwardedFor } });
      for (let i = 0; i < 10; i++) assert.equal((await login('203.0.113.7', 'wrong-password!')).status, 401);
      assert.equal((await login('203.0.113.7', password)).status, 429);
      // Another client behind the same proxy is not held up by that one.
      const other = await login('203.0.113.8', password);
      assert.equal(other.status, 200);
      assert.match(other.headers.getSetCookie().join('\n'), /sipas_session=[^\n]*; Secure/i);
    } finally {
      assert.equal(await proxied.stop(), 0);
    }
  });

  it('should refuse a --trust-proxy that would let clients name their own address, and document both proxy options', async () => {
    for (const value of ['true', '1', 'everyone', '10.0.0.0/33']) {
      const refused = await run(['serve', '--trust-proxy', value, '--data', dataDir, '--lang', 'en']);
      assert.equal(refused.code, 2, value);
      assert.match(refused.text, /--trust-proxy/);
    }
    for (const lang of ['en', 'vi']) {
      const help = await run(['--help', '--lang', lang]);
      assert.match(help.text, /--trust-proxy/);
      assert.match(help.text, /--secure-cookies/);
      assert.match(help.text, /reset-password/);
    }
  });

  it('should refuse a port that is not a number', async () => {
    const lines: string[] = [];
    const code = await runCli(['serve', '--port', 'eighty'], { log: (line) => lines.push(line), error: (line) => lines.push(line) });
    assert.equal(code, 2);
    assert.match(lines.join('\n'), /--port/);
  });
});
