import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { customerMembers, customers, users } from '../../db/schema/index';
import type { CustomerId } from '../customers/customer-id';

/**
 * Removes a deleted customer's row once no module retains anything under it. Only rows with
 * `deleted_at` set, whatever the caller passes. A table nobody registered that still references
 * the row makes this fail (foreign keys to customers restrict): the job reports it, nothing is lost.
 * The members' (anonymised, disabled) users go with it.
 */
export async function deleteDeletedCustomerRow(db: DbOrTx, customerId: CustomerId): Promise<boolean> {
  return db.transaction(async (tx) => {
    const members = await tx
      .select({ userId: customerMembers.userId })
      .from(customerMembers)
      .innerJoin(customers, eq(customers.id, customerMembers.customerId))
      .where(and(eq(customerMembers.customerId, customerId), isNotNull(customers.deletedAt)));
    const deleted = await tx
      .delete(customers)
      .where(and(eq(customers.id, customerId), isNotNull(customers.deletedAt)))
      .returning({ id: customers.id });
    if (deleted.length > 0 && members.length > 0)
      await tx.delete(users).where(
        inArray(
          users.id,
          members.map((member) => member.userId),
        ),
      );
    return deleted.length > 0;
  });
}
