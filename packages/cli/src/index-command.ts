/**
 * `sipas index`: reads responses line by line (JSONL, streamed, so files larger than memory work),
 * checks each one against the questionnaire (format and logic), aggregates the valid ones with the
 * questionnaire's index model and prints the indices with n_valid per item, component and overall.
 * Invalid lines are counted and reported with their line numbers, never silently included.
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { IndexAccumulator, IndexError, flattenNodes, formatCsv, formatPercent, indexTable, type Dimension, type GroupResult, type IndexOptions, type IndexReport } from '@sipas/index';
import { localize, validateQuestionnaire, type MessageLanguage, type Questionnaire } from '@sipas/schema';
import { EXIT, type CommandOutput } from './output.js';
import { readDocuments } from './read-documents.js';
import { scanFile, type ScanResult } from './scan-file.js';

export interface IndexCommandOptions {
  questionnaireFile: string;
  responsesFile: string;
  by: string[];
  from?: string;
  to?: string;
  format: 'table' | 'json' | 'csv';
  lang: MessageLanguage;
  /**
   * The responses were already checked one by one (an export of the collector server, which checks
   * every submission): only lines that are not JSON are refused. Several times faster.
   */
  trusted?: boolean;
  /** Offset of the local day that periods and --from/--to are counted in; Vietnam's +07:00 by default. */
  utcOffset?: string;
  /** Worker threads to spread the lines over; by default one per core for files over 8 MB. */
  threads?: number;
}

/**
 * today() and age() in conditions count days in the process's time zone (as SurveyJS does in the
 * browser). A report must not depend on the server it runs on, so the day is taken in the offset of
 * the survey (+07:00 by default) for whole-hour offsets, through a fixed-offset zone.
 */
function useDayOfOffset(utcOffset: string): void {
  const [, sign, hours, minutes] = /^([+-])(\d{2}):(\d{2})$/.exec(utcOffset)!;
  if (minutes !== '00') return;
  const whole = Number(hours);
  // POSIX zone names invert the sign: Etc/GMT-7 is seven hours ahead of UTC.
  process.env.TZ = whole === 0 ? 'Etc/UTC' : `Etc/GMT${sign === '+' ? '-' : '+'}${whole}`;
}

/** One thread for small files (starting workers costs more than it saves), one per core (up to 4) above 8 MB. */
async function defaultThreads(file: string): Promise<number> {
  try {
    return (await stat(file)).size > 8 * 1024 * 1024 ? Math.min(4, availableParallelism()) : 1;
  } catch {
    return 1; // the scan reports the missing file
  }
}



const PERIODS = new Set(['month', 'quarter', 'half', 'year']);

