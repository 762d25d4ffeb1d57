/**
 * Publishing to a SIPAS collector server (`server` attribute, e.g. `/api/v1`): sign in with the
 * session cookie and its CSRF token, store the document as the questionnaire's draft (creating the
 * questionnaire the first time) and publish it as a new numbered version. The server checks the
 * document again; its located errors come back as they are.
 */
import { message, type LocalizedMessage, type Questionnaire } from '@sipas/schema';

export interface ServerProblem {
  path: string;
  message: LocalizedMessage;
}

/** A refusal or failure of the server, with its located problems when it gave any. */
export class ServerError extends Error {
  constructor(
    readonly status: number,
    readonly problems: ServerProblem[],
  ) {
    super(problems[0]?.message.en ?? `HTTP ${status}`);
  }
}

export interface SignedInUser {
  username: string;
  role: string;
}

const NETWORK = message('Không kết nối được máy chủ', 'The server could not be reached');

export class DesignerServer {
  private csrfToken = '';

  constructor(private readonly base: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') headers['X-CSRF-Token'] = this.csrfToken;
    let reply: Response;
    try {
      reply = await fetch(`${this.base.replace(/\/$/, '')}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ServerError(0, [{ path: '', message: NETWORK }]);
    }
    const data = (await reply.json().catch(() => undefined)) as { errors?: ServerProblem[] } | undefined;
    if (!reply.ok) {
      const problems = Array.isArray(data?.errors) ? data.errors : [];
      throw new ServerError(reply.status, problems.length > 0 ? problems : [{ path: '', message: message(`Máy chủ trả lỗi ${reply.status}`, `The server answered ${reply.status}`) }]);
    }
    return data as T;
  }

  /** Who is signed in, or undefined when nobody is (the session's CSRF token is kept for later calls). */
  async me(): Promise<SignedInUser | undefined> {
    try {
      const { user, csrfToken } = await this.call<{ user: SignedInUser; csrfToken: string }>('GET', '/auth/me');
      this.csrfToken = csrfToken;
      return user;
    } catch (error) {
      if (error instanceof ServerError && error.status === 401) return undefined;
      throw error;
    }
  }

  async signIn(username: string, password: string): Promise<SignedInUser> {
    const { user, csrfToken } = await this.call<{ user: SignedInUser; csrfToken: string }>('POST', '/auth/login', { username, password });
    this.csrfToken = csrfToken;
    return user;
  }

  /** Saves the document as its questionnaire's draft (creating the questionnaire if new) and publishes it; returns the version. */
  async publish(questionnaire: Questionnaire): Promise<number> {
    const id = encodeURIComponent(questionnaire.id);
    try {
      await this.call('PUT', `/questionnaires/${id}/draft`, { questionnaire });
    } catch (error) {
      if (!(error instanceof ServerError && error.status === 404)) throw error;
      await this.call('POST', '/questionnaires', { questionnaire });
    }
    const { version } = await this.call<{ version: number }>('POST', `/questionnaires/${id}/publish`);
    return version;
  }
}
