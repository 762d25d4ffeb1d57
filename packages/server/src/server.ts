import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import { authenticationHook } from './auth/authenticate.js';
import { authRoutes } from './auth/auth-routes.js';
import { ensureInitialAdmin } from './auth/initial-admin.js';
import { MIN_PASSWORD_LENGTH } from './auth/passwords.js';
import { userRoutes } from './auth/user-routes.js';
import type { Database } from './db/database.js';
import { openDatabase } from './db/open-database.js';
import { runMigrations } from './db/run-migrations.js';
import { installErrorHandling } from './http/error-handler.js';
import { refuseUnstorableText } from './http/unstorable-text.js';
import { RateLimiter } from './http/rate-limiter.js';
import { questionnaireManagementRoutes } from './questionnaires/management-routes.js';
import { publicQuestionnaireRoutes } from './questionnaires/public-routes.js';
import { reportRoutes } from './reports/routes.js';
import { responseRoutes } from './responses/response-routes.js';
import type { ServerContext } from './server-context.js';

export const API_PREFIX = '/api/v1';
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
export const DEFAULT_RATE_LIMIT = { responsesPerMinute: 600, loginsPerMinute: 10 } as const;

export interface ServerOptions {
  /** Where embedded PGlite keeps its files (`<dataDir>/pglite`); './.data' by default, ':memory:' for none. */
  dataDir?: string;
  /** A PostgreSQL connection string; process.env.DATABASE_URL by default. Wins over dataDir. */
  databaseUrl?: string;
  /** An open database to use instead (tests pass an in-memory PGlite); the caller closes it. */
  database?: Database;
  /** Largest request body; 1 MiB by default, as the browser outbox expects. */
  bodyLimitBytes?: number;
  /** Per client and minute (IPv6 clients by their /64); sign-ins also per username and client together. */
  rateLimit?: { responsesPerMinute: number; loginsPerMinute: number };
  /** Marks the session cookie Secure: set it whenever the server is reached over HTTPS. */
  secureCookies?: boolean;
  /** Logs every request (method, URL, status; never the client's address). Failures are logged either way. */
  logger?: boolean;
  /** Where log lines go (standard output by default); tests read them. */
  logStream?: NodeJS.WritableStream;
  /** The clock; tests move it to expire sessions and rate windows. */
  now?: () => Date;
  /** The first admin's password, instead of a generated one (at least 10 characters). */
  initialAdminPassword?: string;
  /**
   * Behind a reverse proxy or load balancer: trust its X-Forwarded-For/-Host (Fastify's
   * `trustProxy`), so rate limits count clients rather than the proxy. Off by default.
   */
  trustProxy?: FastifyServerOptions['trustProxy'];
}

export interface SipasServer {
  /** The Fastify instance, not listening yet: callers may register more routes before listen(). */
  app: FastifyInstance;
  db: Database;
  /** The first admin's credentials, only when this start created the account: print them once. */
  initialAdmin?: { username: string; password: string };
  /** Starts listening and resolves to the base URL (`http://127.0.0.1:8080`). */
  listen(port: number, host: string): Promise<string>;
  /** Stops listening, then closes the database when this server opened it. */
  close(): Promise<void>;
}

/**
 * The SIPAS collector and admin service: migrates the database, creates the first admin on a
 * first start, and answers the HTTP API under /api/v1 (ARCHITECTURE.md, "Contracts").
 */
export async function createServer(options: ServerOptions = {}): Promise<SipasServer> {
  if (options.initialAdminPassword !== undefined && [...options.initialAdminPassword].length < MIN_PASSWORD_LENGTH) {
    throw new Error(`initialAdminPassword: at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const db = options.database ?? (await openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir: options.dataDir ?? './.data' }));
  const ownsDatabase = options.database === undefined;
  let initialAdmin: SipasServer['initialAdmin'];
  try {
    await runMigrations(db);
    initialAdmin = await ensureInitialAdmin(db, options.initialAdminPassword);
  } catch (error) {
    if (ownsDatabase) await db.close();
    throw error;
  }

  const now = options.now ?? (() => new Date());
  const bodyLimitBytes = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const context: ServerContext = {
    db,
    now,
    secureCookies: options.secureCookies ?? false,
    limits: {
      responses: new RateLimiter(rateLimit.responsesPerMinute, now),
      loginsPerClient: new RateLimiter(rateLimit.loginsPerMinute, now),
      loginsPerAccountAndClient: new RateLimiter(rateLimit.loginsPerMinute, now),
    },
  };

  const app = Fastify({
    bodyLimit: bodyLimitBytes,
    trustProxy: options.trustProxy ?? false,
    // SIPAS is anonymous: request logs carry the method and URL, never the client's address or user agent.
    logger: {
      level: options.logger ? 'info' : 'error',
      serializers: { req: (request) => ({ method: request.method, url: request.url }) },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    logController: new LogController({ disableRequestLogging: !options.logger }),
  });
  // The API speaks JSON only; text/plain (a way around CORS preflight) gets 415 like any other type.
  app.removeContentTypeParser('text/plain');
  installErrorHandling(app, bodyLimitBytes);
  app.addHook('onSend', async (_request, reply) => {
    // API answers are personal or fresh unless a route says otherwise (published questionnaires do).
    if (!reply.hasHeader('Cache-Control')) void reply.header('Cache-Control', 'no-store');
    void reply.header('X-Content-Type-Options', 'nosniff');
  });
  app.addHook('preValidation', refuseUnstorableText);
  await app.register(cookie);
  app.addHook('onRequest', authenticationHook(context));

  await app.register(
    async (api) => {
      await api.register(publicQuestionnaireRoutes, context);
      await api.register(responseRoutes, context);
      await api.register(authRoutes, context);
      await api.register(userRoutes, context);
      await api.register(questionnaireManagementRoutes, context);
    },
    { prefix: API_PREFIX },
  );
  await app.register(reportRoutes, { prefix: API_PREFIX, db, now });

  let closed = false;
  return {
    app,
    db,
    ...(initialAdmin ? { initialAdmin } : {}),
    listen: (port, host) => app.listen({ port, host }),
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      if (ownsDatabase) await db.close();
    },
  };
}
