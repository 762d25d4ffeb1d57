import { parseArgs } from 'node:util';
import type { MessageLanguage } from '@sipas/schema';
import { EXIT, type CommandOutput } from './output.js';
import { indexCommand } from './index-command.js';
import { SAMPLE_OPTIONS, sampleCommand } from './sample-command.js';
import { parseTrustProxy, resetPasswordCommand, serveCommand } from './serve-command.js';
import { simulateCommand } from './simulate-command.js';
import { loadTypeModules, typeModuleUrls } from './type-modules.js';
import { validateCommand } from './validate-command.js';

const USAGE = {
  vi: `Cách dùng: sipas <lệnh> [tuỳ chọn]

Lệnh:
  validate <tệp.json>...                 Kiểm tra bảng hỏi
  validate --questionnaire q.json <tệp>... Kiểm tra phiếu trả lời (.json hoặc .jsonl) theo bảng hỏi q.json, như máy chủ kiểm tra
  index --questionnaire q.json --responses r.jsonl [--by unit|unit:<cấp>|field|channel|period|month|quarter|half|year|answer:<câu>]
        [--from YYYY-MM-DD --to YYYY-MM-DD] [--format table|json|csv] [--trusted] [--utc-offset +07:00] [--threads N]
                                         Tính chỉ số hài lòng (kèm n_valid) theo mô hình chỉ số của bảng hỏi
  simulate --questionnaire q.json [--count 100] [--seed 1] [--from D --to D] [--out r.jsonl]
                                         Tạo phiếu trả lời mô phỏng hợp lệ (JSONL) để thử nghiệm
  sample size --population N [--error 0.05] [--method yamane|confidence] [--confidence 0.95]
                                         Cỡ mẫu (Yamane n = N/(1 + N·e²) hoặc theo độ tin cậy)
  sample draw --frame khung.csv --size N [--by unit|field] [--allocation proportional|equal] [--minimum K]
        [--from D --to D] [--seed S] [--out-dir THƯ_MỤC] [--format csv|json]
                                         Rút mẫu chính thức + dự phòng cùng cỡ, in hạt giống (seed)
  sample verify --forms phieu.csv|phieu.jsonl --share 0.2 [--seed S]
                                         Rút danh sách phúc tra theo tỉ lệ trong mỗi đơn vị
  serve [--port 8080] [--host 127.0.0.1] [--data ./.data] [--secure-cookies] [--trust-proxy loopback|<địa chỉ,...>]
                                         Chạy máy chủ thu phiếu và quản trị (PostgreSQL khi có DATABASE_URL).
                                         --secure-cookies khi người dùng vào qua HTTPS (kể cả HTTPS dừng ở proxy);
                                         --trust-proxy khi đứng sau proxy ngược: địa chỉ (IP, CIDR, loopback) của proxy, để tin
                                         X-Forwarded-For của nó và giới hạn tần suất tính theo người dùng chứ không theo proxy
  reset-password <tên đăng nhập> [--data ./.data]
                                         Đặt mật khẩu mới (in ra một lần) cho tài khoản, thu hồi phiên và mã truy cập API của nó;
                                         không xoá dữ liệu. Với PGlite, dừng máy chủ trước (PostgreSQL khi có DATABASE_URL)

Tuỳ chọn:
  --lang vi|en   Ngôn ngữ thông báo (mặc định: vi)
  --types m.js   Mô-đun loại câu hỏi tự định nghĩa (lặp lại được; xem docs/extending.md)
  --json         In kết quả dạng JSON
  --help         In hướng dẫn này

Mã thoát: 0 tất cả hợp lệ, 1 có tài liệu không hợp lệ, 2 không đọc được dữ liệu vào hoặc sai cách dùng.`,
  en: `Usage: sipas <command> [options]

Commands:
  validate <file.json>...                  Check questionnaires
  validate --questionnaire q.json <file>... Check responses (.json or .jsonl) against questionnaire q.json, as the server does
  index --questionnaire q.json --responses r.jsonl [--by unit|unit:<level>|field|channel|period|month|quarter|half|year|answer:<question>]
        [--from YYYY-MM-DD --to YYYY-MM-DD] [--format table|json|csv] [--trusted] [--utc-offset +07:00] [--threads N]
                                          Compute the satisfaction indices (with n_valid) from the questionnaire's index model
  simulate --questionnaire q.json [--count 100] [--seed 1] [--from D --to D] [--out r.jsonl]
                                          Write simulated, valid responses (JSONL) to try things with
  sample size --population N [--error 0.05] [--method yamane|confidence] [--confidence 0.95]
                                          Sample size (Yamane n = N/(1 + N·e²) or by confidence level)
  sample draw --frame frame.csv --size N [--by unit|field] [--allocation proportional|equal] [--minimum K]
        [--from D --to D] [--seed S] [--out-dir DIR] [--format csv|json]
                                          Draw the official + equal reserve samples; prints the seed
  sample verify --forms forms.csv|responses.jsonl --share 0.2 [--seed S]
                                          Draw the phúc tra (re-verification) list, a share of every unit
  serve [--port 8080] [--host 127.0.0.1] [--data ./.data] [--secure-cookies] [--trust-proxy loopback|<address,...>]
                                          Run the collector and admin server (PostgreSQL when DATABASE_URL is set).
                                          --secure-cookies when people reach it over HTTPS (also HTTPS ended at a proxy);
                                          --trust-proxy behind a reverse proxy: the proxy's addresses (IP, CIDR, loopback), whose
                                          X-Forwarded-For is then believed, so rate limits count clients rather than the proxy
  reset-password <username> [--data ./.data]
                                          Set a new password (printed once) on an account and revoke its sessions and API tokens;
                                          deletes no data. With PGlite, stop the server first (PostgreSQL when DATABASE_URL is set)

Options:
  --lang vi|en   Language of the messages (default: vi)
  --types m.js   A module of custom question types (repeatable; see docs/extending.md)
  --json         Print the results as JSON
  --help         Print this help

Exit codes: 0 all valid, 1 some document invalid, 2 unreadable input or wrong usage.`,
} as const;

