import type { TLanguage } from '@portal/contracts';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  type CustomerMemberRow,
  type CustomerRow,
  customerMembers,
  customers,
  type UserRow,
  users,
} from '../../db/schema/index';
import { asCustomerId, type CustomerId } from './customer-id';

export type NewCustomerValues = Omit<
  typeof customers.$inferInsert,
  'id' | 'customerNumber' | 'createdAt' | 'updatedAt' | 'deletedAt'
>;

export interface NewOwner {
  email: string;
  passwordHash: string | null;
  name: string;
  /** The language of the owner's e-mails; omitted: German. */
  language?: TLanguage | undefined;
}

/**
 * A new customer account with its first owner. The owner's user id equals the customer id, as
 * for every account migrated from the time before teams (ADR 0020); members invited later get
 * ids of their own.
 */
export async function insertCustomerWithOwner(db: DbOrTx, customer: NewCustomerValues, owner: NewOwner) {
  const [user] = await db
    .insert(users)
    .values({ role: 'customer', ...owner })
    .returning();
  if (!user) throw new Error('user insert returned nothing');
  const [row] = await db
    .insert(customers)
    .values({ ...customer, id: asCustomerId(user.id), customerNumber: sql`nextval('customer_number_seq')::text` })
    .returning();
  if (!row) throw new Error('customer insert returned nothing');
  await db.insert(customerMembers).values({ customerId: row.id, userId: user.id, role: 'owner' });
  return { customer: row, user };
}

/** A customer account while it is not deleted. */
export async function findCustomer(db: DbOrTx, customerId: CustomerId): Promise<CustomerRow | undefined> {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.id, customerId), isNull(customers.deletedAt)))
    .limit(1);
  return row;
}

/** The membership a user signs in with: staff and users without one get undefined. */
export async function findMembershipOf(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({ customerId: customerMembers.customerId, role: customerMembers.role })
    .from(customerMembers)
    .where(eq(customerMembers.userId, userId))
    .limit(1);
  return row ? { customerId: asCustomerId(row.customerId), role: row.role } : undefined;
}

/** The owners of a customer, first owner first: where customer mail goes. */
export async function findOwners(db: DbOrTx, customerId: CustomerId): Promise<UserRow[]> {
  const rows = await db
    .select({ user: users })
    .from(customerMembers)
    .innerJoin(users, eq(users.id, customerMembers.userId))
    .where(and(eq(customerMembers.customerId, customerId), eq(customerMembers.role, 'owner')))
    .orderBy(asc(customerMembers.createdAt), asc(customerMembers.userId));
  return rows.map((row) => row.user);
}

/** A customer account seen through its first owner: seeds, tests and the back office's answer. */
export type CustomerAccount = CustomerRow &
  Pick<UserRow, 'email' | 'passwordHash' | 'role' | 'disabledAt'> & {
    userId: string;
  };

/** Creates a customer account with its owner from one flat set of values (`name` names both). */
export async function insertCustomerAccount(
  db: DbOrTx,
  values: NewCustomerValues & Omit<NewOwner, 'name'>,
): Promise<CustomerAccount> {
  const { email, passwordHash, language, ...customer } = values;
  const created = await insertCustomerWithOwner(db, customer, { email, passwordHash, name: customer.name, language });
  return {
    ...created.customer,
    email: created.user.email,
    passwordHash: created.user.passwordHash,
    role: created.user.role,
    disabledAt: created.user.disabledAt,
    userId: created.user.id,
  };
}

/** The users who sign in for a customer, as a subquery: erasing per-user data of a deleted account. */
export function memberUserIds(db: DbOrTx, customerId: CustomerId) {
  return db
    .select({ userId: customerMembers.userId })
    .from(customerMembers)
    .where(eq(customerMembers.customerId, customerId));
}

/** A new user who signs in for an existing customer in the given role. */
export async function insertMember(
  db: DbOrTx,
  customerId: CustomerId,
  user: { email: string; passwordHash: string | null; name: string; language?: TLanguage | undefined },
  role: CustomerMemberRow['role'],
) {
  const [row] = await db
    .insert(users)
    .values({ role: 'customer', ...user })
    .returning();
  if (!row) throw new Error('user insert returned nothing');
  await db.insert(customerMembers).values({ customerId, userId: row.id, role });
  return row;
}
