/**
 * Every text of a questionnaire as a flat table (one row per LocalizedString), for the
 * translations view and for translators who work in a spreadsheet: rows edit one locale of one
 * text, and a CSV of `pointer,vi,en` goes out and comes back.
 *
 * The functions never mutate their argument and tolerate half-valid documents (the JSON view may
 * apply one), since the designer edits documents step by step.
 *
 * Storage rule: a text with only Vietnamese is stored as a plain string (the format's short form);
 * adding another locale turns it into `{ vi, en }`, and removing the last other locale turns it
 * back into a plain string. Vietnamese can never be emptied.
 */
import { isBuiltInType, message, type LocalizedMessage, type LocalizedString, type Questionnaire } from '@sipas/schema';
import { fromPointer, getIn, setIn, toPointer, type PathKey } from './immutable.js';
import { selectionAt } from './locate.js';
import type { Selection } from './edit.js';
import { isRecord, LOCALE_CODE, QUESTION_TEXT_KEYS } from './values.js';

export interface TextRow {
  /** Where the text sits, e.g. ['pages', 0, 'sections', 1, 'questions', 2, 'title']. */
  path: PathKey[];
  /** The same place as a JSON pointer (the row's key and the CSV's first column). */
  pointer: string;
  /** The page, section or question the text belongs to (the questionnaire for scales, lists, index). */
  owner: Selection;
  /** What remains of the path inside the owner, e.g. ['rows', 2, 'text']. */
  field: PathKey[];
  /** The text in each locale it is written in; `vi` is always there. */
  texts: Record<string, string>;
}

/** Raised by `setText` for a change the format does not allow; the message is for people. */
export class TextEditError extends Error {
  readonly localized: LocalizedMessage;
  constructor(localized: LocalizedMessage) {
    super(localized.en);
    this.name = 'TextEditError';
    this.localized = localized;
  }
}


type JsonObject = Record<string, unknown>;


const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** True for a plain string or an object of strings with a Vietnamese string. */
export function isLocalizedString(value: unknown): value is LocalizedString {
  if (typeof value === 'string') return true;
  return isRecord(value) && typeof value.vi === 'string' && Object.values(value).every((text) => typeof text === 'string');
}

/** The locales of a text as a record (a plain string is Vietnamese). */
export const textsOf = (value: LocalizedString): Record<string, string> => (typeof value === 'string' ? { vi: value } : { ...value });

/** The storage form of a set of texts: a plain string when only Vietnamese is left. */
function toLocalizedString(texts: Record<string, string>): LocalizedString {
  const { vi = '', ...others } = texts;
  return Object.keys(others).length === 0 ? vi : { vi, ...others };
}

/** Keys of a question whose values are texts, in the order the table shows them. */

/** Properties every question shares; for a custom type, any other {vi: …} property is a text too. */
const KNOWN_QUESTION_KEYS = new Set<string>([...QUESTION_TEXT_KEYS, 'name', 'type', 'code', 'visibleIf', 'enableIf', 'requiredIf', 'required', 'validators']);


class TextCollector {
  readonly rows: TextRow[] = [];

  constructor(private readonly questionnaire: Questionnaire) {}

  /** Adds the value at `path` when it is a text. */
  text(path: PathKey[]): void {
    const value = getIn(this.questionnaire, path);
    if (!isLocalizedString(value)) return;
    const pointer = toPointer(path);
    const { selection, rest } = selectionAt(this.questionnaire, pointer);
    this.rows.push({ path, pointer, owner: selection, field: rest, texts: textsOf(value) });
  }

  texts(base: PathKey[], keys: readonly string[]): void {
    for (const key of keys) this.text([...base, key]);
  }

  /** `items[i].<key>` for every item of the array at `base`. */
  eachItem(base: PathKey[], key: string): void {
    asArray(getIn(this.questionnaire, base)).forEach((_, index) => this.text([...base, index, key]));
  }

  scale(base: PathKey[]): void {
    if (!isRecord(getIn(this.questionnaire, base))) return;
    this.text([...base, 'title']);
    this.eachItem([...base, 'levels'], 'text');
  }

  hierarchy(base: PathKey[]): void {
    if (!isRecord(getIn(this.questionnaire, base))) return;
    this.eachItem([...base, 'levels'], 'label');
    const items = (path: PathKey[]): void =>
      asArray(getIn(this.questionnaire, path)).forEach((_, index) => {
        this.text([...path, index, 'label']);
        items([...path, index, 'children']);
      });
    items([...base, 'items']);
  }

