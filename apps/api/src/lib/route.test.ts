import { defineRoute } from '@portal/contracts';
import Fastify, { type FastifyReply, type FastifyRequest, type RouteOptions } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it, onTestFinished } from 'vitest';
import { z } from 'zod';
import { responseSerializerCompiler } from './response-serializer';
import { registerRoute } from './route';

const ping = defineRoute({
  method: 'GET',
  operationId: 'getPing',
  path: '/ping',
  summary: 'Ping',
  tags: ['test'],
  access: 'public',
  responses: { 200: z.object({ pong: z.string() }) },
});

async function appWith(
  handler: () => { status: 200; body: { pong: string } } | Promise<{ status: 200; body: { pong: string } }>,
) {
  const app = Fastify({ logger: false });
  onTestFinished(() => app.close());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler('compare'));
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  registerRoute(app, ping, handler);
  await app.ready();
  return { app, route: routes[0] as RouteOptions };
}

describe('a route registered from its contract', () => {
  it('sends the answer of a handler that answers at once without a promise', async () => {
    const { app, route } = await appWith(() => ({ status: 200, body: { pong: 'at once' } }));
    const response = await app.inject({ method: 'GET', url: '/ping' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ pong: 'at once' });
    expect(response.headers.etag).toMatch(/^W\//);
    // The mechanism: Fastify's handler returns nothing to wait for when the route's handler answered at once.
    const sent: unknown[] = [];
    const reply = {
      headers: () => reply,
      header: () => reply,
      status: () => reply,
      send: (body: unknown) => {
        sent.push(body);
        return reply;
      },
    };
    const returned = (route.handler as (request: unknown, reply: unknown) => unknown)(
      { url: '/ping', headers: {} } as FastifyRequest,
      reply as unknown as FastifyReply,
    );
    expect(returned).toBeUndefined();
    expect(sent).toEqual([{ pong: 'at once' }]);
  });

  it('waits for a handler that answers later', async () => {
    const { app } = await appWith(async () => {
      await Promise.resolve();
      return { status: 200, body: { pong: 'later' } };
    });
    const response = await app.inject({ method: 'GET', url: '/ping' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ pong: 'later' });
  });
});
