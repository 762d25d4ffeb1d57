import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  confidenceSampleSize,
  createSeed,
  drawSample,
  filterFrameByDate,
  formatCsv,
  parseFrameCsv,
  SamplingError,
  verificationDraw,
  yamaneSampleSize,
  type FrameError,
  type FrameParseResult,
  type FrameRow,
  type SampleDraw,
} from '@sipas/index';
import { message, type LocalizedMessage, type MessageLanguage } from '@sipas/schema';
import { readDocuments } from './read-documents.js';
import { EXIT, type CommandOutput } from './output.js';

/**
 * The options of `sipas sample`, for the dispatcher's parseArgs. No defaults here (they are
 * applied below), so that they never collide with another command's options of the same name.
 */
export const SAMPLE_OPTIONS = {
  population: { type: 'string' },
  error: { type: 'string' },
  method: { type: 'string' },
  confidence: { type: 'string' },
  frame: { type: 'string' },
  size: { type: 'string' },
  by: { type: 'string' },
  allocation: { type: 'string' },
  minimum: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  seed: { type: 'string' },
  'out-dir': { type: 'string' },
  format: { type: 'string' },
  forms: { type: 'string' },
  share: { type: 'string' },
} as const;

type OptionValue = string | boolean | (string | boolean)[] | undefined;

export interface SampleCommandOptions {
  /** The words after `sample`, the subcommand first. */
  args: string[];
  /** Every option the dispatcher parsed; only SAMPLE_OPTIONS are read. */
  values: Readonly<Record<string, OptionValue>>;
  lang: MessageLanguage;
  json: boolean;
}

export const SAMPLE_USAGE = {
  vi: `Cách dùng: sipas sample <size|draw|verify> [tuỳ chọn]

  sample size --population N [--error 0.05] [--method yamane|confidence] [--confidence 0.95]
      Cỡ mẫu: Yamane n = N/(1 + N·e²) (mặc định) hoặc theo độ tin cậy, làm tròn lên.
  sample draw --frame khung.csv --size N [--by unit|field] [--allocation proportional|equal]
              [--minimum K] [--from NGÀY --to NGÀY] [--seed S] [--out-dir THƯ_MỤC] [--format csv|json]
      Rút mẫu chính thức và mẫu dự phòng cùng cỡ; in hạt giống (seed) để rút lại đúng mẫu đó.
      Ghi official.csv và reserve.csv vào --out-dir; --format json không có --out-dir thì in ra.
  sample verify --forms phieu.csv|phieu.jsonl --share 0.2 [--seed S] [--out-dir THƯ_MỤC]
      Rút danh sách phúc tra: tỉ lệ --share trong mỗi đơn vị, ít nhất 1 phiếu.

Khung mẫu chứa dữ liệu cá nhân: chỉ dùng để rút mẫu và xử lý theo quy định của cơ quan.`,
  en: `Usage: sipas sample <size|draw|verify> [options]

  sample size --population N [--error 0.05] [--method yamane|confidence] [--confidence 0.95]
      Sample size: Yamane n = N/(1 + N·e²) (default) or by confidence level, rounded up.
  sample draw --frame frame.csv --size N [--by unit|field] [--allocation proportional|equal]
              [--minimum K] [--from DATE --to DATE] [--seed S] [--out-dir DIR] [--format csv|json]
      Draws the official sample and an equal reserve; prints the seed that repeats the draw.
      Writes official.csv and reserve.csv into --out-dir; --format json without --out-dir prints them.
  sample verify --forms forms.csv|responses.jsonl --share 0.2 [--seed S] [--out-dir DIR]
      Draws the phúc tra (re-verification) list: the --share of every unit, at least 1 form.

The frame holds personal data: use it for the draw only and handle it under the agency's rules.`,
} as const;

/** A wrong or missing option: exit 2 with the message and the usage. */
class UsageProblem extends Error {
  readonly localized: LocalizedMessage;

  constructor(localized: LocalizedMessage) {
    super(localized.en);
    this.localized = localized;
  }
}

/** An input file that cannot be used at all: exit 2 with the message, without the usage. */
class UnusableInput extends Error {
  readonly localized: LocalizedMessage;

  constructor(localized: LocalizedMessage) {
    super(localized.en);
    this.localized = localized;
  }
}

