import {
  fieldErrorCodeOf,
  fieldErrorOfIssue,
  fieldMessages,
  isFieldErrorCode,
  type TErrorCode,
  type TFieldError,
  type TProblem,
} from '@portal/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/connection-errors';
import { AppError, type FieldError, httpStatusOf } from '../lib/app-error';

const titles: Record<TErrorCode, string> = {
  bad_request: 'Bad request',
  validation_failed: 'Invalid input',
  unauthenticated: 'Not signed in',
  forbidden: 'Forbidden',
  role_forbidden: 'Not allowed for this role',
  scope_forbidden: 'Not allowed for this token',
  second_factor_required: 'Second factor required',
  not_found: 'Not found',
  conflict: 'Conflict',
  unprocessable: 'Unprocessable request',
  idempotency_key_reused: 'Idempotency key reused',
  idempotency_key_in_use: 'Idempotency key in use',
  precondition_failed: 'Precondition failed',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  rate_limited: 'Too many requests',
  service_unavailable: 'Service unavailable',
  internal: 'Internal server error',
};

/** Fastify's own client errors, by status, when they carry no AppError. */
const codeByStatus: Record<number, TErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  503: 'service_unavailable',
};

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: TErrorCode,
  detail?: string,
  extensions: Record<string, unknown> = {},
): FastifyReply {
  const status = httpStatusOf(code);
  const errors = extensions.errors as FieldError[] | undefined;
  const problem: TProblem = {
    type: `urn:portal:problem:${code}`,
    title: titles[code],
    status,
    ...(detail ? { detail } : {}),
    code,
    requestId: String(request.id),
    ...extensions,
    ...(errors ? { errors: errors.map(codedFieldError) } : {}),
  };
  // Serialised here, not by the route's schema: a problem must go out even from routes
  // whose response schemas do not list this status.
  return reply.status(status).type('application/problem+json; charset=utf-8').serializer(JSON.stringify).send(problem);
}

/** Every field error leaves with its `code` and an English sentence, never a bare code. */
function codedFieldError(error: FieldError): TFieldError {
  const code = error.code ?? fieldErrorCodeOf(error.message);
  const message = isFieldErrorCode(error.message) ? fieldMessages[error.message] : error.message;
  return { path: error.path, code, ...(error.params ? { params: error.params } : {}), message };
}

function validationErrors(error: FastifyError): FieldError[] {
  const context = (error as { validationContext?: string }).validationContext ?? 'body';
  return (error.validation ?? []).map((issue) => {
    const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const prefix = context === 'body' ? '' : `${context === 'querystring' ? 'query' : context}`;
    const coded = fieldErrorOfIssue({ ...issue.params, code: issue.keyword, message: issue.message });
    return {
      path: [prefix, field].filter(Boolean).join('.') || context,
      ...coded,
      message: issue.message ?? fieldMessages.invalid,
    };
  });
}

/** One error path: every failure leaves as RFC 9457 problem+json carrying the request id. */
export default fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof AppError) {
        reply.headers(error.headers);
        return sendProblem(request, reply, error.code, error.detail, error.extensions);
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const errors = validationErrors(error);
        const names = errors.map((entry) => entry.path).join(', ');
        return sendProblem(request, reply, 'validation_failed', `Invalid fields: ${names}.`, { errors });
      }
      if (isResponseSerializationError(error)) {
        request.log.error({ err: error }, 'response does not match its contract');
        return sendProblem(request, reply, 'internal');
      }
      const status = error.statusCode ?? 500;
      if (status < 500 && codeByStatus[status]) {
        const headers = (error as { headers?: Record<string, string> }).headers;
        if (headers) reply.headers(headers);
        return sendProblem(request, reply, codeByStatus[status], error.message);
      }
      if (isDatabaseUnavailable(error)) {
        request.log.error({ err: error }, 'database unavailable');
        reply.header('retry-after', '5');
        return sendProblem(request, reply, 'service_unavailable', 'The service is briefly unavailable. Try again.');
      }
      request.log.error({ err: error }, 'unexpected error');
      const unavailable = status === 503;
      return sendProblem(request, reply, unavailable ? 'service_unavailable' : 'internal');
    });
  },
  { name: 'errors' },
);
