import type { FastifyError, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { sendProblem } from '../plugins/errors';
import { AppError, type FieldError } from './app-error';

const MAX_ERRORS = 10;
const MAX_DEPTH = 32;

/** Collects a field error for every string below `value` that holds a NUL (at most MAX_ERRORS). */
function collectNulErrors(value: unknown, path: string, depth: number, errors: FieldError[]): void {
  if (errors.length >= MAX_ERRORS || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) errors.push({ path: path || 'body', message: 'must not contain NUL characters' });
  } else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      collectNulErrors(value[index], path ? `${path}.${index}` : String(index), depth + 1, errors);
    }
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      collectNulErrors((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key, depth + 1, errors);
    }
  }
}

/** Whether an input part has anything to look at: most GETs have no body, query or params. */
const hasContent = (value: unknown) =>
  value !== undefined && value !== null && (typeof value !== 'object' || !isEmpty(value));
function isEmpty(value: object): boolean {
  for (const key in value) if (Object.hasOwn(value, key)) return false;
  return true;
}

/**
 * PostgreSQL cannot store U+0000 in text, so a NUL anywhere in the input would surface as a 500
 * from the database. It is refused up front, as a field error, for every route. The field errors,
 * or undefined when there are none. It runs on every request: no closure or array is made for
 * one without input (#19).
 */
export function nulCharacterError(request: FastifyRequest): AppError | undefined {
  const { body, query, params } = request;
  if (!hasContent(body) && !hasContent(query) && !hasContent(params)) return undefined;
  const errors: FieldError[] = [];
  collectNulErrors(body, '', 0, errors);
  collectNulErrors(query, 'query', 0, errors);
  collectNulErrors(params, 'params', 0, errors);
  return errors.length > 0 ? AppError.validation(errors) : undefined;
}

/** The hook of every route (a callback hook: no promise per request, #19). */
export function rejectNulCharacters(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) {
  done(nulCharacterError(request));
}

/**
 * Errors the router raises before any hook runs (a malformed percent-encoding, an over-long path
 * parameter): a problem like every other error, with the API's security headers (`apiHeaders`).
 */
export const frameworkErrors =
  (apiHeaders: Readonly<Record<string, string>>) =>
  (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    reply.headers(apiHeaders);
    reply.header('x-request-id', String(request.id));
    const status = error.statusCode ?? 500;
    sendProblem(request, reply, status < 500 ? 'bad_request' : 'internal', status < 500 ? error.message : undefined);
  };
