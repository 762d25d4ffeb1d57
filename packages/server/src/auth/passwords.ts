/**
 * Staff passwords, hashed with scrypt (memory-hard, in node:crypto). The stored string carries its
 * own cost parameters, `scrypt$N$r$p$salt$hash` (base64url), so the cost can be raised later and
 * old hashes still verify.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { message } from '@sipas/schema';
import { httpError } from '../http/errors.js';

export const MIN_PASSWORD_LENGTH = 10;
const COST = { N: 32768, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

/**
 * At most this many hashes at once; the others wait their turn. Each takes 32 MiB and a thread of
 * libuv's pool (4 by default), so a burst of sign-ins from many places can neither take the memory
 * nor starve the file system and DNS work that shares the pool.
 */
export const MAX_CONCURRENT_HASHES = 2;
let hashesRunning = 0;
const waitingForHash: (() => void)[] = [];

async function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  if (hashesRunning >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waitingForHash.push(resolve));
  else hashesRunning++;
  try {
    return await new Promise<Buffer>((resolve, reject) =>
      // N=32768, r=8 needs 32 MiB, exactly Node's default ceiling; allow twice that.
      scryptCallback(password, salt, keyLength, { ...options, maxmem: 2 * 128 * (options.N ?? 0) * (options.r ?? 0) + 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))),
    );
  } finally {
    // The slot passes straight to the next in line, so hashesRunning stays counted for it.
    const next = waitingForHash.shift();
    if (next) next();
    else hashesRunning--;
  }
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `password` matches the stored hash; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every((value) => Number.isInteger(value) && value > 0)) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, cost);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let decoyHash: Promise<string> | undefined;
/** A hash of nothing anyone knows, verified against for an unknown username so both failures take as long. */
export const decoyPasswordHash = (): Promise<string> => (decoyHash ??= hashPassword(randomBytes(16).toString('base64url')));

/** A password for a new account or the first admin: 20 characters of base64url (120 bits). */
export const generatePassword = (): string => randomBytes(15).toString('base64url');

/** A 422 at `path` when the password is too short; otherwise the password. */
export function checkNewPassword(password: unknown, path: string): string {
  if (typeof password !== 'string' || [...password].length < MIN_PASSWORD_LENGTH) {
    throw httpError(
      422,
      path,
      'password-too-short',
      message(`Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự`, `The password must be at least ${MIN_PASSWORD_LENGTH} characters long`),
    );
  }
  return password;
}
