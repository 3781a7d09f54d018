import type { MultipartUpload, RouteAccess, RouteContract } from '@portal/contracts';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestHookHandler,
  preValidationHookHandler,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { idempotencyHooks } from '../idempotency/idempotency';
import type { AuthContext } from '../plugins/auth';
import { type RouteLimit, routeLimitHook } from '../throttling/route-limit';
import type { TokenBucket } from '../throttling/token-bucket';
import { AppError } from './app-error';
import { authorizeMember } from './authorize-member';
import { authorizeStaff } from './authorize-staff';
import { etagOf, matchesEtag, tagPageOnSend } from './etag';
import { type ContentInspector, multipartBody } from './multipart';
import { nextPageUrl } from './pagination';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Media types of a binary 200 answer, for the OpenAPI document. */
    produces?: string | readonly string[] | undefined;
    /** The rest of what the OpenAPI document says about the route (see openapi-document.ts). */
    operationId?: string | undefined;
    access?: RouteAccess | undefined;
    etag?: boolean | undefined;
    download?: boolean | undefined;
    idempotent?: boolean | undefined;
    versioned?: boolean | undefined;
    rateLimited?: boolean | undefined;
    list?: boolean | undefined;
    multipart?: MultipartUpload | undefined;
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

/**
 * A route's own work. Most wait for the database; one that answers from memory (`/me` from the
 * session cache) may answer at once, and is then sent without a promise in between (#19).
 */
type Handler<C extends RouteContract> = (
  request: C['access'] extends 'public' ? ContractRequest<C> : AuthedRequest<C>,
  reply: FastifyReply,
) => ContractReply<C> | Promise<ContractReply<C>>;

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
  /**
   * A budget in this instance's memory (password hashes a second, `app.hashBudget`), checked before
   * every other hook: a request over it is 429 at once, before any counter is written.
   */
  budget?: TokenBucket;
  /** Larger bodies than the global BODY_LIMIT_BYTES, e.g. for attachments. */
  bodyLimit?: number;
  /** Left out of the OpenAPI document (the sandbox's callback in production). */
  hidden?: boolean;
  /**
   * The resource a PUT replaces, as its GET answers it: an `If-Match` naming another version
   * (or any version while there is none) is 412 `precondition_failed`, and the 200 carries the
   * new `ETag`. The contract declares the `if-match` header and the 412.
   */
  currentVersion?: (request: AuthedRequest<RouteContract>) => Promise<unknown>;
  /**
   * For a contract that takes `multipart`: inspects each file part chunk by chunk while it is
   * read (e.g. its type by content); a refused file stops the upload with 415.
   */
  inspectUpload?: () => ContentInspector;
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
  const onRequest: onRequestHookHandler[] = options.budget ? [budgetHook(options.budget)] : [];
  if (contract.access !== 'public') onRequest.push(app.authenticate);
  if (contract.access === 'staff') onRequest.push(authorizeStaff(contract));
  if (contract.permission) onRequest.push(authorizeMember(contract.permission));
  const route = `${contract.method} ${app.prefix}${contract.path}`;
  const limit = options.rateLimit;
  if (limit && (limit.hook ?? 'onRequest') === 'onRequest') onRequest.push(routeLimitHook(app.counters, route, limit));
  const preHandler = limit?.hook === 'preHandler' ? [routeLimitHook(app.counters, route, limit)] : [];
  // Keys belong to a customer account: public and staff routes take none.
  const idempotency = contract.idempotent && contract.access === 'user' ? idempotencyHooks(app) : undefined;
  if (idempotency) preHandler.push(idempotency.preHandler);
  const { currentVersion } = options;
  if (currentVersion) preHandler.push(ifMatchHook(currentVersion));
  // Every JSON GET answers with an ETag and honours If-None-Match (routes of files do it themselves).
  const conditionalGet = contract.method === 'GET' && !contract.produces && !(304 in contract.responses);
  const list = contract.method === 'GET' && isPage(contract.responses[200]);
  const perCustomer =
    contract.access !== 'public' &&
    (options.documents || contract.produces !== undefined || contract.download === true);

  const { produces, consumes } = contract;
  if (consumes) acceptRawBodies(app, consumes);
  const preValidation = consumes ? [requireMediaType(consumes)] : [];
  const { multipart } = contract;
  if (multipart) {
    if (!app.hasContentTypeParser('multipart/form-data')) {
      throw new Error(`${route} takes multipart/form-data: register @fastify/multipart in its plugin first.`);
    }
    preValidation.push(multipartBody(multipart, options.inspectUpload));
  }
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
      etag: 304 in contract.responses || conditionalGet,
      versioned: currentVersion !== undefined,
      rateLimited: limit !== undefined,
      list,
      download: contract.download === true,
      idempotent: idempotency !== undefined,
      multipart,
    },
    onRequest,
    preValidation,
    preHandler,
    // A page of a list is tagged by its serialized text, every other JSON GET by its body below.
    onSend: [...(idempotency ? [idempotency.onSend] : []), ...(list && conditionalGet ? [tagPageOnSend] : [])],
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    handler: (request, reply) => {
      const result = perCustomer
        ? app.documentLimit.run((request as { auth: AuthContext }).auth.userId, async () =>
            handler(request as never, reply),
          )
        : handler(request as never, reply);
      if (result instanceof Promise) return result.then((settled) => answer(request, reply, settled));
      answer(request, reply, result);
      // Sent already: Fastify takes `undefined` from a handler that called `reply.send` itself.
      return undefined;
    },
  });

  /** Sends what the handler answered; the reply, which Fastify awaits when the handler was async. */
  function answer(request: FastifyRequest, reply: FastifyReply, result: ContractReply<C>): FastifyReply {
    if (result.headers) reply.headers(result.headers);
    const next = list && result.status === 200 ? (result.body as { nextCursor?: unknown }).nextCursor : undefined;
    if (typeof next === 'string') reply.header('link', `<${nextPageUrl(request.url, next)}>; rel="next"`);
    if (result.status === 200 && ((conditionalGet && !list) || currentVersion)) {
      const etag = etagOf(result.body);
      reply.header('etag', etag);
      if (conditionalGet && matchesEtag(request.headers['if-none-match'], etag)) return reply.status(304).send();
    }
    reply.status(result.status);
    // Neither carries a body (RFC 9110 §15.3.5, §15.4.5), whatever the handler passed.
    if (result.status === 204 || result.status === 304) return reply.send();
    return reply.send(result.body);
  }
}

function budgetHook(budget: TokenBucket): onRequestHookHandler {
  return (_request, _reply, done) => {
    const verdict = budget.take();
    if (verdict.allowed) return done();
    done(
      new AppError(
        'rate_limited',
        'Too many sign-ins at this moment. Try again shortly.',
        {},
        {
          'retry-after': String(verdict.retryAfterSeconds),
        },
      ),
    );
  };
}

/** A list answer (`listOf` in the contracts): `{ items, nextCursor, hasMore }`. */
function isPage(schema: unknown): boolean {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape !== undefined && 'nextCursor' in shape && 'hasMore' in shape;
}

function ifMatchHook(currentVersion: NonNullable<RouteOptions['currentVersion']>): preValidationHookHandler {
  return async (request) => {
    const header = request.headers['if-match'];
    if (typeof header !== 'string') return;
    const current = await currentVersion(request as AuthedRequest<RouteContract>).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') return undefined;
      throw error;
    });
    if (!matchesEtag(header, current === undefined ? undefined : etagOf(current))) {
      throw new AppError('precondition_failed', 'The resource has changed since the version named in If-Match.');
    }
  };
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
