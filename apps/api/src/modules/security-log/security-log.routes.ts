import { adminSecurityLogRoutes, securityLogRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import { registerRoute } from '../../lib/route';
import { listCustomerSecurityEventsForStaff } from './customer-security-log.service';
import { listSecurityEvents } from './security-log';

export default async function securityLogModule(app: FastifyInstance) {
  registerRoute(app, securityLogRoutes.list, async (request) => ({
    status: 200,
    body: await listSecurityEvents(app.db, request.auth.userId, request.query),
    headers: { 'cache-control': 'no-store' },
  }));

  registerRoute(app, adminSecurityLogRoutes.listForCustomer, async (request) => ({
    status: 200,
    body: await listCustomerSecurityEventsForStaff(app.db, request.params.id, request.query),
    headers: { 'cache-control': 'no-store' },
  }));
}
