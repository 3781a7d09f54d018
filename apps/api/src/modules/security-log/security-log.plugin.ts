import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { deferStrangerEvents, originOf, recordRefusal } from './security-log';

/** Sign-in failures are logged by the sign-in itself, with the account they concern. */
const OWN_EVENTS = new Set(['/api/v1/auth/login']);

/**
 * Records every refused request (401, 403) centrally; services name the request they run for
 * themselves (`originOf`). Registered for the whole app, before the modules.
 */
export default fp(
  async (app: FastifyInstance, options: { batchMs: number }) => {
    // Entries about nobody known (what floods produce) are written once a second in one batch.
    const strangers = deferStrangerEvents(app.db, {
      intervalMs: options.batchMs,
      onError: (error) => app.log.warn({ err: error }, 'could not write a batch of security-log entries'),
    });
    app.addHook('onClose', () => strangers.close());
    app.addHook('onResponse', (request, reply, done) => {
      const status = reply.statusCode;
      if (status !== 401 && status !== 403) return done();
      const route = request.routeOptions.url;
      if (!request.url.startsWith('/api/') || (route && OWN_EVENTS.has(route))) return done();
      recordRefusal(app.db, {
        type: 'access.denied',
        userId: request.auth?.userId ?? null,
        origin: originOf(request),
        details: { status, method: request.method, route: route ?? request.url.split('?')[0]?.slice(0, 200) ?? null },
      }).then(
        () => done(),
        (error: unknown) => {
          request.log.warn({ err: error }, 'could not record a refused request in the security log');
          done();
        },
      );
    });
  },
  { name: 'security-log', dependencies: ['database'] },
);
