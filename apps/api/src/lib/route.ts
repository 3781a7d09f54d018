import type { RouteAccess, RouteContract } from '@portal/contracts';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestHookHandler,
  preValidationHookHandler,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AuthContext } from '../plugins/auth';
import { type RouteLimit, routeLimitHook } from '../throttling/route-limit';
import { AppError } from './app-error';
import { authorizeMember } from './authorize-member';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Media types of a binary 200 answer, for the OpenAPI document. */
    produces?: string | readonly string[] | undefined;
    /** The rest of what the OpenAPI document says about the route (see openapi-document.ts). */
    operationId?: string | undefined;
    access?: RouteAccess | undefined;
    etag?: boolean | undefined;
    download?: boolean | undefined;
  }
}

type Output<T> = T extends z.ZodType ? z.output<T> : undefined;

export type ContractRequest<C extends RouteContract> = FastifyRequest<{
  Params: Output<C['params']>;
  Querystring: Output<C['query']>;
  Body: Output<C['body']>;
  Headers: Output<C['headers']>;
}>;

type JsonReply<C extends RouteContract> = {
  [S in keyof C['responses'] & number]: {
    status: S;
    body: z.input<C['responses'][S]>;
    headers?: Record<string, string>;
  };
}[keyof C['responses'] & number];

/** Routes that declare `produces` answer their 200 with raw bytes (PDFs, exports). */
type BinaryReply = { status: 200; body: Buffer; headers?: Record<string, string> };

export type ContractReply<C extends RouteContract> = C['produces'] extends string | readonly string[]
  ? BinaryReply | JsonReply<C>
  : JsonReply<C>;

/** The caller of a route that requires a session; `authenticate` has already run. */
export type AuthedRequest<C extends RouteContract> = ContractRequest<C> & { auth: AuthContext };

type Handler<C extends RouteContract> = (
  request: C['access'] extends 'public' ? ContractRequest<C> : AuthedRequest<C>,
  reply: FastifyReply,
) => Promise<ContractReply<C>>;

export interface RouteOptions {
  /**
   * A fixed-window limit on this route (ADR 0010), per client address; with `hook: 'preHandler'`
   * and a keyGenerator reading `request.auth` per customer (authentication has run by then).
   */
  rateLimit?: RouteLimit;
  /**
   * The route renders or hands out documents (PDF, export, download): per-customer limits apply
   * (`pdf/document-limit.ts`). Implied for every route whose contract `produces` a file or is a `download`.
   */
  documents?: boolean;
  /** Larger bodies than the global BODY_LIMIT_BYTES, e.g. for attachments. */
  bodyLimit?: number;
  /** Left out of the OpenAPI document (the sandbox's callback in production). */
  hidden?: boolean;
}

/**
 * Registers a route from its contract: validation, serialisation, authentication and the
 * OpenAPI entry all come from the one definition in packages/contracts.
 */
export function registerRoute<C extends RouteContract>(
  app: FastifyInstance,
  contract: C,
  handler: Handler<C>,
  options: RouteOptions = {},
): void {
  const onRequest: onRequestHookHandler[] = [];
  if (contract.access !== 'public') onRequest.push(app.authenticate);
  if (contract.access === 'staff') onRequest.push(app.requireStaff);
  if (contract.permission) onRequest.push(authorizeMember(contract.permission));
  const route = `${contract.method} ${app.prefix}${contract.path}`;
  const limit = options.rateLimit;
  if (limit && (limit.hook ?? 'onRequest') === 'onRequest') onRequest.push(routeLimitHook(app.counters, route, limit));
  const preHandler = limit?.hook === 'preHandler' ? [routeLimitHook(app.counters, route, limit)] : [];
  const perCustomer =
    contract.access !== 'public' &&
    (options.documents || contract.produces !== undefined || contract.download === true);

  const { produces, consumes } = contract;
  if (consumes) acceptRawBodies(app, consumes);
  const preValidation = consumes ? [requireMediaType(consumes)] : [];
  const response = produces
    ? Object.fromEntries(Object.entries(contract.responses).filter(([status]) => status !== '200'))
    : contract.responses;

  app.withTypeProvider<ZodTypeProvider>().route({
    method: contract.method,
    url: contract.path,
    schema: {
      summary: contract.summary,
      tags: [...contract.tags],
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { querystring: contract.query } : {}),
      ...(contract.body ? { body: contract.body } : {}),
      ...(consumes ? { consumes: [...consumes] } : {}),
      ...(contract.headers ? { headers: contract.headers } : {}),
      ...(contract.access === 'public' ? {} : { security: [{ bearerAuth: [] }, { cookieAuth: [] }] }),
      ...(options.hidden ? { hide: true } : {}),
      response,
    },
    config: {
      produces,
      operationId: contract.operationId,
      access: contract.access,
      etag: 304 in contract.responses,
      download: contract.download === true,
    },
    onRequest,
    preValidation,
    preHandler,
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    handler: async (request, reply) => {
      const result = perCustomer
        ? await app.documentLimit.run((request as { auth: AuthContext }).auth.userId, () =>
            handler(request as never, reply),
          )
        : await handler(request as never, reply);
      if (result.headers) reply.headers(result.headers);
      reply.status(result.status);
      // Neither carries a body (RFC 9110 §15.3.5, §15.4.5), whatever the handler passed.
      if (result.status === 204 || result.status === 304) return reply.send();
      return reply.send(result.body);
    },
  });
}

/** Routes that take a non-JSON body (XML files) get it as a string, in their plugin's scope. */
function acceptRawBodies(app: FastifyInstance, mediaTypes: readonly string[]) {
  for (const type of mediaTypes) {
    if (app.hasContentTypeParser(type)) continue;
    app.addContentTypeParser(type, { parseAs: 'string' }, (_request, body, done) => done(null, body));
  }
}

/** A route that consumes e.g. XML refuses JSON (which would parse into a string) with 415. */
function requireMediaType(mediaTypes: readonly string[]): preValidationHookHandler {
  return async (request) => {
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!mediaTypes.includes(type)) {
      throw new AppError('unsupported_media_type', `This route takes ${mediaTypes.join(' or ')}.`);
    }
  };
}
