import { and, asc, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { customerProducts, customers, productCancellations, productCatalog } from '../../db/schema/index';
import type { InstantCursor } from './public-cancellations.repository';

// Back-office queries: staff act across customers, so these are deliberately not customer-scoped.

export async function findCatalog(db: DbOrTx) {
  return db.select().from(productCatalog).orderBy(asc(productCatalog.kind), asc(productCatalog.sku));
}

export async function findCatalogItemBySku(db: DbOrTx, sku: string) {
  const [row] = await db.select().from(productCatalog).where(eq(productCatalog.sku, sku)).limit(1);
  return row;
}

/** Any customer's contract, locked for a cancellation staff record or link. */
export async function lockProductForStaff(tx: DbOrTx, productId: string) {
  const [row] = await tx
    .select({ product: customerProducts })
    .from(customerProducts)
    .innerJoin(customers, eq(customers.id, customerProducts.customerId))
    .where(and(eq(customerProducts.id, productId), isNull(customers.deletedAt)))
    .for('update', { of: customerProducts })
    .limit(1);
  return row?.product;
}

/** Cancellations whose contracts are still running until their end date, newest first. */
export async function findPendingCancellations(db: DbOrTx, limit: number, cursor?: InstantCursor) {
  return db
    .select({ cancellation: productCancellations, product: customerProducts, customerNumber: customers.customerNumber })
    .from(productCancellations)
    .innerJoin(customerProducts, eq(customerProducts.id, productCancellations.productId))
    .innerJoin(customers, eq(customers.id, productCancellations.customerId))
    .where(
      and(
        eq(customerProducts.status, 'cancellation_pending'),
        cursor
          ? or(
              lt(productCancellations.receivedAt, cursor.receivedAt),
              and(eq(productCancellations.receivedAt, cursor.receivedAt), lt(productCancellations.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(productCancellations.receivedAt), desc(productCancellations.id))
    .limit(limit);
}
