import { and, asc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { sessions, users } from '../../db/schema/index';

/** A customer's own row; staff and deleted accounts are not customers here. */
export async function findCustomer(db: DbOrTx, customerId: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, customerId), isNull(users.deletedAt)))
    .limit(1);
  return row;
}

export interface ProfileValues {
  name: string;
  company: string | null;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  phone: string | null;
  vatId: string | null;
  vatIdVerifiedAt?: Date | null;
  vatIdVerifiedBy?: string | null;
}

export async function updateProfile(db: DbOrTx, customerId: string, values: ProfileValues) {
  const [row] = await db
    .update(users)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(users.id, customerId), isNull(users.deletedAt)))
    .returning();
  return row;
}

export async function updateEmail(db: DbOrTx, customerId: string, email: string) {
  await db.update(users).set({ email, updatedAt: sql`now()` }).where(eq(users.id, customerId));
}

export async function updatePasswordHash(db: DbOrTx, userId: string, passwordHash: string) {
  await db.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, userId));
}

/** Whether another account already uses the address (compared case-insensitively, as the index does). */
export async function isEmailTaken(db: DbOrTx, email: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return row !== undefined;
}

export async function findActiveSessionsOf(db: DbOrTx, userId: string, now = new Date()) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .orderBy(asc(sessions.createdAt));
}

/**
 * Erases the profile: sign-in goes at once (disabled, no password, an address nobody owns), the row
 * stays only as the owner of retained records. Customer number stays: invoices quote it.
 */
export async function anonymiseCustomer(db: DbOrTx, customerId: string) {
  await db
    .update(users)
    .set({
      email: `deleted-${customerId}@deleted.invalid`,
      passwordHash: null,
      name: 'Gelöschtes Kundenkonto',
      company: null,
      street: null,
      postalCode: null,
      city: null,
      country: null,
      phone: null,
      vatId: null,
      disabledAt: sql`now()`,
      deletedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(users.id, customerId), eq(users.role, 'customer')));
}

export async function findDeletedCustomers(db: DbOrTx) {
  return db.select({ id: users.id, deletedAt: users.deletedAt }).from(users).where(isNotNull(users.deletedAt));
}
