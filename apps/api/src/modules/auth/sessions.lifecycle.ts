import { asc, eq, inArray, sql } from 'drizzle-orm';
import { sessions } from '../../db/schema/index';
import { retentionCutoff } from '../../lib/retention-periods';
import type { DataLifecycle } from '../../lifecycle/data-lifecycle';
import { memberUserIds } from '../customers/customers.repository';

/**
 * Sessions hold the address and browser of every sign-in. Deleting the account deletes them at
 * once; otherwise a session that ended (signed out, revoked or expired) stays 90 days for the
 * customer's own review of their sign-ins, then goes.
 */
export const sessionsLifecycle: DataLifecycle = {
  module: 'auth.sessions',
  tables: [sessions],
  keptAfterDeletion: [],
  async export(db, customerId) {
    const rows = await db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, customerId))
      .orderBy(asc(sessions.createdAt));
    return {
      sessions: rows.map((row) => ({
        id: row.id,
        createdAt: row.createdAt.toISOString(),
        lastSeenAt: row.lastSeenAt.toISOString(),
        expiresAt: row.expiresAt.toISOString(),
        revokedAt: row.revokedAt?.toISOString() ?? null,
        userAgent: row.userAgent,
        ipAddress: row.ipAddress,
      })),
    };
  },
  async erase(tx, customerId) {
    await tx.delete(sessions).where(inArray(sessions.userId, memberUserIds(tx, customerId)));
  },
  async purge(db, { now, periods }) {
    const cutoff = retentionCutoff(periods.endedSessions, now);
    const purged = await db
      .delete(sessions)
      .where(
        sql`least(coalesce(${sessions.revokedAt}, ${sessions.expiresAt}), ${sessions.expiresAt}) < ${cutoff.toISOString()}::timestamptz`,
      )
      .returning({ id: sessions.id });
    return purged.length;
  },
};
