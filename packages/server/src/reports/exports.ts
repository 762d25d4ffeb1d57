/**
 * The export files: every selected response (one row each) and the index tables, as CSV or XLSX.
 * Responses are streamed batch by batch from the database to the client; the index tables are
 * computed first (so that a refused request still gets its error) and then written.
 */
import { Readable } from 'node:stream';
import { indexTable, type IndexReport } from '@sipas/index';
import type { MessageLanguage } from '@sipas/schema';
import type { Database } from '../db/database.js';
import { BYTE_ORDER_MARK, csvLines } from './csv-text.js';
import { distributionTable, rankingTable } from './index-table.js';
import { responseCells, type Cell, type ExportColumn } from './response-columns.js';
import { responseBatches, type ResponseSelection } from './response-selection.js';
import { createXlsxWriter } from './xlsx-writer.js';

/** The sheet names (at most 31 characters, none of []:*?/\). */
const SHEETS = {
  responses: 'Phiếu trả lời (responses)',
  questions: 'Câu hỏi (questions)',
  index: 'Chỉ số (index)',
  ranking: 'Xếp hạng (ranking)',
  distributions: 'Phân bố (distributions)',
} as const;

/**
 * Responses as CSV text chunks: the byte-order mark and the header of column names, the titles
 * in `titles`' language as a second row when asked, then one batch of rows per chunk.
 */
export async function* responsesCsv(db: Database, selection: ResponseSelection, columns: readonly ExportColumn[], titles?: MessageLanguage): AsyncGenerator<string> {
  const header: Cell[][] = [columns.map((column) => column.name)];
  if (titles !== undefined) header.push(columns.map((column) => column.title[titles]));
  yield BYTE_ORDER_MARK + csvLines(header);
  for await (const batch of responseBatches(db, selection)) yield csvLines(batch.map((row) => responseCells(columns, row)));
}

/** Responses as an XLSX workbook: a responses sheet (column names as header) and a questions sheet (each column's titles). */
export function responsesXlsx(db: Database, selection: ResponseSelection, columns: readonly ExportColumn[]): Readable {
  const writer = createXlsxWriter();
  const write = async () => {
    const responses = writer.addSheet(SHEETS.responses, columns.map((column) => column.name), { widths: columns.map((column, position) => (position === 0 ? 38 : Math.max(10, Math.min(24, column.name.length + 2)))) });
    for await (const batch of responseBatches(db, selection)) await responses.addRows(batch.map((row) => responseCells(columns, row)));
    responses.close();
    const questions = writer.addSheet(SHEETS.questions, ['column', 'question', 'title_vi', 'title_en'], { widths: [24, 20, 80, 80] });
    await questions.addRows(columns.map((column) => [column.name, column.question ?? null, column.title.vi, column.title.en]));
    questions.close();
    await writer.finish();
  };
  write().catch((error: unknown) => writer.fail(error));
  return writer.stream;
}

/** The index table as CSV (with a byte-order mark); indices with two decimals, as the CLI writes them. */
export function indexCsv(report: IndexReport, lang: MessageLanguage): string {
  const table = indexTable(report, lang);
  const rows = table.rows.map((row) => row.map((cell, position) => (position === table.indexColumn && typeof cell === 'number' ? cell.toFixed(2) : cell)));
  return BYTE_ORDER_MARK + csvLines([table.header, ...rows]);
}

/** The index tables as an XLSX workbook: indices, then the ranking (when there is one) and the distributions. */
export function indexXlsx(report: IndexReport, lang: MessageLanguage): Readable {
  const writer = createXlsxWriter();
  const write = async () => {
    const table = indexTable(report, lang);
    const index = writer.addSheet(SHEETS.index, table.header, { percentColumns: [table.indexColumn], widths: table.header.map((name) => (name === 'label' ? 60 : 14)) });
    await index.addRows(table.rows);
    index.close();
    const ranking = rankingTable(report);
    if (ranking) {
      const sheet = writer.addSheet(SHEETS.ranking, ranking.header, { percentColumns: [2] });
      await sheet.addRows(ranking.rows);
      sheet.close();
    }
    const distributions = distributionTable(report);
    const sheet = writer.addSheet(SHEETS.distributions, distributions.header);
    await sheet.addRows(distributions.rows);
    sheet.close();
    await writer.finish();
  };
  write().catch((error: unknown) => writer.fail(error));
  return writer.stream;
}

/** A text generator as a byte stream for the reply. */
export const textStream = (chunks: AsyncIterable<string>): Readable => Readable.from(chunks, { objectMode: false });
