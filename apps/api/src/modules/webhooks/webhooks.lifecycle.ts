import { asc, eq } from 'drizzle-orm';
import { webhookEndpoints } from '../../db/schema/index';
import type { DataLifecycle } from '../../lifecycle/data-lifecycle';
import { purgeOldDeliveries } from './webhooks.repository';

const DELIVERY_LOG_DAYS = 30;

/**
 * Webhook endpoints and their delivery logs: configuration, not records the provider must keep;
 * deleted with the account (the deliveries cascade), delivery logs after 30 days.
 */
export const webhooksLifecycle: DataLifecycle = {
  module: 'webhooks',
  tables: [webhookEndpoints],
  keptAfterDeletion: [],
  async export(db, customerId) {
    const rows = await db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.customerId, customerId))
      .orderBy(asc(webhookEndpoints.createdAt));
    return {
      webhookEndpoints: rows.map((row) => ({
        id: row.id,
        url: row.url,
        events: row.events,
        createdAt: row.createdAt.toISOString(),
      })),
    };
  },
  async erase(tx, customerId) {
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.customerId, customerId));
  },
  async purge(db, { now }) {
    return purgeOldDeliveries(db, new Date(now.getTime() - DELIVERY_LOG_DAYS * 24 * 60 * 60 * 1000));
  },
};