  indexNode(path: PathKey[]): void {
    if (!isRecord(getIn(this.questionnaire, path))) return;
    this.text([...path, 'label']);
    asArray(getIn(this.questionnaire, [...path, 'children'])).forEach((_, index) => this.indexNode([...path, 'children', index]));
  }

  question(path: PathKey[], question: JsonObject): void {
    this.texts(path, QUESTION_TEXT_KEYS);
    this.eachItem([...path, 'choices'], 'text');
    if (question.type === 'likert') this.eachItem([...path, 'rows'], 'text');
    for (const option of ['other', 'none', 'noOpinion']) this.text([...path, option, 'text']);
    if (isRecord(question.scale)) this.scale([...path, 'scale']);
    this.eachItem([...path, 'validators'], 'message');
    if (typeof question.type === 'string' && !isBuiltInType(question.type)) {
      for (const [key, value] of Object.entries(question)) {
        if (!KNOWN_QUESTION_KEYS.has(key) && isRecord(value) && isLocalizedString(value)) this.text([...path, key]);
      }
    }
  }

  collect(): TextRow[] {
    const q = this.questionnaire as unknown as JsonObject;
    this.texts([], ['title', 'description']);
    this.texts(['metadata'], ['source', 'notes']);
    this.text(['sipas', 'survey', 'agency']);
    this.text(['sipas', 'survey', 'period', 'label']);
    if (isRecord(q.scales)) for (const name of Object.keys(q.scales)) this.scale(['scales', name]);
    asArray(q.pages).forEach((page, p) => {
      if (!isRecord(page)) return;
      this.texts(['pages', p], ['title', 'description']);
      asArray(page.sections).forEach((section, s) => {
        if (!isRecord(section)) return;
        this.texts(['pages', p, 'sections', s], ['title', 'description']);
        asArray(section.questions).forEach((question, n) => {
          if (isRecord(question)) this.question(['pages', p, 'sections', s, 'questions', n], question);
        });
      });
    });
    this.hierarchy(['sipas', 'units']);
    this.hierarchy(['sipas', 'serviceFields']);
    this.indexNode(['sipas', 'index', 'root']);
    return this.rows;
  }
}

const collected = new WeakMap<object, TextRow[]>();

/**
 * Every text of the document, in reading order: the questionnaire's own, scales, then pages with
 * their sections and questions, then the unit and field lists and the index model. Cached by the
 * document's identity (edits replace the document, so a cached table never goes stale).
 */
export function collectTexts(questionnaire: Questionnaire): TextRow[] {
  if (!isRecord(questionnaire)) return [];
  let rows = collected.get(questionnaire);
  if (!rows) {
    rows = new TextCollector(questionnaire).collect();
    collected.set(questionnaire, rows);
  }
  return rows;
}

/** The locales of `locales` a row has no (non-blank) text for. */
export const missing = (row: Pick<TextRow, 'texts'>, locales: readonly string[]): string[] =>
  locales.filter((locale) => (row.texts[locale] ?? '').trim() === '');

/** The locales a questionnaire is translated into: its `locales`, Vietnamese first, else vi and en. */
export function documentLocales(questionnaire: Questionnaire): string[] {
  const declared = Array.isArray(questionnaire.locales) ? questionnaire.locales.filter((l) => typeof l === 'string' && LOCALE_CODE.test(l)) : ['en'];
  return [...new Set(['vi', ...declared])];
}

const EMPTY_VIETNAMESE = message('Nội dung tiếng Việt không được để trống', 'The Vietnamese text cannot be empty');

/** Rows by pointer, to tell a text's place from any other string of the document. */
const rowsByPointer = new WeakMap<TextRow[], Map<string, TextRow>>();

/** The row of the text at a JSON pointer, if a text is there. */
export function textAt(questionnaire: Questionnaire, pointer: string): TextRow | undefined {
  const rows = collectTexts(questionnaire);
  let index = rowsByPointer.get(rows);
  if (!index) rowsByPointer.set(rows, (index = new Map(rows.map((row) => [row.pointer, row]))));
  return index.get(pointer);
}

/**
 * A copy of the questionnaire with one locale of the text at `path` set to `text`; an empty text
 * removes that locale. Throws TextEditError for an empty Vietnamese text, a path that holds no
 * text (an id, a code, an expression are strings too, but not texts) or a bad locale code.
 * Returns the same document when nothing changes.
 */
export function setText(questionnaire: Questionnaire, path: readonly PathKey[], locale: string, text: string): Questionnaire {
  if (!LOCALE_CODE.test(locale)) throw new TextEditError(message(`Mã ngôn ngữ không hợp lệ: "${locale}"`, `Not a locale code: "${locale}"`));
  const row = textAt(questionnaire, toPointer(path));
  if (!row) throw new TextEditError(message(`Không có nội dung văn bản tại ${toPointer(path)}`, `There is no text at ${toPointer(path)}`));
  if (locale === 'vi' && text.trim() === '') throw new TextEditError(EMPTY_VIETNAMESE);
  return writeText(questionnaire, row.path, row.texts, locale, text);
}

