import type { Database } from '../db/database.js';
import { generatePassword, hashPassword } from './passwords.js';
import { revokeCredentials } from './sessions.js';
import type { Role } from './user.js';
import { normalizeUsername } from './usernames.js';

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

/** What resetPassword did: the new password, to print once, and the account it now opens. */
export interface PasswordReset {
  username: string;
  password: string;
  role: Role;
  /** A disabled account stays disabled: the new password opens it only once an admin enables it. */
  disabled: boolean;
}

/**
 * Sets a new generated password on an existing account (`sipas reset-password`, for a forgotten
 * first admin's password, without touching any data), ends all its sessions and revokes all its API
 * tokens. Undefined when no account has that username. Whoever runs it holds the database, so can
 * do as much anyway; nothing reaches it over HTTP.
 */
export async function resetPassword(db: Database, username: string): Promise<PasswordReset | undefined> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: number; username: string; role: Role; disabled: boolean }>(
      'update users set password_hash = $2 where username = $1 returning id, username, role, disabled',
      [normalizeUsername(username), passwordHash],
    );
    const row = rows[0];
    if (!row) return undefined;
    await revokeCredentials(tx, row.id);
    return { username: row.username, password, role: row.role, disabled: row.disabled };
  });
}