/** `--by period` means quarters; the other names are the index engine's dimensions. */
export function parseDimension(name: string): Dimension | undefined {
  if (name === 'period') return 'quarter';
  if (name === 'unit' || name === 'field' || name === 'channel' || PERIODS.has(name)) return name as Dimension;
  if (/^unit:[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name) || /^answer:[A-Za-z][A-Za-z0-9_]*$/.test(name)) return name as Dimension;
  return undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function indexCommand(options: IndexCommandOptions, output: CommandOutput): Promise<number> {
  const say = (vi: string, en: string) => (options.lang === 'vi' ? vi : en);
  const [read] = await readDocuments(options.questionnaireFile);
  if (!read?.ok) {
    output.error(`${options.questionnaireFile}: ${read ? read.problem[options.lang] : ''}`);
    return EXIT.unreadable;
  }
  const checked = validateQuestionnaire(read.document);
  if (!checked.valid) {
    output.error(say(`${options.questionnaireFile}: bảng hỏi không hợp lệ (chạy sipas validate để xem lỗi)`, `${options.questionnaireFile}: the questionnaire is invalid (run sipas validate to see why)`));
    return EXIT.unreadable;
  }
  const questionnaire = read.document as Questionnaire;
  if (!questionnaire.sipas?.index) {
    output.error(say(`${options.questionnaireFile}: bảng hỏi không có mô hình chỉ số (sipas.index)`, `${options.questionnaireFile}: the questionnaire has no index model (sipas.index)`));
    return EXIT.unreadable;
  }
  const by: Dimension[] = [];
  for (const name of options.by.flatMap((b) => b.split(',')).filter(Boolean)) {
    const dimension = parseDimension(name);
    if (!dimension) {
      output.error(say(`--by: không hiểu ${JSON.stringify(name)} (unit, unit:<cấp>, field, channel, period, month, quarter, half, year, answer:<câu hỏi>)`, `--by: unknown ${JSON.stringify(name)} (unit, unit:<level>, field, channel, period, month, quarter, half, year, answer:<question>)`));
      return EXIT.unreadable;
    }
    by.push(dimension);
  }
  for (const [flag, value] of [['--from', options.from], ['--to', options.to]] as const) {
    if (value !== undefined && !DATE.test(value)) {
      output.error(say(`${flag}: cần ngày dạng YYYY-MM-DD`, `${flag}: expected a date as YYYY-MM-DD`));
      return EXIT.unreadable;
    }
  }
  const utcOffset = options.utcOffset ?? '+07:00';
  if (!/^[+-]\d{2}:\d{2}$/.test(utcOffset)) {
    output.error(say('--utc-offset: cần dạng +07:00', '--utc-offset: expected a form like +07:00'));
    return EXIT.unreadable;
  }
  const indexOptions: IndexOptions = { by, utcOffset };
  if (options.from) indexOptions.from = options.from;
  if (options.to) indexOptions.to = options.to;
  try {
    new IndexAccumulator(questionnaire, indexOptions); // options the engine refuses are reported before any reading
  } catch (error) {
    if (!(error instanceof IndexError)) throw error;
    output.error(`${error.path || '/'} [${error.code}] ${error.localized[options.lang]}`);
    return EXIT.unreadable;
  }
  useDayOfOffset(utcOffset);
  const threads = options.threads ?? (await defaultThreads(options.responsesFile));
  let scanned: ScanResult;
  try {
    scanned = await scanFile(questionnaire, indexOptions, options.responsesFile, options.trusted === true, threads);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const fileProblem = code === 'ENOENT' ? say('không tìm thấy tệp', 'file not found') : code === 'EACCES' || code === 'EISDIR' ? say('không đọc được tệp', 'cannot read the file') : undefined;
    output.error(`${options.responsesFile}: ${fileProblem ?? (error as Error).message}`);
    return EXIT.unreadable;
  }
  const { totals, accumulator } = scanned;
  const { invalid, invalidCount } = totals;
  const report = accumulator.result();
  const counts = { lines: totals.lines, valid: totals.lines - totals.blank - invalidCount, invalid: invalidCount, included: totals.included };
  if (options.format === 'json') {
    output.log(JSON.stringify({ counts, invalid, report }, null, 2));
  } else if (options.format === 'csv') {
    output.log(toCsv(report, options.lang));
  } else {
    printTable(report, questionnaire, options.lang, output);
    output.log(say(
      `Đã đọc ${counts.lines} dòng: ${counts.valid} phiếu hợp lệ, ${counts.invalid} không hợp lệ; ${counts.included} phiếu được tính.`,
      `Read ${counts.lines} lines: ${counts.valid} valid responses, ${counts.invalid} invalid; ${counts.included} counted.`,
    ));
    for (const { line, errors } of invalid) {
      const first = errors[0]!;
      output.log(`  ${say('dòng', 'line')} ${line}: ${first.path || '/'} [${first.code}] ${first.message[options.lang]}${errors.length > 1 ? say(` (+${errors.length - 1} lỗi)`, ` (+${errors.length - 1} more)`) : ''}`);
    }
    if (invalidCount > invalid.length) output.log(say(`  ... và ${invalidCount - invalid.length} dòng không hợp lệ khác`, `  ... and ${invalidCount - invalid.length} more invalid lines`));
  }
  return invalidCount > 0 ? EXIT.invalid : EXIT.ok;
}

const groupName = (group: GroupResult) => Object.entries(group.key).map(([dimension, value]) => `${dimension}=${value}`).join(', ');

function printTable(report: IndexReport, questionnaire: Questionnaire, lang: MessageLanguage, output: CommandOutput): void {
  const title = localize(questionnaire.title, lang);
  output.log(`${title} (${questionnaire.id})`);
  for (const group of [report.overall, ...report.groups]) {
    output.log('');
    output.log(group === report.overall ? (lang === 'vi' ? `Toàn bộ — ${group.responses} phiếu` : `All — ${group.responses} responses`) : `${groupName(group)} — ${group.responses} ${lang === 'vi' ? 'phiếu' : 'responses'}`);
    for (const { node, depth } of flattenNodes(group.root)) {
      const label = node.label ? localize(node.label, lang) : '';
      const name = `${'  '.repeat(depth)}${node.id}`.padEnd(14);
      output.log(`  ${name} ${formatPercent(node.index, lang).padStart(9)}  n=${String(node.nValid).padEnd(7)} ${node.method.padEnd(6)} ${label}`);
    }
  }
  if (report.ranking) {
    output.log('');
    output.log(lang === 'vi' ? `Xếp hạng theo ${report.ranking.dimension}:` : `Ranking by ${report.ranking.dimension}:`);
    for (const entry of report.ranking.entries) output.log(`  ${String(entry.rank).padStart(3)}. ${entry.key.padEnd(20)} ${formatPercent(entry.index, lang).padStart(9)}  n=${entry.nValid}`);
  }
}

/** One row per group and node (@sipas/index's table, as the server exports it); the index with two decimals. */
function toCsv(report: IndexReport, lang: MessageLanguage): string {
  const table = indexTable(report, lang);
  const rows = table.rows.map((row) => row.map((cell, column) => (cell === null ? '' : column === table.indexColumn ? Number(cell).toFixed(2) : String(cell))));
  return formatCsv([table.header, ...rows]).replace(/\r\n$/, '');
}
