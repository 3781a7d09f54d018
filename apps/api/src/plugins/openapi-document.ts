import type { MultipartUpload, RouteAccess } from '@portal/contracts';

/**
 * Shapes each operation of the generated OpenAPI document the way client generators and linters
 * (openapi-typescript, Redocly, Spectral) expect it: operation ids, the security each route
 * requires (none for public ones), problems served as `application/problem+json`, a `default`
 * problem for the framework's own refusals (413, 415), and the response headers the API sends.
 */

/** What `registerRoute` hands the document through the route's config. */
export interface OperationConfig {
  produces?: string | readonly string[] | undefined;
  operationId?: string | undefined;
  access?: RouteAccess | undefined;
  /** The route answers 200 with an `ETag` and honours `If-None-Match` (304). */
  etag?: boolean | undefined;
  /** A JSON answer sent with `Content-Disposition`. */
  download?: boolean | undefined;
  /** Limited per client or customer: every answer that was counted carries the IETF rate-limit fields. */
  rateLimited?: boolean | undefined;
  /** A page of a list: `Link: <…>; rel="next"` while another page follows. */
  list?: boolean | undefined;
  /** A PUT whose 200 carries the new `ETag` (for its `If-Match`). */
  versioned?: boolean | undefined;
  /** Takes an `Idempotency-Key`: replays answer with `Idempotent-Replayed`, 409/422 for misused keys. */
  idempotent?: boolean | undefined;
  /** Takes `multipart/form-data` beside JSON (ADR 0025). */
  multipart?: MultipartUpload | undefined;
}

export const TAGS = [
  {
    name: 'auth',
    description:
      'Signing in and out (password, the second step with a code or passkey, passkey alone), the signed-in user, password reset.',
  },
  { name: 'overview', description: 'The start page: open invoices, open tickets, announcements.' },
  {
    name: 'products',
    description: 'Booked products, their contract documents, cancellation (also without signing in, §312k BGB).',
  },
  { name: 'invoices', description: 'Invoices, their PDFs and paying them.' },
  { name: 'tickets', description: 'Support tickets with messages and attachments.' },
  {
    name: 'account',
    description:
      'Master data: profile, password, second factors (authenticator app, recovery codes, passkeys), bank data and SEPA mandates, team members and invitations, personal API tokens, sessions, security log, export and deletion.',
  },
  {
    name: 'webhooks',
    description:
      'Webhook endpoints of the customer (Stammdaten › API-Zugänge): events signed per Standard Webhooks, their delivery log and resending.',
  },
  { name: 'provider', description: "The provider's contact details." },
  { name: 'legal', description: 'Impressum (§5 DDG) and privacy notice (Art. 13 GDPR).' },
  { name: 'admin', description: "The provider's back office (staff only)." },
  { name: 'health', description: 'Liveness and readiness probes.' },
] as const;

const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const problemSchema = { $ref: '#/components/schemas/Problem' };

const descriptions: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted: the request was taken; its effect follows',
  204: 'Done; no content',
  304: 'Not modified: the version named in `If-None-Match` is current',
  400: 'Invalid input: `errors[]` names each field and what is wrong with it',
  401: 'Not signed in, or the session or token has ended',
  403: 'Signed in, but this role or origin may not do this',
  404: 'Not found (also when it belongs to someone else)',
  409: 'The resource is in a state that does not allow this',
  412: 'The version named in `If-Match` is no longer current',
  413: 'The body is larger than allowed',
  415: 'The body is not of a media type the route takes',
  422: 'Well-formed, but against a business rule',
  429: 'Too many requests; `Retry-After` says when to try again',
  500: 'Unexpected error; `requestId` identifies it in the logs',
  503: 'A dependency (database, PDF renderer) is unavailable; try again after `Retry-After`',
};

/** @fastify/swagger turns each into `{ description, schema }`. */
const header = (description: string, schema: Record<string, unknown> = { type: 'string' }) => ({
  ...schema,
  description,
});

const requestIdHeader = {
  'x-request-id': header('Identifies the request in the logs; the same as `requestId` in problems'),
};
const retryAfterHeader = {
  'retry-after': header('Seconds to wait before trying again', { type: 'integer', minimum: 0 }),
};
const fileHeaders = {
  'content-disposition': header('`attachment` or `inline` with the file name'),
  'cache-control': header('How long the file may be cached, and by whom'),
};
const etagHeader = { etag: header('Version of the representation, for `If-None-Match`') };
const rateLimitHeaders = {
  'ratelimit-policy': header(
    'The quota of this route (IETF RateLimit fields): `"route";q=<requests>;w=<window in seconds>`',
  ),
  ratelimit: header('What is left of the quota: `"route";r=<remaining requests>;t=<seconds until the window resets>`'),
};
const linkHeader = {
  link: header('`<url>; rel="next"` (RFC 8288) while another page follows: the same request with `cursor` set'),
};
const replayedHeader = {
  'idempotent-replayed': header(
    '`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`',
    {
      type: 'string',
      enum: ['true'],
    },
  ),
};

/** The headers documented for one status of one operation (and checked against what is sent). */
export function responseHeaders(status: number, config: OperationConfig): Record<string, unknown> {
  return {
    ...requestIdHeader,
    ...(status === 429 || status === 503 ? retryAfterHeader : {}),
    ...(status === 200 && config.produces ? { ...fileHeaders, ...etagHeader } : {}),
    ...(status === 200 && config.download ? fileHeaders : {}),
    ...(config.etag && (status === 200 || status === 304) ? etagHeader : {}),
    ...(config.versioned && status === 200 ? etagHeader : {}),
    ...(config.list && status === 200 ? linkHeader : {}),
    ...(config.rateLimited ? rateLimitHeaders : {}),
    ...(config.idempotent && status >= 200 && status < 300 ? replayedHeader : {}),
  };
}

