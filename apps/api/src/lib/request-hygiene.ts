import type { FastifyError, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { sendProblem } from '../plugins/errors';
import { AppError, type FieldError } from './app-error';

/**
 * PostgreSQL cannot store U+0000 in text, so a NUL anywhere in the input would surface as a 500
 * from the database. It is refused up front, as a field error, for every route. The field errors,
 * or undefined when there are none.
 */
export function nulCharacterError(request: FastifyRequest): AppError | undefined {
  const errors: FieldError[] = [];
  const visit = (value: unknown, path: string, depth: number) => {
    if (errors.length >= 10 || depth > 32) return;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) errors.push({ path: path || 'body', message: 'must not contain NUL characters' });
    } else if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) visit(item, path ? `${path}.${index}` : String(index), depth + 1);
    } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [key, item] of Object.entries(value)) visit(item, path ? `${path}.${key}` : key, depth + 1);
    }
  };
  visit(request.body, '', 0);
  visit(request.query, 'query', 0);
  visit(request.params, 'params', 0);
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
