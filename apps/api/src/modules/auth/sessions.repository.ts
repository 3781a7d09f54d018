import { and, eq, getTableColumns, gt, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { preparedFor } from '../../db/prepared';
import { customerMembers, customers, sessions, type UserRow, users } from '../../db/schema/index';

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

/** A user as a session carries them: everything but the password hash, which no request needs in memory. */
const { passwordHash: _passwordHash, ...sessionUserColumns } = getTableColumns(users);
export type SessionUser = Omit<UserRow, 'passwordHash'>;

/** Built once per database: the query of every signed-in request skips drizzle's SQL building (#19). */
const activeSessionQuery = preparedFor((db) =>
  db
    .select({
      session: { id: sessions.id, userId: sessions.userId, expiresAt: sessions.expiresAt },
      user: sessionUserColumns,
      customer: customers,
      memberRole: customerMembers.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(customerMembers, eq(customerMembers.userId, users.id))
    .leftJoin(customers, eq(customers.id, customerMembers.customerId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('sessionId')),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql.placeholder('now')),
        isNull(users.disabledAt),
      ),
    )
    .limit(1)
    .prepare('find_active_session'),
);

/**
 * The session with its user and the customer account the user acts for (none for staff), only
 * while it is neither revoked, expired nor its user disabled.
 */
export async function findActiveSession(db: DbOrTx, sessionId: string, now = new Date()) {
  const [row] = await activeSessionQuery(db).execute({ sessionId, now });
  return row;
}

/** "Last seen" of many sessions in one statement (the instance's write-behind batch, ADR 0025-d). */
export async function touchSessions(db: DbOrTx, entries: ReadonlyArray<readonly [string, Date]>) {
  const ids = entries.map(([id]) => id);
  const seen = entries.map(([, at]) => at.toISOString());
  await db.execute(sql`update sessions s set last_seen_at = greatest(s.last_seen_at, v.at)
    from unnest(${sql.param(ids)}::uuid[], ${sql.param(seen)}::timestamptz[]) as v(id, at) where s.id = v.id`);
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