/** `sipas sample`: sample sizes, the official + reserve draw and the phúc tra draw. */
export async function sampleCommand(options: SampleCommandOptions, output: CommandOutput): Promise<number> {
  const [subcommand] = options.args;
  try {
    if (subcommand === 'size') return sizeCommand(options, output);
    if (subcommand === 'draw') return await drawCommand(options, output);
    if (subcommand === 'verify') return await verifyCommand(options, output);
    throw new UsageProblem(subcommand ? message(`Lệnh con không tồn tại: ${subcommand}`, `Unknown subcommand: ${subcommand}`) : message('Thiếu lệnh con.', 'Missing subcommand.'));
  } catch (error) {
    if (error instanceof UsageProblem) {
      output.error(`${error.localized[options.lang]}\n\n${SAMPLE_USAGE[options.lang]}`);
      return EXIT.unreadable;
    }
    if (error instanceof UnusableInput || error instanceof SamplingError) {
      output.error(error.localized[options.lang]);
      return EXIT.unreadable;
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// sample size
// ---------------------------------------------------------------------------------------------

function sizeCommand(options: SampleCommandOptions, output: CommandOutput): number {
  const { lang } = options;
  const population = integerOption(options, 'population', { required: true });
  const marginOfError = fractionOption(options, 'error') ?? 0.05;
  const confidence = fractionOption(options, 'confidence') ?? 0.95;
  const method = choiceOption(options, 'method', ['yamane', 'confidence'] as const) ?? 'yamane';
  const yamane = yamaneSampleSize(population, marginOfError);
  const byConfidence = confidenceSampleSize(population, { marginOfError, confidence });
  const sampleSize = method === 'yamane' ? yamane : byConfidence;
  const crossCheck = method === 'yamane' ? { method: 'confidence', confidence, sampleSize: byConfidence } : { method: 'yamane', sampleSize: yamane };

  if (options.json) {
    output.log(JSON.stringify({ method, population, marginOfError, ...(method === 'confidence' ? { confidence } : {}), sampleSize, crossCheck }, null, 2));
    return EXIT.ok;
  }
  const percent = (fraction: number) => `${Number((fraction * 100).toFixed(4))} %`;
  const formula =
    method === 'yamane'
      ? message(`Công thức Yamane n = N/(1 + N·e²), N = ${population}, e = ${marginOfError}, làm tròn lên.`, `Yamane's formula n = N/(1 + N·e²), N = ${population}, e = ${marginOfError}, rounded up.`)
      : message(
          `Công thức độ tin cậy ${percent(confidence)}: n0 = z²·p(1−p)/e² với p = 0,5, hiệu chỉnh tổng thể hữu hạn N = ${population}, e = ${marginOfError}, làm tròn lên.`,
          `Confidence ${percent(confidence)}: n0 = z²·p(1−p)/e² with p = 0.5, finite-population correction for N = ${population}, e = ${marginOfError}, rounded up.`,
        );
  const check =
    method === 'yamane'
      ? message(`Đối chiếu: theo độ tin cậy ${percent(confidence)} cần ${byConfidence}.`, `Cross-check: a confidence of ${percent(confidence)} needs ${byConfidence}.`)
      : message(`Đối chiếu: công thức Yamane cho ${yamane}.`, `Cross-check: Yamane's formula gives ${yamane}.`);
  output.log(lang === 'vi' ? `Cỡ mẫu: ${sampleSize}` : `Sample size: ${sampleSize}`);
  output.log(formula[lang]);
  output.log(check[lang]);
  output.log(lang === 'vi' ? `Mẫu dự phòng cùng cỡ: rút thêm ${sampleSize}.` : `The reserve sample has the same size: draw ${sampleSize} more.`);
  return EXIT.ok;
}

// ---------------------------------------------------------------------------------------------
// sample draw
// ---------------------------------------------------------------------------------------------

/** A drawn row as written to JSON: where it was drawn and the frame's own cells. */
interface ListedRow {
  stratum: string;
  order: number;
  id: string;
  cells: Record<string, string>;
}

async function drawCommand(options: SampleCommandOptions, output: CommandOutput): Promise<number> {
  const { lang } = options;
  const frameFile = stringOption(options, 'frame');
  if (!frameFile) throw new UsageProblem(message('Thiếu --frame (tệp CSV khung mẫu).', 'Missing --frame (the CSV file of the frame).'));
  const size = integerOption(options, 'size', { required: true });
  const by = choiceOption(options, 'by', ['unit', 'field'] as const);
  const method = choiceOption(options, 'allocation', ['proportional', 'equal'] as const) ?? 'proportional';
  const minimum = integerOption(options, 'minimum') ?? 0;
  const from = stringOption(options, 'from');
  const to = stringOption(options, 'to');
  const format = choiceOption(options, 'format', ['csv', 'json'] as const) ?? 'csv';
  const outDir = stringOption(options, 'out-dir');
  const seed = stringOption(options, 'seed') ?? createSeed();

  const frame = parseFrameCsv(await readText(frameFile));
  if (!frame.usable) return reportFrameErrors(frameFile, frame.errors, lang, output, EXIT.unreadable);
  if (frame.errors.length > 0) {
    output.error(
      lang === 'vi'
        ? `${frameFile}: ${frame.errors.length} dòng không đọc được; sửa khung mẫu rồi rút lại (mọi người trong khung phải có cơ hội được chọn).`
        : `${frameFile}: ${frame.errors.length} rows could not be read; fix the frame and draw again (everyone in the frame must have a chance of being drawn).`,
    );
    return reportFrameErrors(frameFile, frame.errors, lang, output, EXIT.invalid);
  }
  if (by && !frame.fields[by]) throw new UnusableInput(missingColumn(frameFile, by));
  if ((from !== undefined || to !== undefined) && !frame.fields.receivedAt) throw new UnusableInput(missingColumn(frameFile, 'receivedAt'));
  const window = filterFrameByDate(frame.rows, { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) });

  const draw = drawSample(window.rows, { size, seed, ...(by ? { strata: (row: FrameRow) => row[by] ?? '' } : {}), allocation: { method, minimum } });
  const listed = (which: 'official' | 'reserve'): ListedRow[] =>
    draw.strata.flatMap((stratum) => stratum[which].map((row, index) => ({ stratum: stratum.key, order: index + 1, id: row.id, cells: row.cells })));

  const files: string[] = [];
  if (outDir !== undefined) {
    const lists = { official: listed('official'), reserve: listed('reserve') };
    const contents = (rows: ListedRow[]) => (format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : listCsv(rows, frame, by !== undefined, lang));
    for (const which of ['official', 'reserve'] as const) {
      files.push(await writeOutput(outDir, `${which}.${format}`, contents(lists[which])));
    }
  }

  const summary = {
    seed: draw.seed,
    frame: {
      file: frameFile,
      rows: frame.rows.length,
      duplicates: draw.duplicates,
      ...(from !== undefined || to !== undefined ? { window: { from: from ?? null, to: to ?? null }, outsideWindow: window.outside.length, undated: window.undated.length } : {}),
      drawnFrom: window.rows.length - draw.duplicates.reduce((sum, duplicate) => sum + duplicate.count - 1, 0),
    },
    by: by ?? null,
    allocation: { method, minimum, requested: draw.allocation.requested, total: draw.allocation.total },
    strata: draw.strata.map((stratum) => ({ key: stratum.key, population: stratum.population, official: stratum.official.length, reserve: stratum.reserve.length, shortfall: stratum.shortfall })),
    notices: draw.notices,
    files,
  };
  if (format === 'json' && outDir === undefined) {
    output.log(JSON.stringify({ ...summary, official: listed('official'), reserve: listed('reserve') }, null, 2));
    return EXIT.ok;
  }
  if (options.json) {
    output.log(JSON.stringify(summary, null, 2));
    return EXIT.ok;
  }
  printDraw(draw, summary.frame, by, window, files, lang, output);
  return EXIT.ok;
}

function printDraw(
  draw: SampleDraw<FrameRow>,
  frame: { rows: number; drawnFrom: number },
  by: 'unit' | 'field' | undefined,
  window: { outside: unknown[]; undated: unknown[] },
  files: string[],
  lang: MessageLanguage,
  output: CommandOutput,
): void {
  const vi = lang === 'vi';
  output.log(vi ? `Hạt giống (seed): ${draw.seed} — chạy lại với --seed ${draw.seed} để rút đúng mẫu này.` : `Seed: ${draw.seed} — run again with --seed ${draw.seed} to repeat this draw.`);
  const removedDuplicates = draw.duplicates.reduce((sum, duplicate) => sum + duplicate.count - 1, 0);
  const parts = [vi ? `${frame.rows} dòng` : `${frame.rows} rows`];
  if (window.outside.length) parts.push(vi ? `${window.outside.length} ngoài khoảng ngày` : `${window.outside.length} outside the dates`);
  if (window.undated.length) parts.push(vi ? `${window.undated.length} không có ngày` : `${window.undated.length} undated`);
  if (removedDuplicates) parts.push(vi ? `${removedDuplicates} dòng trùng mã` : `${removedDuplicates} repeated ids`);
  output.log(vi ? `Khung mẫu: ${parts.join(', ')} → rút từ ${frame.drawnFrom}.` : `Frame: ${parts.join(', ')} → drawing from ${frame.drawnFrom}.`);

  const blank = vi ? '(trống)' : '(blank)';
  const heading = [by === 'unit' ? (vi ? 'Đơn vị' : 'Unit') : by === 'field' ? (vi ? 'Lĩnh vực' : 'Field') : vi ? 'Tầng' : 'Stratum', vi ? 'Tổng thể' : 'Population', vi ? 'Chính thức' : 'Official', vi ? 'Dự phòng' : 'Reserve', vi ? 'Thiếu' : 'Short'];
  const sum = (pick: (stratum: SampleDraw<FrameRow>['strata'][number]) => number) => draw.strata.reduce((total, stratum) => total + pick(stratum), 0);
  const table = [
    heading,
    ...(by ? draw.strata.map((stratum) => [stratum.key || blank, String(stratum.population), String(stratum.official.length), String(stratum.reserve.length), String(stratum.shortfall)]) : []),
    [vi ? 'Cộng' : 'Total', String(sum((s) => s.population)), String(sum((s) => s.official.length)), String(sum((s) => s.reserve.length)), String(sum((s) => s.shortfall))],
  ];
  const widths = heading.map((_, column) => Math.max(...table.map((row) => (row[column] as string).length)));
  for (const row of table) output.log(`  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] as number) : cell.padStart(widths[column] as number))).join('  ')}`);
  for (const item of draw.notices) output.log(`${vi ? 'Lưu ý' : 'Note'}: ${item.message[lang]}`);
  if (files.length > 0) {
    output.log(`${vi ? 'Đã ghi' : 'Written'}: ${files.join(', ')}`);
    output.log(vi ? 'Danh sách chứa dữ liệu cá nhân: chỉ dùng cho khảo sát và xử lý theo quy định của cơ quan.' : 'The lists hold personal data: use them for the survey only and handle them under the agency’s rules.');
  } else {
    output.log(vi ? 'Chưa ghi danh sách nào: thêm --out-dir THƯ_MỤC để ghi official.csv và reserve.csv.' : 'No list written: add --out-dir DIR to write official.csv and reserve.csv.');
  }
}

/** The drawn rows with the draw order and stratum first, then the frame's own columns. */
function listCsv(rows: ListedRow[], frame: FrameParseResult, withStratum: boolean, lang: MessageLanguage): string {
  const header = [lang === 'vi' ? 'Thứ tự rút' : 'Draw order', ...(withStratum ? [lang === 'vi' ? 'Tầng mẫu' : 'Stratum'] : []), ...frame.columns];
  const records = rows.map((row) => [String(row.order), ...(withStratum ? [row.stratum] : []), ...frame.columns.map((column) => row.cells[column] ?? '')]);
  return formatCsv([header, ...records], { byteOrderMark: true });
}

function missingColumn(file: string, field: 'unit' | 'field' | 'receivedAt'): LocalizedMessage {
  const names = { unit: { vi: 'đơn vị', en: 'unit' }, field: { vi: 'lĩnh vực', en: 'field' }, receivedAt: { vi: 'ngày nhận kết quả', en: 'date of receipt' } }[field];
  return message(`${file}: khung mẫu không có cột ${names.vi} (xem README của @sipas/index về tên cột).`, `${file}: the frame has no ${names.en} column (see the README of @sipas/index for column names).`);
}

// ---------------------------------------------------------------------------------------------
// sample verify
// ---------------------------------------------------------------------------------------------

interface VerificationItem {
  id: string;
  unit?: string;
  serial?: string;
  cells?: Record<string, string>;
}

async function verifyCommand(options: SampleCommandOptions, output: CommandOutput): Promise<number> {
  const { lang } = options;
  const formsFile = stringOption(options, 'forms');
  if (!formsFile) throw new UsageProblem(message('Thiếu --forms (tệp CSV phiếu hoặc JSONL phiếu trả lời).', 'Missing --forms (a CSV of forms or a JSONL of responses).'));
  const share = fractionOption(options, 'share');
  if (share === undefined) throw new UsageProblem(message('Thiếu --share (tỉ lệ phúc tra, ví dụ 0.2).', 'Missing --share (the share to re-verify, such as 0.2).'));
  const seed = stringOption(options, 'seed') ?? createSeed();
  const outDir = stringOption(options, 'out-dir');

  const isJson = /\.(jsonl|ndjson|json)$/i.test(formsFile);
  let items: VerificationItem[];
  let columns: string[] = [];
  if (isJson) {
    const read = await readResponses(formsFile);
    if (read.unreadable) throw new UnusableInput(read.unreadable);
    // Lines that are not JSON make the input unusable (as for `sipas validate`); responses without an id are invalid.
    if (read.unreadableLines.length > 0) return reportFrameErrors(formsFile, [...read.unreadableLines, ...read.errors].sort((a, b) => a.line - b.line), lang, output, EXIT.unreadable);
    if (read.errors.length > 0) return reportFrameErrors(formsFile, read.errors, lang, output, EXIT.invalid);
    items = read.items;
  } else {
    const forms = parseFrameCsv(await readText(formsFile));
    if (!forms.usable) return reportFrameErrors(formsFile, forms.errors, lang, output, EXIT.unreadable);
    if (forms.errors.length > 0) return reportFrameErrors(formsFile, forms.errors, lang, output, EXIT.invalid);
    items = forms.rows.map((row) => ({ id: row.id, ...(row.unit === undefined ? {} : { unit: row.unit }), cells: row.cells }));
    columns = forms.columns;
  }

  const draw = verificationDraw(items, { share, seed });
  const files: string[] = [];
  if (outDir !== undefined) {
    const vi = lang === 'vi';
    const header = isJson ? ['id', vi ? 'Đơn vị' : 'Unit', vi ? 'Số phiếu' : 'Serial'] : columns;
    const records = draw.units.flatMap((unit) =>
      unit.selected.map((item, index) => [String(index + 1), ...(isJson ? [item.id, item.unit ?? '', item.serial ?? ''] : columns.map((column) => item.cells?.[column] ?? ''))]),
    );
    files.push(await writeOutput(outDir, 'verification.csv', formatCsv([[vi ? 'Thứ tự rút' : 'Draw order', ...header], ...records], { byteOrderMark: true })));
  }
  const totalForms = draw.units.reduce((sum, unit) => sum + unit.forms, 0);
  if (options.json) {
    output.log(
      JSON.stringify(
        { seed: draw.seed, share, forms: totalForms, selected: draw.selected.length, units: draw.units.map((unit) => ({ unit: unit.unit, forms: unit.forms, selected: unit.selected.map((item) => item.id) })), duplicates: draw.duplicates, notices: draw.notices, files },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  const vi = lang === 'vi';
  output.log(vi ? `Hạt giống (seed): ${draw.seed} — chạy lại với --seed ${draw.seed} để rút đúng danh sách này.` : `Seed: ${draw.seed} — run again with --seed ${draw.seed} to repeat this list.`);
  for (const unit of draw.units) {
    const name = unit.unit || (vi ? '(không có đơn vị)' : '(no unit)');
    output.log(vi ? `${name}: ${unit.forms} phiếu → phúc tra ${unit.selected.length}: ${unit.selected.map((item) => item.id).join(', ')}` : `${name}: ${unit.forms} forms → verify ${unit.selected.length}: ${unit.selected.map((item) => item.id).join(', ')}`);
  }
  const achieved = totalForms === 0 ? 0 : (draw.selected.length / totalForms) * 100;
  output.log(vi ? `Cộng: ${draw.selected.length}/${totalForms} phiếu (${achieved.toFixed(2).replace('.', ',')} %).` : `Total: ${draw.selected.length}/${totalForms} forms (${achieved.toFixed(2)} %).`);
  for (const item of draw.notices) output.log(`${vi ? 'Lưu ý' : 'Note'}: ${item.message[lang]}`);
  if (files.length > 0) output.log(`${vi ? 'Đã ghi' : 'Written'}: ${files.join(', ')}`);
  return EXIT.ok;
}

/** Responses (JSON or JSONL): the response id, unit and paper serial of each. */
async function readResponses(file: string): Promise<{ items: VerificationItem[]; errors: FrameError[]; unreadableLines: FrameError[]; unreadable?: LocalizedMessage }> {
  const documents = await readDocuments(file);
  const first = documents[0];
  if (documents.length === 1 && first && !first.ok && first.source === file) {
    return { items: [], errors: [], unreadableLines: [], unreadable: message(`${file}: ${first.problem.vi}`, `${file}: ${first.problem.en}`) };
  }
  const items: VerificationItem[] = [];
  const errors: FrameError[] = [];
  const unreadableLines: FrameError[] = [];
  for (const read of documents) {
    const line = Number(/:(\d+)$/.exec(read.source)?.[1] ?? 1);
    if (!read.ok) {
      unreadableLines.push({ line, message: read.problem });
      continue;
    }
    const responses = Array.isArray(read.document) ? read.document : [read.document];
    responses.forEach((response: unknown, index) => {
      const record = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
      const id = typeof record['responseId'] === 'string' ? record['responseId'] : typeof record['id'] === 'string' ? record['id'] : '';
      if (id.trim() === '') {
        const where = Array.isArray(read.document) ? message(` (phần tử ${index})`, ` (item ${index})`) : message('', '');
        errors.push({ line, message: message(`Phiếu không có responseId${where.vi}.`, `The response has no responseId${where.en}.`) });
        return;
      }
      const paper = typeof record['paper'] === 'object' && record['paper'] !== null ? (record['paper'] as Record<string, unknown>) : {};
      items.push({
        id,
        ...(typeof record['unit'] === 'string' ? { unit: record['unit'] } : {}),
        ...(typeof paper['serial'] === 'string' ? { serial: paper['serial'] } : {}),
      });
    });
  }
  return { items, errors, unreadableLines };
}

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

function reportFrameErrors(file: string, errors: FrameError[], lang: MessageLanguage, output: CommandOutput, code: number): number {
  for (const error of errors) output.error(`${file}:${error.line}: ${error.message[lang]}`);
  return code;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UnusableInput(missing ? message(`${file}: không tìm thấy tệp`, `${file}: file not found`) : message(`${file}: không đọc được tệp`, `${file}: cannot read the file`));
  }
}

async function writeOutput(directory: string, name: string, contents: string): Promise<string> {
  const path = join(directory, name);
  try {
    await mkdir(directory, { recursive: true });
    await writeFile(path, contents, 'utf8');
  } catch (error) {
    const detail = (error as Error).message;
    throw new UnusableInput(message(`Không ghi được ${path} (${detail})`, `Cannot write ${path} (${detail})`));
  }
  return path;
}

function stringOption(options: SampleCommandOptions, name: keyof typeof SAMPLE_OPTIONS): string | undefined {
  const value = options.values[name];
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof last === 'string' ? last : undefined;
}

function integerOption(options: SampleCommandOptions, name: keyof typeof SAMPLE_OPTIONS, settings: { required: true }): number;
function integerOption(options: SampleCommandOptions, name: keyof typeof SAMPLE_OPTIONS, settings?: { required?: boolean }): number | undefined;
function integerOption(options: SampleCommandOptions, name: keyof typeof SAMPLE_OPTIONS, settings: { required?: boolean } = {}): number | undefined {
  const text = stringOption(options, name);
  if (text === undefined) {
    if (settings.required) throw new UsageProblem(message(`Thiếu --${name}.`, `Missing --${name}.`));
    return undefined;
  }
  if (!/^\d+$/.test(text.trim())) throw new UsageProblem(message(`--${name}: cần một số nguyên, không phải "${text}".`, `--${name}: expected a whole number, not "${text}".`));
  return Number(text.trim());
}

/** A fraction written `0.05`, `0,05` or `5%`. */
function fractionOption(options: SampleCommandOptions, name: keyof typeof SAMPLE_OPTIONS): number | undefined {
  const text = stringOption(options, name);
  if (text === undefined) return undefined;
  const match = /^(\d*[.,]?\d+)\s*(%?)$/.exec(text.trim());
  if (!match) throw new UsageProblem(message(`--${name}: cần một tỉ lệ như 0.05 hoặc 5%, không phải "${text}".`, `--${name}: expected a fraction such as 0.05 or 5%, not "${text}".`));
  const value = Number((match[1] as string).replace(',', '.'));
  return match[2] ? value / 100 : value;
}

function choiceOption<Choice extends string>(options: SampleCommandOptions, name: keyof typeof SAMPLE_OPTIONS, choices: readonly Choice[]): Choice | undefined {
  const text = stringOption(options, name);
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text)) throw new UsageProblem(message(`--${name}: ${choices.join(' | ')}, không phải "${text}".`, `--${name}: ${choices.join(' | ')}, not "${text}".`));
  return text as Choice;
}
