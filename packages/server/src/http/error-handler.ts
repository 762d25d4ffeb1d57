import type { FastifyError, FastifyInstance } from 'fastify';
import { message } from '@sipas/schema';
import { HttpError, located, MESSAGES, type ErrorBody } from './errors.js';

/**
 * Every failure leaves in the one error shape (errors.ts): our own HttpErrors, Fastify's own
 * refusals (unknown route, unreadable or oversized body, wrong content type, schema validation) and,
 * as a generic 500 that never shows a stack trace, real failures, which are logged.
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
    request.log.error({ err: error }, 'request failed');
    void reply.code(500).send({ errors: [located('', 'internal', MESSAGES.internal)] } satisfies ErrorBody);
  });
}

/** Fastify's own 4xx refusals in our shape, or undefined for a real failure. */
function fastifyRefusal(error: FastifyError, bodyLimitBytes: number): { status: number; errors: ErrorBody['errors'] } | undefined {
  const carried = carriedRefusal(error);
  if (carried) return carried;
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
  // Route schemas (the reports module may declare them): Fastify's validation, located.
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

/**
 * Any other module's error that already carries a 4xx status (`statusCode` or `status`) and located
 * errors, such as the reports module's own error class, is sent as it is.
 */
function carriedRefusal(error: unknown): { status: number; errors: ErrorBody['errors'] } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { statusCode, status, errors } = error as { statusCode?: unknown; status?: unknown; errors?: unknown };
  const code = typeof statusCode === 'number' ? statusCode : status;
  if (typeof code !== 'number' || code < 400 || code > 499 || !Array.isArray(errors) || errors.length === 0) return undefined;
  const wellFormed = errors.every(
    (item) =>
      typeof item?.path === 'string' && typeof item?.code === 'string' && typeof item?.message?.vi === 'string' && typeof item?.message?.en === 'string',
  );
  return wellFormed ? { status: code, errors: errors as ErrorBody['errors'] } : undefined;
}
