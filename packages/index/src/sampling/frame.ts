/**
 * The sampling frame: the list of people and organisations who received the results of an
 * administrative procedure in a period (SIPAS-DOMAIN §5.2), as exported by a one-stop-shop system
 * or typed into a spreadsheet.
 *
 * Privacy: a frame holds personal data (names, sometimes addresses or phone numbers). It is used
 * for the draw only; these functions keep nothing, and the frame and the lists drawn from it must
 * be handled under the agency's rules on personal data.
 */
import { isIsoDate, message, type LocalizedMessage } from '@sipas/schema';
import { parseCsv, type CsvDelimiter } from './csv.js';
import { samplingError } from './errors.js';

/** The columns the sampling helpers understand; every other column is kept as it is. */
export type FrameField = 'id' | 'name' | 'unit' | 'field' | 'receivedAt';

/** One person or organisation of the frame. */
export interface FrameRow {
  /** What identifies the row: a case (hồ sơ) number, a form serial… Required and unique per person. */
  id: string;
  name?: string;
  /** The unit that returned the result (department, district, commune…). */
  unit?: string;
  /** The service field (lĩnh vực) of the procedure. */
  field?: string;
  /** The day the result was received, `YYYY-MM-DD`. */
  receivedAt?: string;
  /** Every cell of the row under the frame's own header, so that drawn lists repeat the frame's columns. */
  cells: Record<string, string>;
  /** The line of the CSV the row starts on. */
  line?: number;
}

/**
 * The header names recognised for each field, in Vietnamese and English. Headers are compared
 * after dropping diacritics, case, spaces and punctuation, so "Họ và tên", "HO VA TEN" and
 * "ho_va_ten" are the same header, and "receivedAt" matches "Received at".
 */
export const FRAME_HEADERS = {
  id: ['id', 'mã', 'mã hồ sơ', 'số hồ sơ', 'mã số', 'số biên nhận', 'mã biên nhận', 'số phiếu', 'record id', 'case id', 'case number', 'code', 'serial', 'response id'],
  name: ['name', 'full name', 'họ tên', 'họ và tên', 'tên', 'tên tổ chức, cá nhân', 'tên cá nhân, tổ chức', 'tên người nộp', 'người nộp', 'applicant'],
  unit: ['unit', 'agency', 'office', 'đơn vị', 'cơ quan', 'đơn vị giải quyết', 'cơ quan giải quyết', 'đơn vị trả kết quả', 'nơi giải quyết'],
  field: ['field', 'service field', 'sector', 'lĩnh vực', 'lĩnh vực thủ tục'],
  receivedAt: ['received at', 'received', 'received on', 'result date', 'date', 'ngày nhận kết quả', 'ngày trả kết quả', 'ngày trả', 'ngày'],
} as const satisfies Record<FrameField, readonly string[]>;

/** A header as compared: without diacritics, case, spaces or punctuation ("Ngày trả kết quả" → "ngaytraketqua"). */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const FIELD_OF_HEADER = new Map<string, FrameField>(
  (Object.entries(FRAME_HEADERS) as [FrameField, readonly string[]][]).flatMap(([field, names]) => names.map((name) => [normalizeHeader(name), field] as const)),
);

/** A row that could not be read, at its line in the CSV (1 is the header). */
export interface FrameError {
  line: number;
  message: LocalizedMessage;
}

export interface FrameParseResult {
  /** False when the header could not be used (missing, unnamed or repeated columns, no id column); then no row is read. */
  usable: boolean;
  rows: FrameRow[];
  errors: FrameError[];
  /** The frame's own header names, in order. */
  columns: string[];
  /** Which header was recognised for each field. */
  fields: Partial<Record<FrameField, string>>;
  delimiter: CsvDelimiter;
}

/**
 * Reads a frame from CSV text. The first non-blank line is the header; one column must be an id
 * (see FRAME_HEADERS). Each row needs an id; a date of receipt, when given, must be a real date
 * written `YYYY-MM-DD` or `DD/MM/YYYY` (day first, as in Vietnam; `-` or `.` also separate), with
 * any time after it ignored. Rows with a problem are left out and reported at their line; blank
 * lines are skipped. Duplicate ids are kept here and reported by the draw.
 */
