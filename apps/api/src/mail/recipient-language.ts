import type { TLanguage } from '@portal/contracts';
import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { customerMembers, users } from '../db/schema/index';
import type { CustomerId } from '../modules/customers/customer-id';

/**
 * The language of a mail to a customer account (invoices, debits, tickets, notices): the member
 * the address belongs to, if it is a member's; otherwise the account's first owner's. German
 * when the account has nobody left (ADR 0025).
 */
export async function languageOfCustomer(db: DbOrTx, customerId: CustomerId, to?: string | null): Promise<TLanguage> {
  const [row] = await db
    .select({ language: users.language })
    .from(customerMembers)
    .innerJoin(users, eq(users.id, customerMembers.userId))
    .where(eq(customerMembers.customerId, customerId))
    .orderBy(
      sql`(lower(${users.email}) = lower(${to ?? ''})) desc`,
      sql`(${customerMembers.role} = 'owner') desc`,
      asc(customerMembers.createdAt),
      asc(customerMembers.userId),
    )
    .limit(1);
  return row?.language ?? 'de';
}
