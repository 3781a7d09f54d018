import { adminCustomerRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import { registerRoute } from '../../lib/route';
import { createCustomerAccount } from './admin-customers.service';

export default async function adminCustomersModule(app: FastifyInstance, { config }: { config: AppConfig }) {
  registerRoute(app, adminCustomerRoutes.create, async (request) => ({
    status: 201,
    body: await createCustomerAccount(app.db, request.body, config.PUBLIC_URL, config.provider.name),
  }));
}