export function parseFrameCsv(text: string): FrameParseResult {
  const csv = parseCsv(text);
  const errors: FrameError[] = [...csv.errors];
  const [header, ...records] = csv.records;
  const firstBrokenLine = csv.errors[0]?.line;
  if (!header || (firstBrokenLine !== undefined && firstBrokenLine < header.line)) {
    // A broken first record is the header itself: reading the next record as the header would misread every row.
    if (!header && errors.length === 0) errors.push({ line: 1, message: message('Tệp không có dòng tiêu đề (tệp rỗng).', 'The file has no header line (it is empty).') });
    return { usable: false, rows: [], errors: sortByLine(errors), columns: [], fields: {}, delimiter: csv.delimiter };
  }

  const columns = header.cells.map((cell) => cell.trim());
  // A trailing separator on the header line (Excel does this) adds no column.
  while (columns.length > 0 && columns[columns.length - 1] === '') columns.pop();
  const fields: Partial<Record<FrameField, string>> = {};
  const fieldColumns: Partial<Record<FrameField, number>> = {};
  const seenColumns = new Map<string, number>();
  let headerUsable = true;
  columns.forEach((column, index) => {
    if (column === '') {
      errors.push({ line: header.line, message: message(`Cột ${index + 1} của dòng tiêu đề không có tên.`, `Column ${index + 1} of the header has no name.`) });
      headerUsable = false;
      return;
    }
    const earlier = seenColumns.get(column);
    if (earlier !== undefined) {
      errors.push({ line: header.line, message: message(`Tên cột "${column}" lặp lại (cột ${earlier + 1} và ${index + 1}).`, `The column name "${column}" is used twice (columns ${earlier + 1} and ${index + 1}).`) });
      headerUsable = false;
      return;
    }
    seenColumns.set(column, index);
    const field = FIELD_OF_HEADER.get(normalizeHeader(column));
    if (!field) return;
    const other = fields[field];
    if (other !== undefined) {
      errors.push({ line: header.line, message: message(`Hai cột cùng có nghĩa "${field}": "${other}" và "${column}"; hãy đổi tên một cột.`, `Two columns both mean "${field}": "${other}" and "${column}"; rename one of them.`) });
      headerUsable = false;
      return;
    }
    fields[field] = column;
    fieldColumns[field] = index;
  });
  if (fieldColumns.id === undefined) {
    errors.push({
      line: header.line,
      message: message(
        `Không có cột mã (id). Tên cột được nhận: ${FRAME_HEADERS.id.map((name) => `"${name}"`).join(', ')}.`,
        `There is no id column. Recognised names: ${FRAME_HEADERS.id.map((name) => `"${name}"`).join(', ')}.`,
      ),
    });
    headerUsable = false;
  }
  if (!headerUsable) return { usable: false, rows: [], errors: sortByLine(errors), columns, fields, delimiter: csv.delimiter };

  const rows: FrameRow[] = [];
  for (const record of records) {
    // Excel writes rows of bare separators (";;;") below the data: as blank as an empty line.
    if (record.cells.every((cell) => cell.trim() === '')) continue;
    const problem = checkCellCount(record.cells, columns.length);
    if (problem) {
      errors.push({ line: record.line, message: problem });
      continue;
    }
    // fromEntries defines own properties, so even a column named "__proto__" stays a plain cell.
    const cells: Record<string, string> = Object.fromEntries(columns.map((column, index) => [column, record.cells[index] ?? '']));
    const value = (field: FrameField): string => {
      const index = fieldColumns[field];
      return index === undefined ? '' : (record.cells[index] ?? '').trim();
    };
    const id = value('id');
    if (id === '') {
      errors.push({ line: record.line, message: message(`Thiếu mã (cột "${fields.id}").`, `The id (column "${fields.id}") is empty.`) });
      continue;
    }
    const row: FrameRow = { id, cells, line: record.line };
    const receivedText = value('receivedAt');
    if (receivedText !== '') {
      const receivedAt = parseFrameDate(receivedText);
      if (!receivedAt) {
        errors.push({
          line: record.line,
          message: message(`Ngày "${receivedText}" (cột "${fields.receivedAt}") không hợp lệ; viết YYYY-MM-DD hoặc DD/MM/YYYY.`, `The date "${receivedText}" (column "${fields.receivedAt}") is not a valid date; write YYYY-MM-DD or DD/MM/YYYY.`),
        });
        continue;
      }
      row.receivedAt = receivedAt;
    }
    for (const field of ['name', 'unit', 'field'] as const) {
      const text = value(field);
      if (text !== '') row[field] = text;
    }
    rows.push(row);
  }
  return { usable: true, rows, errors: sortByLine(errors), columns, fields, delimiter: csv.delimiter };
}

