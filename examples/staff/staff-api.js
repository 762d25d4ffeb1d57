// What the staff pages (dashboard, designer) share: JSON calls to the server's API on this origin
// with the session cookie, unsafe methods carrying the session's CSRF token.
export const API = '/api/v1';
let csrfToken = '';

/** Keeps the CSRF token of the session just signed in to (or '' after signing out). */
export function useCsrfToken(token) {
  csrfToken = token;
}

/** A JSON call to the API: `{ ok, status, data }`; a network failure rejects. */
export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  const reply = await fetch(`${API}${path}`, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  const data = reply.status === 204 ? null : await reply.json().catch(() => null);
  return { ok: reply.ok, status: reply.status, data };
}

/** The first error message of an API answer, in the page's language. */
export const problemOf = (data, fallback) => data?.errors?.[0]?.message?.vi ?? fallback;
