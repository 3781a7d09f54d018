import { and, asc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { customerMembers, customers, sessions, users } from '../../db/schema/index';
import type { CustomerId } from '../customers/customer-id';

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

export async function updateProfile(db: DbOrTx, customerId: CustomerId, values: ProfileValues) {
  const [row] = await db
    .update(customers)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(customers.id, customerId), isNull(customers.deletedAt)))
    .returning();
  return row;
}

export async function updateEmail(db: DbOrTx, userId: string, email: string) {
  await db.update(users).set({ email, updatedAt: sql`now()` }).where(eq(users.id, userId));
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
 * Erases the profile: every member's sign-in goes at once (disabled, no password, an address
 * nobody owns), the customer row stays only as the owner of retained records. Customer number
 * stays: invoices quote it.
 */
export async function anonymiseCustomer(db: DbOrTx, customerId: CustomerId) {
  const members = db
    .select({ userId: customerMembers.userId })
    .from(customerMembers)
    .where(eq(customerMembers.customerId, customerId));
  await db
    .update(users)
    .set({
      email: sql`'deleted-' || ${users.id} || '@deleted.invalid'`,
      passwordHash: null,
      name: 'Gelöschtes Benutzerkonto',
      disabledAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(inArray(users.id, members), eq(users.role, 'customer')));
  await db
    .update(customers)
    .set({
      name: 'Gelöschtes Kundenkonto',
      company: null,
      street: null,
      postalCode: null,
      city: null,
      country: null,
      phone: null,
      vatId: null,
      invoiceEmail: null,
      deletedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(eq(customers.id, customerId));
}

export async function findDeletedCustomers(db: DbOrTx) {
  return db
    .select({ id: customers.id, deletedAt: customers.deletedAt })
    .from(customers)
    .where(isNotNull(customers.deletedAt));
}
