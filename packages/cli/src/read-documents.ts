import { readFile } from 'node:fs/promises';
import { message, type LocalizedMessage } from '@sipas/schema';

/** A JSON document read from a file (or one line of a JSONL file), or why it could not be read. */
export type ReadDocument =
  | { ok: true; source: string; document: unknown }
  | { ok: false; source: string; problem: LocalizedMessage };

/** Reads a JSON file, or each non-empty line of a .jsonl file, without throwing. */
export async function readDocuments(file: string): Promise<ReadDocument[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? message('không tìm thấy tệp', 'file not found') : message('không đọc được tệp', 'cannot read the file');
    return [{ ok: false, source: file, problem: reason }];
  }
  if (file.endsWith('.jsonl') || file.endsWith('.ndjson')) {
    return text.split(/\r?\n/).flatMap((line, i) => (line.trim() === '' ? [] : [parse(line, `${file}:${i + 1}`)]));
  }
  return [parse(text.replace(/^\uFEFF/, ''), file)];
}

function parse(text: string, source: string): ReadDocument {
  try {
    return { ok: true, source, document: JSON.parse(text) };
  } catch (error) {
    const detail = (error as Error).message;
    return { ok: false, source, problem: message(`không phải JSON hợp lệ (${detail})`, `not valid JSON (${detail})`) };
  }
}
