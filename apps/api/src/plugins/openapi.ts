import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

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
        components: {
          securitySchemes: {
            bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
            cookieAuth: { type: 'apiKey', in: 'cookie', name: 'portal_session' },
          },
        },
      },
      transform: (input) => {
        const output = jsonSchemaTransform(input);
        // Binary downloads: the contract names the media type, the document describes the bytes.
        const produces = (input.route.config as { produces?: string } | undefined)?.produces;
        if (produces) {
          const schema = output.schema as { response?: Record<string, unknown> };
          schema.response = {
            200: {
              description: 'The file',
              content: { [produces]: { schema: { type: 'string', format: 'binary' } } },
            },
            ...schema.response,
          };
        }
        return output;
      },
      transformObject: jsonSchemaTransformObject,
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
