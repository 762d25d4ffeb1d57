/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (without it Excel reads Vietnamese as
 * mojibake), CRLF line ends and RFC 4180 quoting (formatCsv of @sipas/index), and text cells that
 * a spreadsheet would run as a formula neutralised.
 */
import { formatCsv } from '@sipas/index';
import type { Cell } from './response-columns.js';

export const BYTE_ORDER_MARK = '\uFEFF';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

/**
 * Cells starting with these are formulas to Excel, LibreOffice and Google Sheets (`=HYPERLINK(…)`,
 * `+1+cmd|…`, `@SUM(…)`); a tab or carriage return in front does not stop them.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made inert by a leading apostrophe (OWASP's advice): spreadsheets show it as text,
 * and a person reading the file still sees the original. Numbers the export writes itself are left
 * as they are (a negative number is not an attack).
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return neutralizeFormula(cell);
}

/** Rows as CSV lines, each ending with CRLF (no byte-order mark: that goes once, before the header). */
export function csvLines(rows: readonly (readonly Cell[])[]): string {
  return rows.length === 0 ? '' : formatCsv(rows.map((row) => row.map(csvCell)));
}
