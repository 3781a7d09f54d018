import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createScheduler, type Scheduler } from '../jobs/scheduler';

declare module 'fastify' {
  interface FastifyInstance {
    jobs: Scheduler;
  }
}

/**
 * Modules register their periodic jobs on `app.jobs`; the server starts ticking after listen
 * (`app.jobs.start()`), tests call `app.jobs.runDue(name)` instead.
 */
export default fp(
  async (app: FastifyInstance, options: { tickMs?: number }) => {
    const scheduler = createScheduler(app.db, app.log, options.tickMs);
    app.decorate('jobs', scheduler);
    app.addHook('onClose', () => scheduler.stop());
  },
  { name: 'jobs', dependencies: ['database'] },
);
