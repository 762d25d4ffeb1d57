import type { FastifyRequest } from 'fastify';
import { httpError, MESSAGES } from '../http/errors.js';
import type { Role } from './user.js';

/**
 * A preHandler that lets a request through only when it is signed in (session cookie with its CSRF
 * header on unsafe methods, or an API token) with one of `roles`; any signed-in role when none
 * are named. 401 `unauthenticated` for anonymous requests, 403 `csrf` for a session request without
 * the right X-CSRF-Token, 403 `forbidden` for another role.
 *
 * Usage: `app.get('/path', { preHandler: requireRole('admin', 'analyst') }, handler)`.
 */
export function requireRole(...roles: Role[]) {
  return async function checkRole(request: FastifyRequest): Promise<void> {
    const authentication = request.authentication;
    if (authentication?.method === 'session' && !authentication.csrfPassed) throw httpError(403, '', 'csrf', MESSAGES.csrf);
    const user = request.user;
    if (!user) throw httpError(401, '', 'unauthenticated', MESSAGES.unauthenticated);
    if (roles.length > 0 && !roles.includes(user.role)) throw httpError(403, '', 'forbidden', MESSAGES.forbidden);
  };
}
