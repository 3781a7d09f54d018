import type { TLanguage } from '@portal/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { customerMembers, customers, users } from '../../db/schema/index';
import type { CustomerId } from '../customers/customer-id';

/** The members of a customer account with their users, owners first, then by joining. */
export function listMembers(db: DbOrTx, customerId: CustomerId) {
  return db
    .select({ user: users, role: customerMembers.role, joinedAt: customerMembers.createdAt })
    .from(customerMembers)
    .innerJoin(users, eq(users.id, customerMembers.userId))
    .where(eq(customerMembers.customerId, customerId))
    .orderBy(sql`${customerMembers.role} <> 'owner'`, asc(customerMembers.createdAt), asc(customerMembers.userId));
}

/** One member of this customer account; undefined for anyone else's (404). */
export async function findMember(db: DbOrTx, customerId: CustomerId, userId: string) {
  const [row] = await db
    .select({ user: users, role: customerMembers.role, joinedAt: customerMembers.createdAt })
    .from(customerMembers)
    .innerJoin(users, eq(users.id, customerMembers.userId))
    .where(and(eq(customerMembers.customerId, customerId), eq(customerMembers.userId, userId)))
    .limit(1);
  return row;
}

/**
 * Serialises changes to one account's team (row lock on the customer), so two owners demoting
 * each other at once cannot leave the account without an owner.
 */
export async function lockTeam(tx: DbOrTx, customerId: CustomerId) {
  await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId)).for('update');
}

export async function countOwners(db: DbOrTx, customerId: CustomerId) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(customerMembers)
    .innerJoin(users, eq(users.id, customerMembers.userId))
    .where(and(eq(customerMembers.customerId, customerId), eq(customerMembers.role, 'owner')));
  return row?.n ?? 0;
}

export async function setMemberRole(
  db: DbOrTx,
  customerId: CustomerId,
  userId: string,
  role: (typeof customerMembers.$inferSelect)['role'],
) {
  await db
    .update(customerMembers)
    .set({ role })
    .where(and(eq(customerMembers.customerId, customerId), eq(customerMembers.userId, userId)));
}

export async function deleteMembership(db: DbOrTx, customerId: CustomerId, userId: string) {
  await db
    .delete(customerMembers)
    .where(and(eq(customerMembers.customerId, customerId), eq(customerMembers.userId, userId)));
}

/** A removed member's sign-in ends: the user stays (their entries in the log name them), disabled. */
export async function disableUser(db: DbOrTx, userId: string, now: Date) {
  await db.update(users).set({ disabledAt: now, passwordHash: null }).where(eq(users.id, userId));
}

/**
 * Takes back a user whose earlier membership ended (disabled, no membership) for a new invitation:
 * enabled again, without a password until the link sets one.
 */
export async function reviveUser(db: DbOrTx, userId: string, name: string, language: TLanguage) {
  await db.update(users).set({ disabledAt: null, passwordHash: null, name, language }).where(eq(users.id, userId));
}

export async function addMembership(
  db: DbOrTx,
  customerId: CustomerId,
  userId: string,
  role: (typeof customerMembers.$inferSelect)['role'],
  now: Date,
) {
  await db.insert(customerMembers).values({ customerId, userId, role, createdAt: now });
}

/** The owners' rule that every member signs in with an authenticator app. */
export async function setMfaRequired(db: DbOrTx, customerId: CustomerId, required: boolean, now: Date) {
  await db.update(customers).set({ mfaRequired: required, updatedAt: now }).where(eq(customers.id, customerId));
}
