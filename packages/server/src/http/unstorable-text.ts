/**
 * Text PostgreSQL cannot store: the NUL character (U+0000), which JSON and URLs can carry, and lone
 * UTF-16 surrogates, which JSON can carry and jsonb refuses. A request holding either is refused
 * with a located 422 before any query runs, instead of failing inside the database (a 500 the
 * browser outbox would retry for ever).
 */
import type { FastifyRequest } from 'fastify';
import { escapePointerToken, message } from '@sipas/schema';
import { httpError } from './errors.js';

const UNSTORABLE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route checks its own body for unstorable text (see refuseUnstorableText). */
    checksOwnBody?: boolean;
  }
}

interface Visit {
  value: unknown;
  key: string | undefined;
  parent: Visit | undefined;
}

/**
 * The JSON pointer of the first string (value or key) PostgreSQL cannot store, if any. Walks with
 * its own stack: a deeply nested body must not overflow the call stack.
 */
export function findUnstorableText(value: unknown, path: string): string | undefined {
  const pending: Visit[] = [{ value, key: undefined, parent: undefined }];
  while (pending.length > 0) {
    const visit = pending.pop()!;
    if (typeof visit.value === 'string') {
      if (UNSTORABLE_TEXT.test(visit.value)) return pointerOf(visit, path);
      continue;
    }
    if (typeof visit.value !== 'object' || visit.value === null) continue;
    for (const [key, item] of Object.entries(visit.value)) {
      const child = { value: item, key, parent: visit };
      if (UNSTORABLE_TEXT.test(key)) return pointerOf(child, path);
      pending.push(child);
    }
  }
  return undefined;
}

/** The pointer is built only for the one hit: one string per level would cost depth² memory. */
function pointerOf(visit: Visit, path: string): string {
  const keys: string[] = [];
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) keys.push(escapePointerToken(at.key));
  return `${path}${keys.reverse().map((key) => `/${key}`).join('')}`;
}

export const unstorableText = (path: string) =>
  httpError(422, path, 'unstorable-text', message('Có ký tự không lưu được (ký tự NUL hoặc mã UTF-16 lẻ)', 'A character cannot be stored (NUL or a lone UTF-16 surrogate)'));

/**
 * A preValidation hook: path parameters, query and body, located as /params/…, /query/… and /….
 * The response collector checks its body itself, after its repeat lookup (a repeat is not checked).
 */
export async function refuseUnstorableText(request: FastifyRequest): Promise<void> {
  const inBody = request.routeOptions.config.checksOwnBody ? undefined : findUnstorableText(request.body, '');
  const at = findUnstorableText(request.params, '/params') ?? findUnstorableText(request.query, '/query') ?? inBody;
  if (at !== undefined) throw unstorableText(at);
}