/** setText once the place and the text are known to be right. */
function writeText(questionnaire: Questionnaire, path: readonly PathKey[], current: Record<string, string>, locale: string, text: string): Questionnaire {
  const texts = { ...current };
  const unchanged = text === '' ? !Object.hasOwn(texts, locale) : texts[locale] === text;
  if (unchanged) return questionnaire;
  if (text === '') delete texts[locale];
  else texts[locale] = text;
  return setIn(questionnaire, path, toLocalizedString(texts));
}

// ---------------------------------------------------------------------------------------------
// CSV
//
// The server's export (packages/server/src/reports/csv-text.ts) writes the same kind of file:
// UTF-8 with a byte-order mark, CRLF, RFC 4180 quoting and formula cells neutralised by a leading
// apostrophe. The designer may import only @sipas/form, core and schema, so the rule is written
// once more here, with one addition: the import removes the apostrophe again, so a text that
// starts with "-" or "=" survives the round trip (an apostrophe the text itself begins with before
// such a character is kept by adding one more on the way out).

export const CSV_BYTE_ORDER_MARK = '\uFEFF';

/** Cells starting with these run as formulas in Excel, LibreOffice and Google Sheets. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** A text cell made inert for spreadsheets by a leading apostrophe. */
export const neutralizeCell = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** The text of a cell written by `neutralizeCell`. */
export const restoreCell = (cell: string): string => (NEUTRALISED.test(cell) ? cell.slice(1) : cell);

const quoteCell = (cell: string): string => (/[",;\t\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

const csvLine = (cells: readonly string[]): string => `${cells.map(quoteCell).join(',')}\r\n`;

/** The texts as CSV: `pointer` then one column per locale, Vietnamese first. */
export function toCsv(questionnaire: Questionnaire, locales: readonly string[] = documentLocales(questionnaire)): string {
  const columns = [...new Set(['vi', ...locales])];
  const lines = collectTexts(questionnaire).map((row) => csvLine([row.pointer, ...columns.map((l) => neutralizeCell(row.texts[l] ?? ''))]));
  return CSV_BYTE_ORDER_MARK + csvLine(['pointer', ...columns]) + lines.join('');
}

interface CsvRecord {
  /** The line the record starts on, 1 for the first. */
  line: number;
  cells: string[];
  problem?: LocalizedMessage;
}

/** The delimiter of the header line: Excel writes ";" where the decimal separator is a comma. */
function delimiterOf(text: string): string {
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  return [',', ';', '\t'].find((delimiter) => firstLine.includes(delimiter)) ?? ',';
}

/** RFC 4180 records; a quoting mistake marks its record and the reading goes on. */
function parseCsvRecords(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  let record: CsvRecord = { line, cells: [] };
  let cell = '';
  let quoted = false;
  let afterQuote = false;
  const fail = (problem: LocalizedMessage) => {
    record.problem ??= problem;
  };
  const endCell = () => {
    record.cells.push(cell);
    cell = '';
    afterQuote = false;
  };
  const endRecord = () => {
    endCell();
    records.push(record);
    record = { line, cells: [] };
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line += 1;
        cell += char;
      }
    } else if (char === delimiter) {
      endCell();
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      line += 1;
      endRecord();
    } else if (char === '"' && cell === '' && !afterQuote) {
      quoted = true;
    } else if (afterQuote) {
      fail(message('Có ký tự sau dấu ngoặc kép đóng ô', 'Characters follow the closing quote of a cell'));
      cell += char;
    } else {
      if (char === '"') fail(message('Dấu ngoặc kép nằm giữa ô không được bao trong ngoặc kép', 'A quote inside a cell that is not quoted'));
      cell += char;
    }
  }
  if (quoted) fail(message('Thiếu dấu ngoặc kép đóng ô; phần còn lại của tệp bị bỏ qua', 'A quoted cell is never closed; the rest of the file is ignored'));
  if (quoted || cell !== '' || record.cells.length > 0) endRecord();
  // A blank line (a trailing newline, a spacer row) is not a record.
  return records.filter((r) => r.problem || r.cells.length > 1 || r.cells[0] !== '');
}

export interface CsvImportError {
  /** The line of the CSV file the problem is on (the first line of a record spanning several). */
  line: number;
  message: LocalizedMessage;
}

