import { message } from '@sipas/schema';
import { httpError, MESSAGES } from './errors.js';

/** The JSON body as an object, or a 422 located at the body itself. */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  throw httpError(422, '', 'not-object', message('Nội dung gửi lên phải là một đối tượng JSON', 'The body must be a JSON object'));
}

/** A positive integer from a URL segment (`/users/12`), or a 404: no such thing lives at that address. */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (value !== undefined && /^[1-9][0-9]{0,9}$/.test(value) && Number.isSafeInteger(id) && id <= 2_147_483_647) return id;
  throw httpError(404, '', 'not-found', MESSAGES.notFound);
}
