/** Removal of repeated ids before a draw, so nobody can be drawn twice. */
import { notice, samplingError, type SamplingNotice } from './errors.js';

/** An id found more than once, and how many times. */
export interface DuplicateId {
  id: string;
  count: number;
}

export interface Deduplicated<Row> {
  /** The first row of every id, in the order given. */
  rows: Row[];
  duplicates: DuplicateId[];
  /** A `duplicate-ids` notice when there were duplicates. */
  notices: SamplingNotice[];
}

/** Keeps the first row of every id; ids must be non-empty text. */
export function deduplicateById<Row extends { id: string }>(rows: readonly Row[]): Deduplicated<Row> {
  const counts = new Map<string, number>();
  const kept: Row[] = [];
  for (const row of rows) {
    if (typeof row.id !== 'string' || row.id.trim() === '') {
      throw samplingError('missing-id', `Mỗi dòng cần một mã (id) không rỗng: ${JSON.stringify(row)}.`, `Every row needs a non-empty id: ${JSON.stringify(row)}.`);
    }
    const seen = counts.get(row.id) ?? 0;
    if (seen === 0) kept.push(row);
    counts.set(row.id, seen + 1);
  }
  const duplicates = [...counts].flatMap(([id, count]) => (count > 1 ? [{ id, count }] : []));
  const extra = duplicates.reduce((sum, duplicate) => sum + duplicate.count - 1, 0);
  const shown = duplicates.slice(0, 5).map((duplicate) => `"${duplicate.id}"`).join(', ') + (duplicates.length > 5 ? ', …' : '');
  const notices = duplicates.length
    ? [notice('duplicate-ids', `${duplicates.length} mã xuất hiện nhiều lần (${shown}); bỏ ${extra} dòng lặp, giữ dòng đầu tiên của mỗi mã.`, `${duplicates.length} ids occur more than once (${shown}); ${extra} repeated rows are dropped, keeping the first row of each id.`)]
    : [];
  return { rows: kept, duplicates, notices };
}

/** Code-unit order of ids: the same in every engine and locale, unlike localeCompare. */
export const compareIds = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
