import { message } from '@sipas/schema';
import { httpError } from '../http/errors.js';

/** Usernames compare without case or outer spaces: "Admin " signs in as "admin". */
export const normalizeUsername = (username: string): string => username.trim().toLowerCase();

const USERNAME_SHAPE = /^[a-z0-9][a-z0-9._@-]{0,63}$/;

/** True when a normalized username has the shape every account's name has (so it may name one). */
export const isUsernameShape = (normalized: string): boolean => USERNAME_SHAPE.test(normalized);

/** The normalized username of a new account, or a 422 at `path`. */
export function checkNewUsername(username: unknown, path: string): string {
  const normalized = typeof username === 'string' ? normalizeUsername(username) : '';
  if (!isUsernameShape(normalized)) {
    throw httpError(
      422,
      path,
      'invalid-username',
      message(
        'Tên đăng nhập gồm 1–64 chữ cái không dấu, chữ số hoặc . _ @ -, bắt đầu bằng chữ hoặc số',
        'A username is 1–64 ASCII letters, digits or . _ @ -, starting with a letter or digit',
      ),
    );
  }
  return normalized;
}
