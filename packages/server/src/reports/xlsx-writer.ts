/**
 * XLSX through exceljs's streaming writer: rows are committed as they come and compressed into the
 * HTTP response, so a workbook of every response never sits in memory. Text is always written as
 * text (a cell reading "=…" stays a string, never a formula).
 */
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell } from './response-columns.js';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type WorkbookWriter = InstanceType<typeof ExcelJS.stream.xlsx.WorkbookWriter>;
type WorksheetWriter = ReturnType<WorkbookWriter['addWorksheet']>;

export interface SheetOptions {
  /** Columns written with two decimals (indices); the value stays the number. */
  percentColumns?: readonly number[];
  /** Column widths in characters, by position (default 14). */
  widths?: readonly number[];
}

/** A sheet being written: add rows, then close it before the next sheet. */
export interface SheetWriter {
  addRows(rows: readonly (readonly Cell[])[]): Promise<void>;
  close(): void;
}

export interface XlsxWriter {
  /** What to send: the bytes of the file as they are produced. */
  stream: Readable;
  /** Starts a sheet with a bold, frozen header row. */
  addSheet(name: string, header: readonly string[], options?: SheetOptions): SheetWriter;
  /** Finishes the file (call once every sheet is closed). */
  finish(): Promise<void>;
  /** Stops the file with an error (the client sees an aborted download, never a truncated "complete" file). */
  fail(error: unknown): void;
}

/** Characters XML 1.0 cannot carry (control characters a pasted comment may hold): dropped, or the file would not open. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const xlsxCell = (cell: Cell): string | number | null => (typeof cell === 'string' ? cell.replace(NOT_XML, '') : cell);

export function createXlsxWriter(): XlsxWriter {
  const output = new PassThrough();
  const workbook: WorkbookWriter = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'SIPAS Forms';

  /**
   * Lets a slow client hold back the database reads: waits while the compressed bytes are not
   * taken. Throws once the download is gone (client disconnected), which stops the reading.
   */
  const drained = () =>
    new Promise<void>((resolve, reject) => {
      const abandoned = () => reject(new Error('the download was abandoned'));
      if (output.destroyed) return abandoned();
      if (!output.writableNeedDrain) return resolve();
      const settle = () => {
        output.off('drain', settle);
        output.off('close', settle);
        if (output.destroyed) abandoned();
        else resolve();
      };
      output.on('drain', settle);
      output.on('close', settle);
    });

  return {
    stream: output,
    addSheet(name, header, options = {}) {
      const sheet: WorksheetWriter = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = header.map((_name, position) => ({ key: `c${position}`, width: options.widths?.[position] ?? 14 }));
      const headerRow = sheet.addRow([...header]);
      headerRow.font = { bold: true };
      headerRow.commit();
      return {
        async addRows(rows) {
          for (const cells of rows) {
            const row = sheet.addRow(cells.map(xlsxCell));
            for (const position of options.percentColumns ?? []) {
              if (typeof cells[position] === 'number') row.getCell(position + 1).numFmt = '0.00';
            }
            row.commit();
          }
          await drained();
        },
        close() {
          sheet.commit();
        },
      };
    },
    async finish() {
      await workbook.commit();
    },
    fail(error) {
      output.destroy(error instanceof Error ? error : new Error(String(error)));
    },
  };
}
