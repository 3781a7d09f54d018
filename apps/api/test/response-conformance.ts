import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/**
 * Every answer a route test receives, checked against the served OpenAPI document with an
 * independent JSON Schema validator (ajv, 2020-12) — not the zod schema the document came from:
 * the status is documented (or, for a problem, covered by `default`), the media type is the
 * one documented for it, the body matches its schema, and every API header sent is documented.
 */

type Operation = { responses: Record<string, ResponseObject> };
type ResponseObject = { headers?: Record<string, unknown>; content?: Record<string, { schema?: unknown }> };
type OpenApiDocument = { paths: Record<string, Record<string, Operation>>; components?: unknown };

/** Headers of the API's own making; generic ones (security headers, caching of JSON) are not listed. */
const apiHeaders =
  /^(x-request-id|etag|content-disposition|retry-after|x-ratelimit-[a-z]+|ratelimit(-policy)?|link|idempotent-replayed)$/;

interface Seen {
  method: string;
  route: string;
  status: number;
  headers: Record<string, unknown>;
  payload: string | Buffer | null;
}

export function watchResponses(app: FastifyInstance): { check(): Promise<string[]> } {
  const seen: Seen[] = [];
  let document: OpenApiDocument | undefined;
  let ajv: Ajv2020 | undefined;

  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    if (route?.startsWith('/api/v1/')) {
      seen.push({
        method: request.method.toLowerCase(),
        route: route.replace(/:(\w+)/g, '{$1}'),
        status: reply.statusCode,
        headers: { ...reply.getHeaders() },
        payload: typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : null,
      });
    }
    return payload;
  });

  async function load(): Promise<[OpenApiDocument, Ajv2020]> {
    if (!document || !ajv) {
      document = (await app.inject({ url: '/api/v1/openapi.json' })).json() as OpenApiDocument;
      ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
      addFormats(ajv);
      ajv.addSchema({ ...document, $id: 'openapi.json' } as never);
    }
    return [document, ajv];
  }

  function pointer(...parts: string[]): string {
    return `openapi.json#/${parts.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
  }

  return {
    /** The mismatches since the last call (each described for the failure message). */
    async check(): Promise<string[]> {
      const batch = seen.splice(0);
      if (batch.length === 0) return [];
      const [doc, validator] = await load();
      const mismatches: string[] = [];
      for (const answer of batch) {
        const operation = doc.paths[answer.route]?.[answer.method];
        if (!operation) continue; // hidden routes (the document itself, sandbox pages)
        const label = `${answer.method.toUpperCase()} ${answer.route} → ${answer.status}`;
        const declaredKey = String(answer.status) in operation.responses ? String(answer.status) : 'default';
        const declared = operation.responses[declaredKey];
        if (!declared || (declaredKey === 'default' && answer.status < 400)) {
          mismatches.push(`${label}: status not documented`);
          continue;
        }
        for (const name of Object.keys(answer.headers)) {
          if (apiHeaders.test(name) && !(name in (declared.headers ?? {})))
            mismatches.push(`${label}: header ${name} not documented`);
        }
        const mediaType = String(answer.headers['content-type'] ?? '')
          .split(';')[0]
          ?.trim();
        const body = answer.payload === null ? null : answer.payload.length === 0 ? '' : answer.payload;
        if (!declared.content) {
          if (body) mismatches.push(`${label}: a body (${mediaType}) where none is documented`);
          continue;
        }
        if (!mediaType || !(mediaType in declared.content)) {
          mismatches.push(
            `${label}: served as ${mediaType || 'nothing'}, documented as ${Object.keys(declared.content).join(', ')}`,
          );
          continue;
        }
        const documented = declared.content[mediaType]?.schema as { format?: string } | undefined;
        if (!/json$/.test(mediaType) || body === null || documented?.format === 'binary') continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(String(body));
        } catch {
          mismatches.push(`${label}: ${mediaType} that is not JSON`);
          continue;
        }
        const ref = pointer(
          'paths',
          answer.route,
          answer.method,
          'responses',
          declaredKey,
          'content',
          mediaType,
          'schema',
        );
        const validate = validator.getSchema(ref) ?? validator.compile({ $ref: ref });
        if (!validate(parsed)) {
          mismatches.push(
            `${label}: body differs: ${validator.errorsText(validate.errors)} in ${String(body).slice(0, 200)}`,
          );
        }
      }
      return mismatches;
    },
  };
}
