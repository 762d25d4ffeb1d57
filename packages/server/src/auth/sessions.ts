import type { CookieSerializeOptions } from '@fastify/cookie';
import type { Database } from '../db/database.js';
import { hashSecret, newSecret } from './secrets.js';

export const SESSION_COOKIE = 'sipas_session';
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

/**
 * The session cookie: out of reach of scripts (HttpOnly) and never sent by another site's page
 * (SameSite=Strict), which with the CSRF header keeps forged requests out.
 */
export const sessionCookieOptions = (secure: boolean, expiresAt?: Date): CookieSerializeOptions => ({
  path: '/',
  httpOnly: true,
  sameSite: 'strict',
  secure,
  ...(expiresAt ? { expires: expiresAt } : {}),
});

export interface NewSession {
  /** The cookie's value; only its hash is stored. */
  cookieValue: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(db: Database, userId: number, now: Date): Promise<NewSession> {
  const cookieValue = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  // Sign-in is a good moment to forget sessions that have run out, everyone's.
  await db.query('delete from sessions where expires_at <= $1', [now]);
  await db.query('insert into sessions (id_hash, user_id, csrf_token, created_at, expires_at) values ($1, $2, $3, $4, $5)', [
    hashSecret(cookieValue),
    userId,
    csrfToken,
    now,
    expiresAt,
  ]);
  return { cookieValue, csrfToken, expiresAt };
}

/** Ends the session whose cookie this is, if there is one: signing in never carries an old session on. */
export async function endPresentedSession(db: Database, cookieValue: string | undefined): Promise<void> {
  if (cookieValue) await db.query('delete from sessions where id_hash = $1', [hashSecret(cookieValue)]);
}

/**
 * After a password change: ends every session of the account but `keepSessionIdHash` (the admin
 * making the change stays signed in) and revokes all its API tokens, since whoever knew the old
 * password could have made either.
 */
export async function revokeCredentials(db: Database, userId: number, keepSessionIdHash = ''): Promise<void> {
  await db.query('delete from sessions where user_id = $1 and id_hash <> $2', [userId, keepSessionIdHash]);
  await db.query('delete from api_tokens where user_id = $1', [userId]);
}
