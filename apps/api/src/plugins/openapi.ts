import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { addMultipartBodies, type OperationConfig, shapeOperation, TAGS } from './openapi-document';

export const API_PREFIX = '/api/v1';

/** The OpenAPI 3.1 document, generated from the contracts, and its reference page. */
export default fp(
  async (app: FastifyInstance, { secure }: { secure: boolean }) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Customer portal API',
          version: '1.0.0',
          description:
            'The REST API of the customer portal. Amounts are integer cents, calendar dates `YYYY-MM-DD`, instants RFC 3339 UTC. Every error is RFC 9457 problem+json.',
        },
        servers: [{ url: '/' }],
        tags: [...TAGS],
        components: {
          securitySchemes: {
            bearerAuth: {
              type: 'http',
              scheme: 'bearer',
              description:
                'An access token from `POST /auth/login` with `tokenDelivery: "bearer"` (a JWT), or a personal API token (`pat_…`, Stammdaten › API-Zugänge) limited to its scopes',
            },
            cookieAuth: { type: 'apiKey', in: 'cookie', name: 'portal_session' },
          },
        },
      },
      transform: (input) => {
        const output = jsonSchemaTransform(input);
        shapeOperation(output.schema as Record<string, unknown>, (input.route.config ?? {}) as OperationConfig);
        return output;
      },
      transformObject: (input) => addMultipartBodies(jsonSchemaTransformObject(input) as never),
    });
    app.get(`${API_PREFIX}/openapi.json`, { schema: { hide: true } }, async () => app.swagger());
    await app.register(swaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: true,
      // Never framed (clickjacking), no third-party validator badge; over plain HTTP (local use)
      // upgrading the docs' requests to HTTPS would break them.
      transformStaticCSP: (header) => {
        const policy = header
          .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
          .replace(' validator.swagger.io', '');
        return secure ? policy : policy.replace('upgrade-insecure-requests;', '');
      },
      uiConfig: { docExpansion: 'list', deepLinking: true, validatorUrl: null },
    });
  },
  { name: 'openapi' },
);
