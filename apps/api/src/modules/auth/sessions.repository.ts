import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { customerMembers, customers, sessions, users } from '../../db/schema/index';

export interface NewSession {
  userId: string;
  expiresAt: Date;
  userAgent: string | null;
  ipAddress: string | null;
}

export async function insertSession(db: DbOrTx, session: NewSession) {
  const [row] = await db.insert(sessions).values(session).returning();
  if (!row) throw new Error('session insert returned nothing');
  return row;
}

/**
 * The session with its user and the customer account the user acts for (none for staff), only
 * while it is neither revoked, expired nor its user disabled.
 */
export async function findActiveSession(db: DbOrTx, sessionId: string, now = new Date()) {
  const [row] = await db
    .select({ session: sessions, user: users, customer: customers, memberRole: customerMembers.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(customerMembers, eq(customerMembers.userId, users.id))
    .leftJoin(customers, eq(customers.id, customerMembers.customerId))
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  return row;
}

export async function touchSession(db: DbOrTx, sessionId: string, now = new Date()) {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
}

export async function revokeSession(db: DbOrTx, userId: string, sessionId: string) {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length > 0;
}

/** Ends every session of a user, optionally sparing the one making the request. */
export async function revokeAllSessions(db: DbOrTx, userId: string, exceptSessionId?: string) {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
      ),
    );
}
