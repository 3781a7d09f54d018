import { healthRoutes } from '@portal/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../lib/app-error';
import { registerRoute } from '../../lib/route';

export default async function healthModule(app: FastifyInstance) {
  registerRoute(app, healthRoutes.live, () => ({ status: 200, body: { status: 'ok' as const } }));

  registerRoute(app, healthRoutes.ready, async () => {
    try {
      await app.db.execute(sql`select 1`);
    } catch {
      throw new AppError('service_unavailable', 'The database does not answer.');
    }
    return { status: 200, body: { status: 'ok' as const } };
  });
}
