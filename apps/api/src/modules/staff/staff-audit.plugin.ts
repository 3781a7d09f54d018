import type { FastifyInstance, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { addOnSendToRoutes, onlySafeMethods } from '../../lib/route-hooks';
import { asCustomerId } from '../customers/customer-id';
import { findOwners } from '../customers/customers.repository';
import { recordSecurityEvent } from '../security-log/security-log';
import { insertAuditEvent } from './staff-audit';

/**
 * Every successful change through a staff route is written to the audit log: who, which
 * operation, which object, and what the handler noted (customer, before/after). A change to a
 * customer's data also enters that customer's security log, as done by the provider's team (no
 * address or browser of the staff member). Runs before the answer leaves, so a client that sees
 * the answer finds the entry.
 */
export default fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('staffChange', null);
    const isStaffChange = (route: RouteOptions) =>
      (route.config as { access?: string } | undefined)?.access === 'staff' && !onlySafeMethods(route);
    addOnSendToRoutes(app, isStaffChange, async (request, reply, payload) => {
      const config = request.routeOptions.config;
      if (reply.statusCode >= 300 || !request.auth) return payload;
      const change = request.staffChange ?? {};
      const params = (request.params ?? {}) as { id?: unknown };
      const action = config.operationId ?? `${request.method} ${request.routeOptions.url}`;
      try {
        await app.db.transaction(async (tx) => {
          await insertAuditEvent(tx, {
            staffUserId: request.auth?.userId as string,
            action,
            subjectId: change.subjectId ?? (typeof params.id === 'string' ? params.id : null),
            customerId: change.customerId ?? null,
            requestId: String(request.id),
            before: change.before ?? null,
            after: change.after ?? null,
          });
          // The customer's owners read it in their security log (ADR 0020: the log is per user).
          const owners = change.customerId ? await findOwners(tx, asCustomerId(change.customerId)) : [];
          for (const owner of owners) {
            await recordSecurityEvent(tx, {
              type: 'account.changed_by_provider',
              userId: owner.id,
              origin: null,
              details: { action },
            });
          }
        });
      } catch (error) {
        request.log.error({ err: error, action }, 'could not write the staff audit log');
      }
      return payload;
    });
  },
  { name: 'staff-audit', dependencies: ['database'] },
);
