/**
 * `sipas serve`: runs the collector and admin service (@sipas/server) until Ctrl+C or SIGTERM.
 * Data lives in embedded PGlite under --data, or in PostgreSQL when DATABASE_URL is set. The
 * standard questionnaires are published on the way up when they are not there yet.
 *
 * `sipas reset-password <username>`: a new password for an account whose password is lost (the
 * first admin's, printed once on the first start), without deleting any data.
 */
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { createServer, openDatabase, resetPassword, seedTemplates, type Database } from '@sipas/server';
import type { MessageLanguage } from '@sipas/schema';
import { EXIT, type CommandOutput } from './output.js';

export interface ServeCommandOptions {
  port: number;
  host: string;
  /** The PGlite data folder; ignored when DATABASE_URL is set. */
  dataDir: string;
  secureCookies: boolean;
  /** Behind a reverse proxy: its addresses, comma-separated (IP, CIDR, or loopback/linklocal/uniquelocal); see parseTrustProxy. */
  trustProxy?: string;
  lang: MessageLanguage;
}

/** Serves until `stop` settles (by default the first SIGINT or SIGTERM), then closes cleanly. */
export async function serveCommand(options: ServeCommandOptions, output: CommandOutput, stop?: Promise<unknown>): Promise<number> {
  // Listened for from the start, so Ctrl+C during start-up still closes the database cleanly.
  const signals = stop === undefined ? stopSignals() : undefined;
  try {
    return await serveUntil(options, output, stop ?? signals!.next);
  } finally {
    signals?.dispose();
  }
}

async function serveUntil(options: ServeCommandOptions, output: CommandOutput, stop: Promise<unknown>): Promise<number> {
  const say = (vi: string, en: string) => (options.lang === 'vi' ? vi : en);
  let server;
  try {
    server = await createServer({
      dataDir: options.dataDir,
      secureCookies: options.secureCookies,
      ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    });
  } catch (error) {
    output.error(say(`Không mở được cơ sở dữ liệu: ${(error as Error).message}`, `Could not open the database: ${(error as Error).message}`));
    return EXIT.unreadable;
  }
  // Printed at once: the account now exists, so if listening fails (a port in use) the next start
  // will not print it again, and the only copy of the password must not be lost with this one.
  if (server.initialAdmin) {
    const { username, password } = server.initialAdmin;
    output.log(
      say(
        `Tài khoản quản trị đầu tiên: ${username} / ${password}\nMật khẩu chỉ hiện một lần này: hãy ghi lại và đổi sau khi đăng nhập.`,
        `First admin account: ${username} / ${password}\nThe password is shown this once only: write it down and change it after signing in.`,
      ),
    );
  }
  try {
    const added = await seedTemplates(server.db);
    if (added.length > 0) output.log(say(`Đã công bố các bảng hỏi chuẩn: ${added.join(', ')}`, `Published the standard questionnaires: ${added.join(', ')}`));
    const url = await server.listen(options.port, options.host);
    output.log(say(`Máy chủ SIPAS đang chạy tại ${url} — dữ liệu: ${storageOf(server.db, options.dataDir)}`, `SIPAS server running at ${url} — data: ${storageOf(server.db, options.dataDir)}`));
  } catch (error) {
    await server.close();
    output.error(say(`Không khởi động được máy chủ: ${(error as Error).message}`, `Could not start the server: ${(error as Error).message}`));
    return EXIT.unreadable;
  }
  await stop;
  output.log(say('Đang dừng máy chủ…', 'Stopping the server…'));
  await server.close();
  return EXIT.ok;
}

