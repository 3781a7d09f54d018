import { adminCustomerRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import { registerRoute } from '../../lib/route';
import { noteStaffChange } from '../staff/staff-audit';
import { createCustomerAccount } from './admin-customers.service';
import { getCustomerForStaff, listCustomersForStaff } from './admin-customers-view.service';

export default async function adminCustomersModule(app: FastifyInstance, { config }: { config: AppConfig }) {
  registerRoute(app, adminCustomerRoutes.create, async (request) => {
    const customer = await createCustomerAccount(app.db, request.body, config.PUBLIC_URL, config.provider.name);
    noteStaffChange(request, { customerId: customer.id, subjectId: customer.id, after: { email: customer.email } });
    return { status: 201, body: customer };
  });

  registerRoute(app, adminCustomerRoutes.list, async (request) => ({
    status: 200,
    body: await listCustomersForStaff(app.db, request.query),
  }));

  registerRoute(app, adminCustomerRoutes.get, async (request) => ({
    status: 200,
    body: await getCustomerForStaff(app.db, request.params.id),
  }));
}
