import { parseArgs } from 'node:util';
import type { MessageLanguage } from '@sipas/schema';
import { EXIT, type CommandOutput } from './output.js';
import { validateCommand } from './validate-command.js';

const USAGE = {
  vi: `Cách dùng: sipas <lệnh> [tuỳ chọn]

Lệnh:
  validate <tệp.json>...                 Kiểm tra bảng hỏi
  validate --questionnaire q.json <tệp>... Kiểm tra phiếu trả lời (.json hoặc .jsonl) theo bảng hỏi q.json

Tuỳ chọn:
  --lang vi|en   Ngôn ngữ thông báo (mặc định: vi)
  --json         In kết quả dạng JSON
  --help         In hướng dẫn này

Mã thoát: 0 tất cả hợp lệ, 1 có tài liệu không hợp lệ, 2 không đọc được dữ liệu vào hoặc sai cách dùng.`,
  en: `Usage: sipas <command> [options]

Commands:
  validate <file.json>...                  Check questionnaires
  validate --questionnaire q.json <file>... Check responses (.json or .jsonl) against questionnaire q.json

Options:
  --lang vi|en   Language of the messages (default: vi)
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
        lang: { type: 'string', default: 'vi' },
        json: { type: 'boolean', default: false },
        questionnaire: { type: 'string' },
        help: { type: 'boolean', default: false },
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
  if (command === 'validate') {
    if (files.length === 0) {
      output.error(lang === 'vi' ? `Thiếu tệp cần kiểm tra.\n\n${USAGE.vi}` : `No file to check.\n\n${USAGE.en}`);
      return EXIT.unreadable;
    }
    return validateCommand({ files, lang: lang as MessageLanguage, json: values.json, questionnaireFile: values.questionnaire }, output);
  }
  output.error(`${command ? (lang === 'vi' ? `Lệnh không tồn tại: ${command}` : `Unknown command: ${command}`) : ''}\n\n${USAGE[lang]}`.trim());
  return EXIT.unreadable;
}
