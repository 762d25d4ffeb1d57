import type { Database } from '../db/database.js';
import { generatePassword, hashPassword } from './passwords.js';

export const INITIAL_ADMIN_USERNAME = 'admin';

/**
 * On the first start (no accounts at all) creates `admin` with `password` (its length checked by
 * the caller) or a generated one, and returns the credentials for the caller to print once. Later
 * starts, and a second collector starting at the same moment, get undefined: the insert only
 * happens while `users` is empty, and the unique username settles a tie.
 */
export async function ensureInitialAdmin(db: Database, password?: string): Promise<{ username: string; password: string } | undefined> {
  const { rows: existing } = await db.query('select 1 from users limit 1');
  if (existing.length > 0) return undefined;
  const chosen = password ?? generatePassword();
  const { rows } = await db.query(
    `insert into users (username, password_hash, role)
     select $1, $2, 'admin' where not exists (select 1 from users)
     on conflict (username) do nothing returning id`,
    [INITIAL_ADMIN_USERNAME, await hashPassword(chosen)],
  );
  return rows.length > 0 ? { username: INITIAL_ADMIN_USERNAME, password: chosen } : undefined;
}
