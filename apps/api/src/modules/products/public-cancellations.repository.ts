import { and, asc, eq, gt, isNull, notInArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { customerContactEmail, customerProducts, customers, publicCancellationRequests } from '../../db/schema/index';

// Declarations from the §312k form. Finding the customer a declaration names is the point of the
// matching queries, so they are not customer-scoped; only the matching job and staff use them.

export type NewPublicCancellationRequest = typeof publicCancellationRequests.$inferInsert;
export type DeclarationStatus = NewPublicCancellationRequest['status'];

export async function insertPublicCancellationRequest(db: DbOrTx, values: NewPublicCancellationRequest) {
  const [row] = await db.insert(publicCancellationRequests).values(values).returning();
  if (!row) throw new Error('public cancellation insert returned nothing');
  return row;
}

/** The oldest declaration not matched yet, locked; SKIP LOCKED lets instances share the work. */
export async function claimReceivedDeclaration(tx: DbOrTx, skip: string[]) {
  const [row] = await tx
    .select()
    .from(publicCancellationRequests)
    .where(
      and(
        eq(publicCancellationRequests.status, 'received'),
        skip.length > 0 ? notInArray(publicCancellationRequests.id, skip) : undefined,
      ),
    )
    .orderBy(asc(publicCancellationRequests.receivedAt), asc(publicCancellationRequests.id))
    .for('update', { skipLocked: true })
    .limit(1);
  return row;
}

/** A declaration staff decide on, locked. */
export async function lockDeclaration(tx: DbOrTx, id: string) {
  const [row] = await tx
    .select()
    .from(publicCancellationRequests)
    .where(eq(publicCancellationRequests.id, id))
    .for('update')
    .limit(1);
  return row;
}

export async function updateDeclaration(
  tx: DbOrTx,
  id: string,
  values: Partial<Omit<NewPublicCancellationRequest, 'id' | 'reference'>>,
) {
  const [row] = await tx
    .update(publicCancellationRequests)
    .set(values)
    .where(eq(publicCancellationRequests.id, id))
    .returning();
  if (!row) throw new Error('declaration update returned nothing');
  return row;
}

const contact = {
  id: customers.id,
  email: customerContactEmail,
  name: customers.name,
  customerNumber: customers.customerNumber,
};

/** The contract a contract number names, locked, with its (live) owner's registered contact. */
export async function lockNamedContract(tx: DbOrTx, contractNumber: string) {
  const [row] = await tx
    .select({ product: customerProducts, owner: contact })
    .from(customerProducts)
    .innerJoin(customers, eq(customers.id, customerProducts.customerId))
    .where(
      and(
        eq(sql`upper(${customerProducts.contractNumber})`, contractNumber.toUpperCase()),
        isNull(customers.deletedAt),
      ),
    )
    .for('update', { of: customerProducts })
    .limit(1);
  return row;
}

/** The live customer a customer number names, with the registered contact. */
export async function findCustomerByNumber(db: DbOrTx, customerNumber: string) {
  const [row] = await db
    .select(contact)
    .from(customers)
    .where(and(eq(customers.customerNumber, customerNumber), isNull(customers.deletedAt)))
    .limit(1);
  return row;
}

export interface InstantCursor {
  receivedAt: Date;
  id: string;
}

/** Back office: declarations by status, oldest first (a queue is worked from its front). */
export async function findDeclarations(db: DbOrTx, status: DeclarationStatus, limit: number, cursor?: InstantCursor) {
  return db
    .select()
    .from(publicCancellationRequests)
    .where(
      and(
        eq(publicCancellationRequests.status, status),
        cursor
          ? or(
              gt(publicCancellationRequests.receivedAt, cursor.receivedAt),
              and(
                eq(publicCancellationRequests.receivedAt, cursor.receivedAt),
                gt(publicCancellationRequests.id, cursor.id),
              ),
            )
          : undefined,
      ),
    )
    .orderBy(asc(publicCancellationRequests.receivedAt), asc(publicCancellationRequests.id))
    .limit(limit);
}
