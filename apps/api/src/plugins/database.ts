import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Database, DatabaseHandle } from '../db/client';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
  }
}

/** Exposes the database to the modules; the handle's owner (server or test) opened it. */
export default fp(
  async (app: FastifyInstance, options: { handle: DatabaseHandle; closeWithApp: boolean }) => {
    app.decorate('db', options.handle.db);
    if (options.closeWithApp) app.addHook('onClose', () => options.handle.close());
  },
  { name: 'database' },
);
