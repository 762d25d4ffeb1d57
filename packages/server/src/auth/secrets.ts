import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new random secret (session id, CSRF token, API token body): 32 bytes, base64url. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** How secrets are stored: SHA-256, hex. A stolen database holds no usable session or token. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Compares two secrets in time independent of where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
