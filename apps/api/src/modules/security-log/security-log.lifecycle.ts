import { asc, eq } from 'drizzle-orm';
import { securityEvents } from '../../db/schema/index';
import type { DataLifecycle } from '../../lifecycle/data-lifecycle';
import { purgeSecurityEvents } from './security-log';

/**
 * The security log: kept 180 days from each entry (also after deletion: it documents the deletion
 * and what led to it), then purged. No foreign key, so entries never block the account's purge.
 */
export const securityLogLifecycle: DataLifecycle = {
  module: 'security-log',
  tables: [securityEvents],
  keptAfterDeletion: ['securityLog'],
  async export(db, customerId) {
    const rows = await db
      .select()
      .from(securityEvents)
      .where(eq(securityEvents.userId, customerId))
      .orderBy(asc(securityEvents.occurredAt), asc(securityEvents.id));
    return {
      securityLog: rows.map((row) => ({
        id: row.id,
        occurredAt: row.occurredAt.toISOString(),
        type: row.type,
        ipAddress: row.ipAddress,
        userAgent: row.userAgent,
        details: row.details,
      })),
    };
  },
  purge: (db, { now }) => purgeSecurityEvents(db, now),
};
