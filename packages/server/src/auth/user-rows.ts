import type { AuthUser, Role } from './user.js';

export const ROLES: readonly Role[] = ['admin', 'editor', 'analyst'];
export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** The columns of `users` an account is read with, aliased `u`. */
export const USER_COLUMNS = 'u.id, u.username, u.role, u.units, u.disabled, u.created_at';

export interface UserRow {
  id: number;
  username: string;
  role: Role;
  units: string[] | null;
  disabled: boolean;
  created_at: Date;
}

export const toAuthUser = (row: UserRow): AuthUser => ({ id: row.id, username: row.username, role: row.role, units: row.units });

/** An account as the admin API shows it. */
export const toAccount = (row: UserRow) => ({ ...toAuthUser(row), disabled: row.disabled, createdAt: row.created_at.toISOString() });
