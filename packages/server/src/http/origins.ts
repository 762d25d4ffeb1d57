import type { FastifyRequest } from 'fastify';

/** A web origin as browsers send it: `scheme://host[:port]`, lower case, no default port, nothing after. */
const ORIGIN_SHAPE = /^https?:\/\/[^/?#@\s]+$/i;

/** The origin in the browser's own spelling, or undefined when `text` is not `http(s)://host[:port]`. */
export function normalizeOrigin(text: string): string | undefined {
  if (!ORIGIN_SHAPE.test(text)) return undefined;
  try {
    const url = new URL(text);
    return url.origin === 'null' ? undefined : url.origin;
  } catch {
    return undefined;
  }
}

/** The Origin header of a request, when a browser sent one. */
export const originOf = (request: FastifyRequest): string | undefined => {
  const origin = request.headers.origin;
  return typeof origin === 'string' && origin !== '' ? origin : undefined;
};

/**
 * A page served by this very server. The scheme is left out of the comparison: behind a reverse
 * proxy that ends TLS the server sees http while the page's origin says https.
 */
export function isSameOrigin(request: FastifyRequest, origin: string): boolean {
  // request.host is the Host header, or X-Forwarded-Host behind a trusted proxy.
  const host = request.host;
  if (!host) return false;
  try {
    return new URL(origin).host === new URL(`http://${host}`).host;
  } catch {
    return false;
  }
}
