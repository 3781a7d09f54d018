import { z } from 'zod';
import { fieldErrorCodes, type TFieldErrorCode } from './field-errors';

/** The short list of error codes every service throws (one line each on why it exists). */
export const errorCodes = [
  'bad_request', // malformed input that is not a field error (bad JSON, wrong content type)
  'validation_failed', // one or more fields invalid; `errors[]` names them
  'unauthenticated', // no session, expired or revoked session
  'forbidden', // signed in, but the role or origin does not allow this
  'role_forbidden', // a customer member whose role lacks the route's permission (ADR 0020)
  'scope_forbidden', // a personal API token without the route's scope, or on a route no token reaches (ADR 0023)
  'second_factor_required', // the account requires an authenticator app and the member has not set one up yet
  'not_found', // missing, or owned by someone else — deliberately indistinguishable
  'conflict', // the resource's state does not allow the action (already cancelled, paid…)
  'unprocessable', // well-formed but against a business rule (end date too early…)
  'idempotency_key_reused', // 422: the Idempotency-Key was used for another request
  'idempotency_key_in_use', // 409: the first request with this Idempotency-Key is still running
  'precondition_failed', // 412: If-Match names a version that is no longer current
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'service_unavailable', // a dependency (database, PDF renderer) is down or saturated
  'internal', // anything unexpected; never carries details
] as const;
export const ZErrorCode = z.enum(errorCodes);
export type TErrorCode = z.infer<typeof ZErrorCode>;

export const ZFieldError = z.object({
  path: z.string().meta({ description: 'Dotted path of the field, e.g. `address.postalCode`' }),
  code: z.enum(fieldErrorCodes as [TFieldErrorCode, ...TFieldErrorCode[]]).meta({
    description: 'What is wrong, stable for programs; clients show their own text for it',
  }),
  params: z.object({ minimum: z.number().optional(), maximum: z.number().optional() }).optional(),
  message: z.string().meta({ description: 'The same in English, for people reading the answer' }),
});
export type TFieldError = z.infer<typeof ZFieldError>;

/** RFC 9457 problem details, as every 4xx and 5xx answer carries them. */
export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: ZErrorCode,
    requestId: z.string(),
    errors: z.array(ZFieldError).optional(),
  })
  .passthrough()
  .meta({ id: 'Problem' });
export type TProblem = z.infer<typeof ZProblem>;

/** The error statuses that every route may answer with, for the OpenAPI document. */
export const commonProblems = {
  400: ZProblem,
  500: ZProblem,
} as const;
export const authProblems = { ...commonProblems, 401: ZProblem } as const;
export const staffProblems = { ...authProblems, 403: ZProblem } as const;
