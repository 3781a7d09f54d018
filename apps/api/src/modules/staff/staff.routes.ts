import { staffAdminRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import { registerRoute } from '../../lib/route';
import { listAuditEvents, noteStaffChange } from './staff-audit';
import { deactivateStaffUser, inviteStaffUser, listStaffUsers, setStaffRole } from './staff-users.service';

/** Back office, admins: staff accounts and the audit log. */
export default async function staffModule(app: FastifyInstance, { config }: { config: AppConfig }) {
  registerRoute(app, staffAdminRoutes.list, async () => ({
    status: 200,
    body: { items: await listStaffUsers(app.db) },
  }));

  registerRoute(app, staffAdminRoutes.invite, async (request) => {
    const user = await inviteStaffUser(app.db, request.body, config.PUBLIC_URL, config.provider.name);
    noteStaffChange(request, { subjectId: user.id, after: { email: user.email, staffRole: user.staffRole } });
    return { status: 201, body: user };
  });

  registerRoute(app, staffAdminRoutes.setRole, async (request) => {
    const { before, user } = await setStaffRole(app.db, request.auth.userId, request.params.id, request.body.staffRole);
    noteStaffChange(request, { before: { staffRole: before }, after: { staffRole: user.staffRole } });
    return { status: 200, body: user };
  });

  registerRoute(app, staffAdminRoutes.deactivate, async (request) => {
    const user = await deactivateStaffUser(app.db, request.auth.userId, request.params.id);
    noteStaffChange(request, { after: { deactivatedAt: user.deactivatedAt } });
    return { status: 200, body: user };
  });

  registerRoute(app, staffAdminRoutes.auditLog, async (request) => ({
    status: 200,
    body: await listAuditEvents(app.db, request.query),
  }));
}
