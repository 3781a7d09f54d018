import { and, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { users } from '../../db/schema/index';

/**
 * Removes a deleted customer's row once no module retains anything under it. Only rows with
 * `deleted_at` set, whatever the caller passes. A table nobody registered that still references
 * the row makes this fail (foreign keys to users restrict): the job reports it, nothing is lost.
 */
export async function deleteDeletedCustomerRow(db: DbOrTx, customerId: string): Promise<boolean> {
  const deleted = await db
    .delete(users)
    .where(and(eq(users.id, customerId), isNotNull(users.deletedAt)))
    .returning({ id: users.id });
  return deleted.length > 0;
}