/** Runs the sipas command line and returns its exit code; never calls process.exit itself. */
export async function runCli(argv: string[], output: CommandOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...SAMPLE_OPTIONS, // first, so that the options of other commands keep their own settings
        lang: { type: 'string', default: 'vi' },
        json: { type: 'boolean', default: false },
        questionnaire: { type: 'string' },
        help: { type: 'boolean', default: false },
        // index
        responses: { type: 'string' },
        by: { type: 'string', multiple: true },
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
        trusted: { type: 'boolean', default: false },
        'utc-offset': { type: 'string' },
        threads: { type: 'string' },
        // simulate
        count: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        types: { type: 'string', multiple: true },
        // serve
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        'secure-cookies': { type: 'boolean', default: false },
        'trust-proxy': { type: 'string' },
      },
    });
  } catch (error) {
    output.error(`${(error as Error).message}\n\n${USAGE.vi}`);
    return EXIT.unreadable;
  }
  const { values, positionals } = parsed;
  const lang = values.lang;
  if (lang !== 'vi' && lang !== 'en') {
    output.error(`--lang: vi | en\n\n${USAGE.vi}`);
    return EXIT.unreadable;
  }
  const [command, ...files] = positionals;
  if (values.help || command === 'help') {
    output.log(USAGE[lang]);
    return EXIT.ok;
  }
  const typeModules = typeModuleUrls(values.types ?? []);
  if (typeModules.length > 0) {
    const loaded = await loadTypeModules(typeModules);
    if ('problem' in loaded) {
      output.error(loaded.problem[lang]);
      return EXIT.unreadable;
    }
  }
  if (command === 'validate') {
    if (files.length === 0) {
      output.error(lang === 'vi' ? `Thiếu tệp cần kiểm tra.\n\n${USAGE.vi}` : `No file to check.\n\n${USAGE.en}`);
      return EXIT.unreadable;
    }
    return validateCommand({ files, lang: lang as MessageLanguage, json: values.json, questionnaireFile: values.questionnaire }, output);
  }
  if (command === 'simulate') {
    const count = Number(values.count ?? '100');
    const seed = Number(values.seed ?? '1');
    if (!values.questionnaire || !Number.isInteger(count) || count < 0 || !Number.isInteger(seed)) {
      output.error(lang === 'vi' ? `Cần --questionnaire; --count và --seed là số nguyên.\n\n${USAGE.vi}` : `--questionnaire is needed; --count and --seed are integers.\n\n${USAGE.en}`);
      return EXIT.unreadable;
    }
    return simulateCommand({ questionnaireFile: values.questionnaire, count, seed, from: values.from, to: values.to, out: values.out, lang }, output);
  }
  if (command === 'sample') {
    return sampleCommand({ args: files, values, lang, json: values.json }, output);
  }
  if (command === 'serve') {
    const port = Number(values.port ?? '8080');
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      output.error(lang === 'vi' ? `--port là số từ 0 đến 65535.\n\n${USAGE.vi}` : `--port is a number from 0 to 65535.\n\n${USAGE.en}`);
      return EXIT.unreadable;
    }
    const trustProxy = values['trust-proxy'] === undefined ? undefined : parseTrustProxy(values['trust-proxy']);
    if (values['trust-proxy'] !== undefined && trustProxy === undefined) {
      output.error(
        lang === 'vi'
          ? `--trust-proxy là địa chỉ của proxy ngược: IP, CIDR hoặc loopback, cách nhau bằng dấu phẩy (ví dụ 127.0.0.1 hay 10.0.0.0/8).\n\n${USAGE.vi}`
          : `--trust-proxy is the reverse proxy's addresses: IP, CIDR or loopback, comma-separated (such as 127.0.0.1 or 10.0.0.0/8).\n\n${USAGE.en}`,
      );
      return EXIT.unreadable;
    }
    return serveCommand(
      { port, host: values.host ?? '127.0.0.1', dataDir: values.data ?? './.data', secureCookies: values['secure-cookies'], ...(trustProxy === undefined ? {} : { trustProxy }), lang },
      output,
    );
  }
  if (command === 'reset-password') {
    if (files.length !== 1) {
      output.error(lang === 'vi' ? `Cần đúng một tên đăng nhập.\n\n${USAGE.vi}` : `One username is needed.\n\n${USAGE.en}`);
      return EXIT.unreadable;
    }
    return resetPasswordCommand({ username: files[0]!, dataDir: values.data ?? './.data', lang }, output);
  }
  if (command === 'index') {
    const format = values.format ?? 'table';
    const threads = values.threads === undefined ? undefined : Number(values.threads);
    if (!values.questionnaire || !values.responses || (format !== 'table' && format !== 'json' && format !== 'csv') || (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= 64))) {
      output.error(lang === 'vi' ? `Cần --questionnaire và --responses; --format là table, json hoặc csv.\n\n${USAGE.vi}` : `--questionnaire and --responses are needed; --format is table, json or csv.\n\n${USAGE.en}`);
      return EXIT.unreadable;
    }
    return indexCommand(
      { questionnaireFile: values.questionnaire, responsesFile: values.responses, by: values.by ?? [], from: values.from, to: values.to, format, lang, trusted: values.trusted, utcOffset: values['utc-offset'], threads },
      output,
    );
  }
  output.error(`${command ? (lang === 'vi' ? `Lệnh không tồn tại: ${command}` : `Unknown command: ${command}`) : ''}\n\n${USAGE[lang]}`.trim());
  return EXIT.unreadable;
}
