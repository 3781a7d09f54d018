import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { customerProducts, publicCancellationRequests, users } from '../../db/schema/index';

export type NewPublicCancellationRequest = typeof publicCancellationRequests.$inferInsert;

/**
 * The contract a public declaration names, locked for the cancellation — only when the contract
 * number belongs to a live account identified by its customer number or registered e-mail.
 * (No customer id here: finding the customer is the point of this query.)
 */
export async function lockContractForDeclaration(
  tx: DbOrTx,
  declaration: { contractNumber: string; customerNumber: string | null; email: string },
) {
  const identifiesCustomer = declaration.customerNumber
    ? or(eq(users.customerNumber, declaration.customerNumber), eq(sql`lower(${users.email})`, declaration.email))
    : eq(sql`lower(${users.email})`, declaration.email);
  const [row] = await tx
    .select({ product: customerProducts })
    .from(customerProducts)
    .innerJoin(users, eq(users.id, customerProducts.customerId))
    .where(
      and(
        eq(sql`upper(${customerProducts.contractNumber})`, declaration.contractNumber.toUpperCase()),
        isNull(users.deletedAt),
        identifiesCustomer,
      ),
    )
    .for('update', { of: customerProducts })
    .limit(1);
  return row?.product;
}

export async function insertPublicCancellationRequest(db: DbOrTx, values: NewPublicCancellationRequest) {
  const [row] = await db.insert(publicCancellationRequests).values(values).returning();
  if (!row) throw new Error('public cancellation insert returned nothing');
  return row;
}

export interface InstantCursor {
  receivedAt: Date;
  id: string;
}

/** Back office: declarations by status, newest first. */
export async function findPublicCancellationRequests(
  db: DbOrTx,
  status: 'applied' | 'pending_review',
  limit: number,
  cursor?: InstantCursor,
) {
  return db
    .select()
    .from(publicCancellationRequests)
    .where(
      and(
        eq(publicCancellationRequests.status, status),
        cursor
          ? or(
              lt(publicCancellationRequests.receivedAt, cursor.receivedAt),
              and(
                eq(publicCancellationRequests.receivedAt, cursor.receivedAt),
                lt(publicCancellationRequests.id, cursor.id),
              ),
            )
          : undefined,
      ),
    )
    .orderBy(desc(publicCancellationRequests.receivedAt), desc(publicCancellationRequests.id))
    .limit(limit);
}
