import type { FastifyError, FastifyInstance } from 'fastify';
import { message } from '@sipas/schema';
import { HttpError, located, MESSAGES, type ErrorBody } from './errors.js';

/**
 * Every failure leaves in the one error shape (errors.ts): our own HttpErrors, Fastify's own
 * refusals (unknown route, unreadable or oversized body, wrong content type, schema validation),
 * values the database cannot hold, and, as a generic 500 that never shows a stack trace, real
 * failures, which are logged without the data they were handling.
 */
export function installErrorHandling(app: FastifyInstance, bodyLimitBytes: number): void {
  app.setNotFoundHandler((_request, reply) => {
    void reply.code(404).send({ errors: [located('', 'not-found', MESSAGES.notFound)] } satisfies ErrorBody);
  });

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      void reply.code(error.statusCode).headers(error.headers).send({ errors: error.errors } satisfies ErrorBody);
      return;
    }
    const known = fastifyRefusal(error, bodyLimitBytes);
    if (known) {
      void reply.code(known.status).send({ errors: known.errors } satisfies ErrorBody);
      return;
    }
    const stored = unstorableValue(error);
    if (stored) {
      void reply.code(422).send({ errors: [stored] } satisfies ErrorBody);
      return;
    }
    request.log.error({ err: loggable(error) }, 'request failed');
    void reply.code(500).send({ errors: [located('', 'internal', MESSAGES.internal)] } satisfies ErrorBody);
  });
}

/**
 * What a failure may put in the log. Database errors carry the statement and its parameters (a
 * response's answers, free text included) and may quote a value in their message: only their
 * code is kept. SIPAS is anonymous; the log must not become a copy of the answers.
 */
function loggable(error: Error & { code?: unknown }): Record<string, unknown> {
  if (isDatabaseError(error)) return { name: error.name, code: error.code };
  return { name: error.name, code: error.code, message: error.message, stack: error.stack };
}

/** PostgreSQL (and PGlite) report errors with a five-character SQLSTATE code. */
const isDatabaseError = (error: { code?: unknown }): error is { code: string } => typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code);

/**
 * SQLSTATE classes for values PostgreSQL cannot store (a NUL character in text, an invalid byte
 * sequence, a number or a date out of range). Checks run first; this answers the client's mistake
 * with a 4xx if one ever slips past them, rather than a 500 a browser outbox would retry forever.
 */
const UNSTORABLE = new Set(['22P05', '22021', '22003', '22007', '22008', '22P02']);

function unstorableValue(error: { code?: unknown }): ErrorBody['errors'][number] | undefined {
  if (!isDatabaseError(error) || !UNSTORABLE.has(error.code)) return undefined;
  return located(
    '',
    'unstorable-value',
    message(
      'Có giá trị không lưu được (ký tự NUL, hoặc số hay ngày tháng ngoài khoảng cho phép)',
      'A value cannot be stored (a NUL character, or a number or date out of range)',
    ),
  );
}

/** Fastify's own 4xx refusals in our shape, or undefined for a real failure. */
function fastifyRefusal(error: FastifyError, bodyLimitBytes: number): { status: number; errors: ErrorBody['errors'] } | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, errors: [located('', 'invalid-json', MESSAGES.invalidJson)] };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, errors: [located('', 'too-large', MESSAGES.tooLarge(bodyLimitBytes))] };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, errors: [located('', 'unsupported-media-type', MESSAGES.unsupportedMediaType)] };
  }
  // A route schema, should a route (or a caller's added route) declare one: Fastify's validation, located.
  if (error.validation) {
    const context = error.validationContext ?? 'body';
    return {
      status: 400,
      errors: error.validation.map((issue) =>
        located(
          `/${context}${issue.instancePath}`,
          'invalid',
          message(`Giá trị không hợp lệ (${context}${issue.instancePath}): ${issue.message ?? ''}`.trim(), `Invalid value (${context}${issue.instancePath}): ${issue.message ?? ''}`.trim()),
        ),
      ),
    };
  }
  // A client-side failure Fastify recognised (status set, under 500) but we have no words for.
  const status = error.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return { status, errors: [located('', 'bad-request', message('Yêu cầu không hợp lệ', 'The request is not valid'))] };
  }
  return undefined;
}
