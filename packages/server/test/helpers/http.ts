/** A small HTTP client for the server tests: real requests with fetch, a session cookie and its CSRF token. */
import { createServer, type ServerOptions, type SipasServer } from '@sipas/server';
import type { Database } from '@sipas/server';

export const ADMIN = { username: 'admin', password: 'admin-password-1' } as const;

export interface TestServer {
  server: SipasServer;
  baseUrl: string;
  /** A client with no credentials. */
  anonymous: ApiClient;
  close(): Promise<void>;
}

/** A server on an ephemeral port of 127.0.0.1 over `db`; the first admin is ADMIN. */
export async function startServer(db: Database, options: Omit<ServerOptions, 'database'> = {}): Promise<TestServer> {
  const server = await createServer({ database: db, initialAdminPassword: ADMIN.password, ...options });
  const baseUrl = await server.listen(0, '127.0.0.1');
  return { server, baseUrl, anonymous: new ApiClient(baseUrl), close: () => server.close() };
}

export interface ApiReply<Body = any> {
  status: number;
  headers: Headers;
  /** The parsed JSON body, the text when it is not JSON, undefined when empty. */
  body: Body;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Send the session's X-CSRF-Token on unsafe methods (true by default). */
  csrf?: boolean;
  /** A raw body sent as is (with the given headers) instead of JSON. */
  raw?: string;
}

export class ApiClient {
  readonly baseUrl: string;
  cookie: string | undefined;
  csrfToken: string | undefined;
  bearer: string | undefined;

  constructor(baseUrl: string, credentials: { cookie?: string; csrfToken?: string; bearer?: string } = {}) {
    this.baseUrl = baseUrl;
    this.cookie = credentials.cookie;
    this.csrfToken = credentials.csrfToken;
    this.bearer = credentials.bearer;
  }

  /** Signs in and keeps the session cookie and CSRF token; returns the login reply. */
  async login(username: string, password: string): Promise<ApiReply> {
    const reply = await this.request('POST', '/api/v1/auth/login', { username, password });
    const cookie = reply.headers.getSetCookie().find((line) => line.startsWith('sipas_session='));
    if (reply.status === 200 && cookie) {
      this.cookie = cookie.split(';')[0];
      this.csrfToken = reply.body.csrfToken;
    }
    return reply;
  }

  async request<Body = any>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<ApiReply<Body>> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    if (this.csrfToken && (options.csrf ?? true) && !['GET', 'HEAD', 'OPTIONS'].includes(method)) headers['x-csrf-token'] = this.csrfToken;
    Object.assign(headers, options.headers);
    const reply = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: options.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await reply.text();
    let parsed: unknown = text === '' ? undefined : text;
    if (text !== '' && reply.headers.get('content-type')?.includes('json')) parsed = JSON.parse(text);
    return { status: reply.status, headers: reply.headers, body: parsed as Body };
  }

  get = <Body = any>(path: string, options?: RequestOptions) => this.request<Body>('GET', path, undefined, options);
  post = <Body = any>(path: string, body?: unknown, options?: RequestOptions) => this.request<Body>('POST', path, body, options);
  put = <Body = any>(path: string, body?: unknown, options?: RequestOptions) => this.request<Body>('PUT', path, body, options);
  patch = <Body = any>(path: string, body?: unknown, options?: RequestOptions) => this.request<Body>('PATCH', path, body, options);
  delete = <Body = any>(path: string, options?: RequestOptions) => this.request<Body>('DELETE', path, undefined, options);
}

/** A signed-in client, or a failed assertion. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  const reply = await client.login(username, password);
  if (reply.status !== 200) throw new Error(`sign-in of ${username} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return client;
}

/** Creates an account as `admin` and returns a client signed in with it. */
export async function createAccount(admin: ApiClient, username: string, role: 'admin' | 'editor' | 'analyst', extra: { units?: string[] } = {}): Promise<ApiClient & { userId: number }> {
  const password = `${username}-password`;
  const created = await admin.post('/api/v1/users', { username, role, password, ...extra });
  if (created.status !== 201) throw new Error(`creating ${username} failed: ${created.status} ${JSON.stringify(created.body)}`);
  const client = await signIn(admin.baseUrl, username, password);
  return Object.assign(client, { userId: created.body.user.id as number });
}

/** Every error of an error body is located and bilingual; returns their codes. */
export function errorCodes(body: any): string[] {
  if (!body || !Array.isArray(body.errors) || body.errors.length === 0) throw new Error(`not an error body: ${JSON.stringify(body)}`);
  for (const error of body.errors) {
    if (typeof error.path !== 'string' || typeof error.code !== 'string' || typeof error.message?.vi !== 'string' || typeof error.message?.en !== 'string') {
      throw new Error(`malformed error: ${JSON.stringify(error)}`);
    }
  }
  return body.errors.map((error: { code: string }) => error.code);
}