type JsonSchema = Record<string, unknown>;

function response(status: number, schema: JsonSchema | undefined, config: OperationConfig) {
  const description = descriptions[status] ?? 'See the schema';
  const headers = responseHeaders(status, config);
  if (status === 200 && config.produces) {
    const mediaTypes = typeof config.produces === 'string' ? [config.produces] : config.produces;
    const file = { schema: { type: 'string', format: 'binary' } };
    return { description: 'The file', headers, content: Object.fromEntries(mediaTypes.map((type) => [type, file])) };
  }
  // `type: 'null'` is how @fastify/swagger learns that a response has no body.
  if (status === 204 || status === 304 || !schema) return { description, headers, type: 'null' };
  const mediaType = status >= 400 ? PROBLEM_MEDIA_TYPE : 'application/json';
  return { description, headers, content: { [mediaType]: { schema } } };
}

function addHeaderParameter(schema: Record<string, unknown>, name: string, parameter: JsonSchema) {
  const headers = (schema.headers ?? { type: 'object', properties: {} }) as { properties?: Record<string, unknown> };
  headers.properties = { ...headers.properties, [name]: parameter };
  schema.headers = headers;
}

/**
 * Rewrites the route schema produced by fastify-type-provider-zod (`response` keyed by status,
 * each a JSON schema) into full OpenAPI response objects, which @fastify/swagger copies as they
 * are when they carry `content`.
 */
export function shapeOperation(schema: Record<string, unknown>, config: OperationConfig): void {
  if (config.operationId) schema.operationId = config.operationId;
  if (config.access === 'public') schema.security = [];
  const declared = (schema.response ?? {}) as Record<string, JsonSchema>;
  // A misused Idempotency-Key: still running (409), or used for another request (422).
  if (config.idempotent) for (const status of [409, 422]) declared[status] ??= problemSchema;
  if (config.etag && !config.produces) {
    declared[304] ??= { type: 'null' };
    addHeaderParameter(schema, 'if-none-match', {
      type: 'string',
      description: 'The `ETag` of the version you hold: 304 without a body while it is current',
    });
  }
  const statuses = new Set(Object.keys(declared).map(Number));
  if (config.produces) statuses.add(200);
  const shaped: Record<string, unknown> = {};
  for (const status of [...statuses].sort()) shaped[status] = response(status, declared[status], config);
  shaped.default = {
    description:
      'Any other problem, e.g. 413 (body too large) or 415 (unsupported media type), as RFC 9457 problem details',
    headers: responseHeaders(429, { ...config, produces: undefined, etag: false }),
    content: { [PROBLEM_MEDIA_TYPE]: { schema: problemSchema } },
  };
  schema.response = shaped;
  // @fastify/swagger keeps one schema per body and no `encoding`: the multipart form is added to
  // the finished document (`addMultipartBodies`), carried there under this extension key.
  if (config.multipart) schema[MULTIPART_KEY] = config.multipart;
}

const MULTIPART_KEY = 'x-portal-multipart';

interface OpenApiDocument {
  paths?: Record<string, Record<string, Record<string, unknown>>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const megabytes = (bytes: number) => `${bytes / (1024 * 1024)} MiB`;

/**
 * The `multipart/form-data` form of each body that carries files: the JSON body's fields as text
 * parts, the files as binary parts (`type: string, format: binary`) with their accepted types in
 * `encoding`; the JSON form with base64 files stays, described as kept for compatibility.
 */
export function addMultipartBodies<T extends OpenApiDocument>(document: T): T {
  for (const operations of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      const upload = operation[MULTIPART_KEY] as MultipartUpload | undefined;
      if (!upload) continue;
      delete operation[MULTIPART_KEY];
      const body = operation.requestBody as { description?: string; content: Record<string, { schema: JsonSchema }> };
      const json = body.content['application/json'];
      if (!json) throw new Error(`${String(operation.operationId)} takes files but has no JSON body to extend`);
      const ref = json.schema.$ref as string | undefined;
      const fields = (ref ? document.components?.schemas?.[ref.split('/').pop() ?? ''] : json.schema) ?? {};
      const { [upload.field]: _base64, ...properties } = (fields.properties ?? {}) as Record<string, JsonSchema>;
      const required = ((fields.required ?? []) as string[]).filter((name) => name !== upload.field);
      const types = upload.mediaTypes.join(', ');
      body.description = `\`multipart/form-data\` (recommended): the fields as text parts, each file as a part named \`${upload.field}\`. \`application/json\`: the same fields, the files base64-encoded in \`${upload.field}\` (kept for compatibility; a third larger on the wire).`;
      body.content['multipart/form-data'] = {
        schema: {
          type: 'object',
          properties: {
            ...properties,
            [upload.field]: {
              type: 'array',
              maxItems: upload.maxFiles,
              items: { type: 'string', format: 'binary' },
              description: `Up to ${upload.maxFiles} files (${types}, decided by their content), each at most ${megabytes(upload.maxFileBytes)}, together at most ${megabytes(upload.maxTotalBytes)}. The upload stops at the first byte over a limit (413) or at the first bytes of a refused type (415).`,
            },
          },
          ...(required.length > 0 ? { required } : {}),
        },
        encoding: { [upload.field]: { contentType: types } },
      } as never;
    }
  }
  return document;
}