/** More cells than columns is an error unless the extra ones are empty (trailing separators). */
function checkCellCount(cells: string[], columnCount: number): LocalizedMessage | undefined {
  if (cells.length < columnCount) {
    return message(`Dòng có ${cells.length} ô, ít hơn ${columnCount} cột của tiêu đề.`, `The row has ${cells.length} cells, fewer than the header's ${columnCount} columns.`);
  }
  if (cells.slice(columnCount).some((cell) => cell.trim() !== '')) {
    return message(
      `Dòng có ${cells.length} ô, nhiều hơn ${columnCount} cột của tiêu đề (có dấu phân cách trong một ô không đặt trong ngoặc kép?).`,
      `The row has ${cells.length} cells, more than the header's ${columnCount} columns (a separator inside a cell that is not quoted?).`,
    );
  }
  return undefined;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
const DAY_FIRST_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T ].*)?$/;

/**
 * A date as written in a frame, as `YYYY-MM-DD`: `2024-05-17`, `17/05/2024`, `17-5-2024`,
 * `17.05.2024`, optionally followed by a time (ignored, the date is taken as written). Undefined
 * for anything else, including dates that do not exist (31/02/2024).
 */
export function parseFrameDate(text: string): string | undefined {
  const trimmed = text.trim();
  const iso = ISO_DATE.exec(trimmed);
  const dayFirst = iso ? undefined : DAY_FIRST_DATE.exec(trimmed);
  const parts = iso ? [iso[1], iso[2], iso[3]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : undefined;
  if (!parts) return undefined;
  const [year, month, day] = parts as [string, string, string];
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(date) ? date : undefined;
}

export interface DateWindow {
  /** First day kept, inclusive (any format parseFrameDate reads). */
  from?: string;
  /** Last day kept, inclusive. */
  to?: string;
}

export interface DateWindowResult<Row> {
  /** The rows received within the window. */
  rows: Row[];
  /** Rows received before `from` or after `to`. */
  outside: Row[];
  /** Rows without a date of receipt; left out whenever a window is given. */
  undated: Row[];
}

/** Keeps the rows whose `receivedAt` lies between `from` and `to`, both inclusive. */
export function filterFrameByDate<Row extends { receivedAt?: string }>(rows: readonly Row[], window: DateWindow): DateWindowResult<Row> {
  const from = window.from === undefined ? undefined : windowDate(window.from, 'from');
  const to = window.to === undefined ? undefined : windowDate(window.to, 'to');
  if (from !== undefined && to !== undefined && from > to) {
    throw samplingError('invalid-window', `Ngày bắt đầu ${from} sau ngày kết thúc ${to}.`, `The first day ${from} is after the last day ${to}.`);
  }
  const result: DateWindowResult<Row> = { rows: [], outside: [], undated: [] };
  if (from === undefined && to === undefined) return { ...result, rows: rows.slice() };
  for (const row of rows) {
    if (row.receivedAt === undefined) result.undated.push(row);
    else if ((from !== undefined && row.receivedAt < from) || (to !== undefined && row.receivedAt > to)) result.outside.push(row);
    else result.rows.push(row);
  }
  return result;
}

function windowDate(text: string, which: 'from' | 'to'): string {
  const date = parseFrameDate(text);
  if (!date) {
    const label = which === 'from' ? { vi: 'bắt đầu', en: 'first' } : { vi: 'kết thúc', en: 'last' };
    throw samplingError('invalid-date', `Ngày ${label.vi} "${text}" không hợp lệ; viết YYYY-MM-DD hoặc DD/MM/YYYY.`, `The ${label.en} day "${text}" is not a valid date; write YYYY-MM-DD or DD/MM/YYYY.`);
  }
  return date;
}

function sortByLine(errors: FrameError[]): FrameError[] {
  return errors.slice().sort((a, b) => a.line - b.line);
}
