import type { FastifyRequest } from 'fastify';
import { message } from '@sipas/schema';
import { httpError, MESSAGES } from '../http/errors.js';
import { authenticateRequest } from './authenticate.js';
import type { Role } from './user.js';

const SESSION_REQUIRED = message(
  'Việc này cần đăng nhập bằng phiên làm việc (cookie và X-CSRF-Token); mã truy cập API không dùng được ở đây',
  'This needs a signed-in session (cookie and X-CSRF-Token); an API token is not accepted here',
);

/**
 * A preHandler that lets a request through only when it is signed in (session cookie with its CSRF
 * header on unsafe methods, or an API token) with one of `roles`; any signed-in role when none
 * are named. 401 `unauthenticated` for anonymous requests (`invalid-token` for a bad bearer token),
 * 403 `csrf` for a session request without the right X-CSRF-Token, 403 `forbidden` for another role.
 *
 * Usage: `app.get('/path', { preHandler: requireRole('admin', 'analyst') }, handler)`.
 */
export function requireRole(...roles: Role[]) {
  return async function checkRole(request: FastifyRequest): Promise<void> {
    await authenticateRequest(request);
    const authentication = request.authentication;
    if (authentication?.method === 'session' && !authentication.csrfPassed) throw httpError(403, '', 'csrf', MESSAGES.csrf);
    const user = request.user;
    if (!user) throw httpError(401, '', 'unauthenticated', MESSAGES.unauthenticated);
    if (roles.length > 0 && !roles.includes(user.role)) throw httpError(403, '', 'forbidden', MESSAGES.forbidden);
  };
}

/**
 * requireRole, and signed in with a session rather than an API token: 403 `session-required` for a
 * token. For what a token must not do, or a leaked token would be worth a password: minting more
 * tokens (which outlive the one revoked) and managing accounts (setting a password, granting admin).
 */
export function requireSession(...roles: Role[]) {
  const checkRole = requireRole(...roles);
  return async function checkSession(request: FastifyRequest): Promise<void> {
    await checkRole(request);
    if (request.authentication?.method !== 'session') throw httpError(403, '', 'session-required', SESSION_REQUIRED);
  };
}
