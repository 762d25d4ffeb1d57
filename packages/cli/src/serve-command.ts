/**
 * `sipas serve`: runs the collector and admin service (@sipas/server) until Ctrl+C or SIGTERM.
 * Data lives in embedded PGlite under --data, or in PostgreSQL when DATABASE_URL is set. The
 * standard questionnaires are published on the way up when they are not there yet.
 */
import { createServer, seedTemplates } from '@sipas/server';
import type { MessageLanguage } from '@sipas/schema';
import { EXIT, type CommandOutput } from './output.js';

export interface ServeCommandOptions {
  port: number;
  host: string;
  /** The PGlite data folder; ignored when DATABASE_URL is set. */
  dataDir: string;
  secureCookies: boolean;
  lang: MessageLanguage;
}

/** Serves until `stop` settles (by default the first SIGINT or SIGTERM), then closes cleanly. */
export async function serveCommand(options: ServeCommandOptions, output: CommandOutput, stop: Promise<unknown> = nextStopSignal()): Promise<number> {
  const say = (vi: string, en: string) => (options.lang === 'vi' ? vi : en);
  let server;
  try {
    server = await createServer({ dataDir: options.dataDir, secureCookies: options.secureCookies });
  } catch (error) {
    output.error(say(`Không mở được cơ sở dữ liệu: ${(error as Error).message}`, `Could not open the database: ${(error as Error).message}`));
    return EXIT.unreadable;
  }
  try {
    const added = await seedTemplates(server.db);
    if (added.length > 0) output.log(say(`Đã công bố các bảng hỏi chuẩn: ${added.join(', ')}`, `Published the standard questionnaires: ${added.join(', ')}`));
    const url = await server.listen(options.port, options.host);
    // Where the data is, without the connection string: it may hold a password.
    const storage = server.db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite (${options.dataDir})`;
    output.log(say(`Máy chủ SIPAS đang chạy tại ${url} — dữ liệu: ${storage}`, `SIPAS server running at ${url} — data: ${storage}`));
    if (server.initialAdmin) {
      const { username, password } = server.initialAdmin;
      output.log(
        say(
          `Tài khoản quản trị đầu tiên: ${username} / ${password}\nMật khẩu chỉ hiện một lần này: hãy ghi lại và đổi sau khi đăng nhập.`,
          `First admin account: ${username} / ${password}\nThe password is shown this once only: write it down and change it after signing in.`,
        ),
      );
    }
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

function nextStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