/** Where the data is, without the connection string: it may hold a password. */
const storageOf = (db: Database, dataDir: string) => (db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite (${dataDir})`);

const PROXY_ADDRESS_NAMES: ReadonlySet<string> = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * The value of `--trust-proxy`: the reverse proxies' addresses, comma-separated (IP, CIDR, or
 * loopback / linklocal / uniquelocal), or undefined when it is not that. Only a request coming from
 * one of them has its X-Forwarded-For believed. Not "true" (every address) nor a hop count:
 * then a client could name any address of its own choosing and escape every rate limit with a new
 * one per request (Fastify ignores hop counts for that reason).
 */
export function parseTrustProxy(value: string): string | undefined {
  const entries = value.split(',').map((entry) => entry.trim());
  const valid = entries.every((entry) => {
    if (PROXY_ADDRESS_NAMES.has(entry)) return true;
    const [address = '', prefix, ...rest] = entry.split('/');
    const version = isIP(address);
    if (version === 0 || rest.length > 0) return false;
    return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
  });
  return valid ? entries.join(',') : undefined;
}

export interface ResetPasswordCommandOptions {
  username: string;
  /** The PGlite data folder; ignored when DATABASE_URL is set. */
  dataDir: string;
  lang: MessageLanguage;
}

/**
 * Sets a new generated password on `username` and prints it once; the account's sessions and API
 * tokens are revoked. 0 done, 1 no such account, 2 no database or it could not be used.
 */
export async function resetPasswordCommand(options: ResetPasswordCommandOptions, output: CommandOutput): Promise<number> {
  const say = (vi: string, en: string) => (options.lang === 'vi' ? vi : en);
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const folder = join(options.dataDir, 'pglite');
    if (!existsSync(join(folder, 'PG_VERSION'))) {
      output.error(say(`Không có cơ sở dữ liệu SIPAS trong ${options.dataDir} (đặt DATABASE_URL nếu dùng PostgreSQL).`, `No SIPAS database in ${options.dataDir} (set DATABASE_URL for PostgreSQL).`));
      return EXIT.unreadable;
    }
    // Embedded PGlite belongs to one process at a time: a second one writing beside a running
    // server could lose the change or damage the data. PGlite leaves this file while it is open.
    if (existsSync(join(folder, 'postmaster.pid'))) {
      output.error(
        say(
          `Cơ sở dữ liệu trong ${options.dataDir} đang được dùng (máy chủ đang chạy, hoặc lần trước không dừng hẳn): hãy dừng máy chủ (hoặc chạy rồi dừng nó một lần) rồi thử lại.`,
          `The database in ${options.dataDir} is in use (the server is running, or did not stop cleanly last time): stop the server (or start and stop it once) and try again.`,
        ),
      );
      return EXIT.unreadable;
    }
  }
  let db: Database;
  try {
    db = await openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir: options.dataDir });
  } catch (error) {
    output.error(say(`Không mở được cơ sở dữ liệu: ${(error as Error).message}`, `Could not open the database: ${(error as Error).message}`));
    return EXIT.unreadable;
  }
  try {
    const reset = await resetPassword(db, options.username);
    if (!reset) {
      output.error(say(`Không có tài khoản ${options.username}.`, `No account ${options.username}.`));
      return EXIT.invalid;
    }
    output.log(
      say(
        `Mật khẩu mới của ${reset.username}: ${reset.password}\nMật khẩu chỉ hiện một lần này: hãy ghi lại và đổi sau khi đăng nhập. Mọi phiên đăng nhập và mã truy cập API của tài khoản đã bị thu hồi.`,
        `New password for ${reset.username}: ${reset.password}\nThe password is shown this once only: write it down and change it after signing in. All sessions and API tokens of the account have been revoked.`,
      ),
    );
    if (reset.disabled) {
      output.error(say('Tài khoản này đang bị khoá: một quản trị viên phải mở khoá thì mới đăng nhập được.', 'This account is disabled: an admin must enable it before it can sign in.'));
    }
    return EXIT.ok;
  } catch (error) {
    output.error(say(`Không đặt được mật khẩu mới: ${(error as Error).message}`, `Could not set a new password: ${(error as Error).message}`));
    return EXIT.unreadable;
  } finally {
    await db.close();
  }
}

/** The first SIGINT or SIGTERM from now on; dispose() stops listening (and leaves the signals to Node again). */
function stopSignals(): { next: Promise<NodeJS.Signals>; dispose(): void } {
  let onSignal: (signal: NodeJS.Signals) => void = () => {};
  const dispose = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  const next = new Promise<NodeJS.Signals>((resolve) => {
    onSignal = (signal) => {
      dispose();
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  return { next, dispose };
}
