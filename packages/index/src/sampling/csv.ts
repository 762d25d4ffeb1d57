/**
 * CSV as spreadsheets write it (RFC 4180 plus what Excel and LibreOffice do in Vietnam):
 * - fields separated by a comma, or by the semicolon or tab the header line uses instead (Excel
 *   writes ";" when Windows' list separator is ";", as in the Vietnamese regional settings);
 * - fields in double quotes may hold separators, line breaks and doubled quotes ("");
 * - lines end with CRLF, LF or CR; a UTF-8 byte-order mark at the start is dropped.
 * Quotes are lenient where nothing is lost (a quote in the middle of an unquoted field is kept as
 * text) and strict where data would be misread (text after a closing quote, a quote never closed).
 */
import { message, type LocalizedMessage } from '@sipas/schema';

export type CsvDelimiter = ',' | ';' | '\t';

/** One record of a CSV text: its cells and the line it starts on (1-based; a quoted cell may span lines). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A record that could not be read, at the line where it starts. */
export interface CsvProblem {
  line: number;
  message: LocalizedMessage;
}

export interface CsvParseResult {
  delimiter: CsvDelimiter;
  /** The records that were read; blank lines are skipped, records with a problem are left out. */
  records: CsvRecord[];
  errors: CsvProblem[];
}

/** Reads a CSV text; `delimiter` is detected from the first line when not given. */
export function parseCsv(text: string, delimiter: CsvDelimiter = detectDelimiter(text)): CsvParseResult {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const errors: CsvProblem[] = [];

  let line = 1;
  let recordLine = 1;
  let cells: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoted = false; // the current field started with a quote
  let closed = false; // the current field's closing quote has been read
  let problem: LocalizedMessage | undefined;

  const endField = (): void => {
    cells.push(field);
    field = '';
    quoted = false;
    closed = false;
  };
  const endRecord = (): void => {
    const blankLine = cells.length === 0 && field === '' && !quoted;
    endField();
    if (problem) errors.push({ line: recordLine, message: problem });
    else if (!blankLine) records.push({ line: recordLine, cells });
    cells = [];
    problem = undefined;
  };

  for (let index = 0; index < input.length; index += 1) {
    const character = input[index] as string;
    if (inQuotes) {
      if (character === '"') {
        if (input[index + 1] === '"') {
          field += '"';
          index += 1;
        } else {
          inQuotes = false;
          closed = true;
        }
      } else {
        if (character === '\n' || (character === '\r' && input[index + 1] !== '\n')) line += 1;
        field += character;
      }
      continue;
    }
    if (character === delimiter) {
      endField();
    } else if (character === '\r' || character === '\n') {
      if (character === '\r' && input[index + 1] === '\n') index += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else if (character === '"' && field === '' && !quoted) {
      inQuotes = true;
      quoted = true;
    } else {
      if (closed && !problem) {
        problem = message(
          `Có ký tự sau dấu ngoặc kép đóng của một ô (ô có dấu ngoặc kép phải kết thúc ngay bằng "${printable(delimiter)}" hoặc xuống dòng).`,
          `Text follows the closing quote of a cell (a quoted cell must end right before "${printable(delimiter)}" or the end of the line).`,
        );
      }
      field += character;
    }
  }
  if (inQuotes) {
    problem = message(`Dấu ngoặc kép mở ở dòng ${recordLine} không bao giờ được đóng.`, `A quote opened on line ${recordLine} is never closed.`);
  }
  if (field !== '' || cells.length > 0 || quoted || problem) endRecord();
  return { delimiter, records, errors };
}

/**
 * The delimiter of a CSV text: whichever of comma, semicolon and tab occurs most often outside
 * quotes in its first line; comma when none does.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (const character of text.startsWith('\uFEFF') ? text.slice(1) : text) {
    if (character === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (character === '\n' || character === '\r')) break;
    else if (!inQuotes && (character === ',' || character === ';' || character === '\t')) counts[character] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

export interface CsvFormatOptions {
  delimiter?: CsvDelimiter;
  /** Start with a UTF-8 byte-order mark, which Excel needs to read Vietnamese text correctly. Default false. */
  byteOrderMark?: boolean;
}

/**
 * Writes records as CSV with CRLF line ends; a cell is quoted when it holds the delimiter, a quote,
 * a line break, or leading or trailing spaces. `parseCsv` reads the result back unchanged.
 */
export function formatCsv(records: readonly (readonly string[])[], options: CsvFormatOptions = {}): string {
  const { delimiter = ',', byteOrderMark = false } = options;
  const cell = (value: string): string =>
    value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
  const lines = records.map((record) => (record.length === 1 && record[0] === '' ? '""' : record.map(cell).join(delimiter)));
  return `${byteOrderMark ? '\uFEFF' : ''}${lines.map((text) => `${text}\r\n`).join('')}`;
}

function printable(delimiter: CsvDelimiter): string {
  return delimiter === '\t' ? '\\t' : delimiter;
}
