import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Sends `body` with caching headers, or a bodiless 304 when the client's If-None-Match already
 * names this entity tag (weak comparison, as RFC 9110 asks for If-None-Match).
 */
export function sendCacheable(request: FastifyRequest, reply: FastifyReply, body: unknown, etag: string, cacheControl: string): FastifyReply {
  void reply.header('ETag', etag).header('Cache-Control', cacheControl);
  if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.send(body);
}

function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}