export interface CsvImportResult {
  /** The document with every accepted row applied (the argument itself when nothing changed). */
  questionnaire: Questionnaire;
  /** Rows accepted. */
  applied: number;
  /** Texts whose value changed. */
  changed: number;
  errors: CsvImportError[];
}

/** Reads the header; undefined with the reason when it is not `pointer` followed by locale codes. */
function readHeader(record: CsvRecord | undefined): { locales: string[] } | { error: CsvImportError } {
  const headerHelp = message('Dòng đầu phải là tiêu đề "pointer,vi,en"', 'The first line must be the header "pointer,vi,en"');
  if (!record) return { error: { line: 1, message: message('Tệp CSV trống', 'The CSV file is empty') } };
  const fail = (why: LocalizedMessage) => ({ error: { line: record.line, message: message(`${why.vi}. ${headerHelp.vi}`, `${why.en}. ${headerHelp.en}`) } });
  if (record.problem) return fail(record.problem);
  const [first, ...locales] = record.cells.map((cell) => cell.trim());
  if (first?.toLowerCase() !== 'pointer') return fail(message('Thiếu dòng tiêu đề', 'The header line is missing'));
  if (locales.length === 0) return fail(message('Không có cột ngôn ngữ nào', 'There is no locale column'));
  const bad = locales.find((locale) => !LOCALE_CODE.test(locale));
  if (bad !== undefined) return fail(message(`Cột "${bad}" không phải mã ngôn ngữ`, `Column "${bad}" is not a locale code`));
  if (new Set(locales).size !== locales.length) return fail(message('Có cột ngôn ngữ bị lặp', 'A locale column is repeated'));
  return { locales };
}

/**
 * Applies a CSV of translations (as `toCsv` writes it, possibly edited in a spreadsheet). Each
 * row is applied or refused as a whole; refused rows are listed with their line. A wrong header
 * applies nothing. An empty cell of a locale other than Vietnamese removes that translation.
 */
export function fromCsv(questionnaire: Questionnaire, csv: string): CsvImportResult {
  const text = csv.startsWith(CSV_BYTE_ORDER_MARK) ? csv.slice(1) : csv;
  const [headerRecord, ...records] = parseCsvRecords(text, delimiterOf(text));
  const header = readHeader(headerRecord);
  if ('error' in header) return { questionnaire, applied: 0, changed: 0, errors: [header.error] };

  const rows = new Map(collectTexts(questionnaire).map((row) => [row.pointer, row]));
  const seen = new Map<string, number>();
  const errors: CsvImportError[] = [];
  let result = questionnaire;
  let applied = 0;
  let changed = 0;
  for (const record of records) {
    const fail = (vi: string, en: string) => errors.push({ line: record.line, message: message(vi, en) });
    if (record.problem) {
      errors.push({ line: record.line, message: record.problem });
      continue;
    }
    if (record.cells.length !== header.locales.length + 1) {
      fail(`Dòng có ${record.cells.length} ô, cần ${header.locales.length + 1}`, `The line has ${record.cells.length} cells, ${header.locales.length + 1} expected`);
      continue;
    }
    const [pointerCell = '', ...cells] = record.cells;
    const pointer = pointerCell.trim();
    const row = rows.get(pointer);
    if (!row) {
      const exists = pointer.startsWith('/') && getIn(questionnaire, fromPointer(pointer)) !== undefined;
      if (exists) fail(`"${pointer}" không phải một nội dung văn bản`, `"${pointer}" is not a text`);
      else fail(`Không tìm thấy "${pointer}" trong bảng hỏi`, `"${pointer}" is not in the questionnaire`);
      continue;
    }
    const firstLine = seen.get(pointer);
    if (firstLine !== undefined) {
      fail(`"${pointer}" đã có ở dòng ${firstLine}`, `"${pointer}" already appears on line ${firstLine}`);
      continue;
    }
    seen.set(pointer, record.line);
    const values = header.locales.map((locale, index) => [locale, restoreCell(cells[index] ?? '')] as const);
    if (values.some(([locale, value]) => locale === 'vi' && value.trim() === '')) {
      fail(`Nội dung tiếng Việt của "${pointer}" bị để trống`, `The Vietnamese text of "${pointer}" is empty`);
      continue;
    }
    // Each row is a different text, so writing into the growing result cannot clash.
    let texts = row.texts;
    for (const [locale, value] of values) {
      if ((texts[locale] ?? '') === value) continue;
      result = writeText(result, row.path, texts, locale, value);
      texts = textsOf(getIn(result, row.path) as LocalizedString);
      changed += 1;
    }
    applied += 1;
  }
  return { questionnaire: result, applied, changed, errors };
}
