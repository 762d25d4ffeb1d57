/**
 * PostgreSQL text cannot hold the NUL character (U+0000), which JSON and URLs can carry. A request
 * holding one anywhere is refused with a located 422 before any query runs, instead of failing
 * inside the database (a 500 the browser outbox would retry for ever).
 */
import type { FastifyRequest } from 'fastify';
import { escapePointerToken, message } from '@sipas/schema';
import { httpError } from './errors.js';

/** The JSON pointer of the first string (value or key) holding a NUL character, if any. */
export function findNulCharacter(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const at = `${path}/${escapePointerToken(key)}`;
    if (key.includes('\u0000')) return at;
    const found = findNulCharacter(item, at);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A preValidation hook: path parameters, query and body, located as /params/…, /query/… and /…. */
export async function refuseNulCharacters(request: FastifyRequest): Promise<void> {
  const at = findNulCharacter(request.params, '/params') ?? findNulCharacter(request.query, '/query') ?? findNulCharacter(request.body, '');
  if (at !== undefined) {
    throw httpError(422, at, 'nul-character', message('Có ký tự NUL (mã 0), không lưu được', 'A NUL character (code 0) cannot be stored'));
  }
}
