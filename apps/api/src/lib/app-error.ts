import type { TErrorCode, TFieldErrorCode, TFieldErrorParams } from '@portal/contracts';

const statusOf: Record<TErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  role_forbidden: 403,
  scope_forbidden: 403,
  second_factor_required: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  idempotency_key_reused: 422,
  idempotency_key_in_use: 409,
  precondition_failed: 412,
  rate_limited: 429,
  internal: 500,
  service_unavailable: 503,
};

/**
 * One invalid field. `message` is a sentence of `fieldMessages` (or a code of it), from which the
 * errors plugin derives `code`; give `code` explicitly where the message carries values.
 */
export interface FieldError {
  path: string;
  message: string;
  code?: TFieldErrorCode;
  params?: TFieldErrorParams;
}

/** The one error type services throw; the errors plugin turns it into problem+json. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: TErrorCode,
    readonly detail?: string,
    /** Extra members of the problem document, e.g. `blockers` or `earliestEndDate`. */
    readonly extensions: Record<string, unknown> & { errors?: FieldError[] } = {},
    /** Response headers such as `Retry-After`. */
    readonly headers: Record<string, string> = {},
  ) {
    // A 4xx is an answer, not a fault: nobody reads its stack, and capturing one cost a refused
    // sign-in of a flood ≈ 9 % of its CPU (#19). A 5xx keeps its stack for the log.
    const stackTraceLimit = Error.stackTraceLimit;
    if (statusOf[code] < 500) Error.stackTraceLimit = 0;
    super(detail ?? code);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = 'AppError';
    this.status = statusOf[code];
  }

  static notFound(what = 'resource'): AppError {
    return new AppError('not_found', `The ${what} does not exist.`);
  }

  static validation(errors: FieldError[], detail = 'One or more fields are invalid.'): AppError {
    return new AppError('validation_failed', detail, { errors });
  }
}

export function httpStatusOf(code: TErrorCode): number {
  return statusOf[code];
}
