/**
 * The collector in a child process of its own, for what cannot happen in-process: a `kill -9` in
 * the middle of a write (crash-safety.test.ts) and a load generator that must not share the
 * server's event loop (bench/load.bench.ts).
 *
 * The parent calls startServerProcess(); the child runs runServerProcess() from this same module,
 * loaded from TypeScript sources the way the tests are (`--conditions=source --import tsx`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, seedTemplates } from '@sipas/server';

export interface ServerProcessOptions {
  /** PGlite keeps its files in `<dataDir>/pglite`; ignored when databaseUrl is given. */
  dataDir?: string;
  /** A PostgreSQL connection string; the child ignores the parent's DATABASE_URL otherwise. */
  databaseUrl?: string;
  /** Submissions allowed per client and minute; load and crash tests come from one address. */
  responsesPerMinute?: number;
  /** How long to wait for the child to listen, in milliseconds. */
  startTimeoutMs?: number;
}

export interface ServerProcess {
  baseUrl: string;
  pid: number;
  /** SIGKILL: no shutdown hook, no close, no flush, like a power cut of the process alone. */
  kill(): Promise<void>;
  /** SIGTERM, the way a service manager stops it: closes the server and the database; resolves to the exit code. */
  stop(): Promise<number | null>;
  /** Everything the child printed so far (stdout and stderr), for failure messages. */
  output(): string;
}

/** The variable that carries the options to the child, as JSON. */
const OPTIONS_VARIABLE = 'SIPAS_SERVER_PROCESS';
const LISTENING = 'listening at ';

/** Starts the collector in a child process and resolves once it listens on 127.0.0.1. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, [OPTIONS_VARIABLE]: JSON.stringify(options) };
  // createServer() prefers DATABASE_URL to dataDir: a PGlite child must not see the parent's.
  delete env.DATABASE_URL;
  const entry = `import { runServerProcess } from ${JSON.stringify(import.meta.url)}; await runServerProcess();`;
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', '--input-type=module', '--eval', entry], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server process did not start within ${options.startTimeoutMs ?? 60_000} ms:\n${output}`));
    }, options.startTimeoutMs ?? 60_000);
    const watch = () => {
      const url = output.split('\n').find((line) => line.startsWith(LISTENING))?.slice(LISTENING.length).trim();
      if (url) {
        clearTimeout(timer);
        child.stdout!.off('data', watch);
        resolve(url);
      }
    };
    child.stdout!.on('data', watch);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server process exited (${code}) before listening:\n${output}`));
    });
  });

  return {
    baseUrl,
    pid: child.pid!,
    async kill() {
      if (isRunning(child)) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (isRunning(child)) child.kill('SIGTERM');
      return exited;
    },
    output: () => output,
  };
}

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/**
 * The child's side: migrates, publishes the standard questionnaires (once per database), listens
 * on an ephemeral port and says where on stdout; closes cleanly on SIGTERM.
 */
export async function runServerProcess(): Promise<void> {
  const options = JSON.parse(process.env[OPTIONS_VARIABLE] ?? '{}') as ServerProcessOptions;
  const server = await createServer({
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : { dataDir: options.dataDir ?? ':memory:' }),
    initialAdminPassword: 'admin-password-1',
    rateLimit: { responsesPerMinute: options.responsesPerMinute ?? 1_000_000, loginsPerMinute: 10 },
  });
  await seedTemplates(server.db);
  const baseUrl = await server.listen(0, '127.0.0.1');
  process.stdout.write(`${LISTENING}${baseUrl}\n`);
  process.once('SIGTERM', () => {
    void server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
