import { and, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { preparedFor } from '../../db/prepared';
import {
  customerContactEmail,
  customerProducts,
  customers,
  type ProductStatusValue,
  productCancellations,
  productCatalog,
} from '../../db/schema/index';
import { today } from '../../lib/calendar';
import type { CustomerId } from '../customers/customer-id';

export type NewCustomerProduct = typeof customerProducts.$inferInsert;
export type NewCancellation = typeof productCancellations.$inferInsert;

/** Keyset position of a product in the newest-first list. */
export interface ProductCursor {
  startDate: string;
  id: string;
}

const productColumns = {
  product: customerProducts,
  catalog: productCatalog,
  cancellation: productCancellations,
};

function joinedProducts(db: DbOrTx) {
  return db
    .select(productColumns)
    .from(customerProducts)
    .innerJoin(productCatalog, eq(productCatalog.id, customerProducts.catalogId))
    .leftJoin(productCancellations, eq(productCancellations.productId, customerProducts.id));
}

export type ProductWithDetails = NonNullable<Awaited<ReturnType<typeof findCustomerProductDetails>>>;

/** The list's first page, what every visit asks: prepared once. */
const firstPageOfProducts = preparedFor((db) =>
  joinedProducts(db)
    .where(eq(customerProducts.customerId, sql.placeholder('customerId')))
    .orderBy(desc(customerProducts.startDate), desc(customerProducts.id))
    .limit(sql.placeholder('limit'))
    .prepare('products_first_page'),
);

/** The customer's products, newest start first, after `cursor` if given. */
export async function findCustomerProducts(db: DbOrTx, customerId: CustomerId, limit: number, cursor?: ProductCursor) {
  if (!cursor) return firstPageOfProducts(db).execute({ customerId, limit });
  return joinedProducts(db)
    .where(
      and(
        eq(customerProducts.customerId, customerId),
        cursor
          ? or(
              lt(customerProducts.startDate, cursor.startDate),
              and(eq(customerProducts.startDate, cursor.startDate), lt(customerProducts.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(customerProducts.startDate), desc(customerProducts.id))
    .limit(limit);
}

/** One product with catalogue entry and cancellation; undefined when missing or someone else's. */
export async function findCustomerProductDetails(db: DbOrTx, customerId: CustomerId, productId: string) {
  const [row] = await joinedProducts(db)
    .where(and(eq(customerProducts.customerId, customerId), eq(customerProducts.id, productId)))
    .limit(1);
  return row;
}

/** The bare contract row (other sections validate a product id with it). */
export async function findCustomerProduct(db: DbOrTx, customerId: CustomerId, productId: string) {
  const [row] = await db
    .select()
    .from(customerProducts)
    .where(and(eq(customerProducts.customerId, customerId), eq(customerProducts.id, productId)))
    .limit(1);
  return row;
}

/** Locks the contract row for a cancellation, so two at once cannot both pass the status check. */
export async function lockCustomerProduct(tx: DbOrTx, customerId: CustomerId, productId: string) {
  const [row] = await tx
    .select()
    .from(customerProducts)
    .where(and(eq(customerProducts.customerId, customerId), eq(customerProducts.id, productId)))
    .for('update')
    .limit(1);
  return row;
}

/**
 * Contracts that stand in the way of deleting the account: still running, or cancelled with an
 * end date not yet reached (used by the account section).
 */
export async function findDeletionBlockingContracts(
  db: DbOrTx,
  customerId: CustomerId,
  onDay: string = today(),
): Promise<Array<{ id: string; name: string }>> {
  return db
    .select({ id: customerProducts.id, name: customerProducts.name })
    .from(customerProducts)
    .leftJoin(productCancellations, eq(productCancellations.productId, customerProducts.id))
    .where(
      and(
        eq(customerProducts.customerId, customerId),
        or(
          eq(customerProducts.status, 'active'),
          and(
            eq(customerProducts.status, 'cancellation_pending'),
            or(isNull(productCancellations.effectiveDate), gt(productCancellations.effectiveDate, onDay)),
          ),
        ),
      ),
    )
    .orderBy(customerProducts.startDate);
}

export async function insertCustomerProduct(db: DbOrTx, values: Omit<NewCustomerProduct, 'contractNumber'>) {
  const [row] = await db
    .insert(customerProducts)
    .values({ ...values, contractNumber: sql`'V-' || nextval('contract_number_seq')::text` })
    .returning();
  if (!row) throw new Error('product insert returned nothing');
  return row;
}

export async function setProductStatus(
  db: DbOrTx,
  customerId: CustomerId,
  productId: string,
  status: ProductStatusValue,
) {
  await db
    .update(customerProducts)
    .set({ status })
    .where(and(eq(customerProducts.customerId, customerId), eq(customerProducts.id, productId)));
}

/** Inserts a cancellation; returns undefined when the product already has one (unique index). */
export async function insertCancellation(db: DbOrTx, values: NewCancellation) {
  const [row] = await db.insert(productCancellations).values(values).onConflictDoNothing().returning();
  return row;
}

/** Ends every cancelled contract whose end date has passed; idempotent (the daily job). */
export async function endExpiredContracts(db: DbOrTx, onDay: string) {
  const expired = db
    .select({ id: productCancellations.productId })
    .from(productCancellations)
    .where(lt(productCancellations.effectiveDate, onDay));
  return db
    .update(customerProducts)
    .set({ status: 'ended' })
    .where(and(eq(customerProducts.status, 'cancellation_pending'), inArray(customerProducts.id, expired)))
    .returning({ id: customerProducts.id });
}

/** Name and registered address of a customer, for the confirmation e-mails. */
export async function findCustomerContact(db: DbOrTx, customerId: CustomerId) {
  const [row] = await db
    .select({
      email: customerContactEmail,
      name: customers.name,
      company: customers.company,
      customerNumber: customers.customerNumber,
    })
    .from(customers)
    .where(eq(customers.id, customerId))
    .limit(1);
  return row;
}

/** Moves the end date of a contract's cancellation (the caller holds the contract's row lock). */
export async function setCancellationEndDate(db: DbOrTx, customerId: CustomerId, productId: string, endDate: string) {
  const [row] = await db
    .update(productCancellations)
    .set({ effectiveDate: endDate })
    .where(and(eq(productCancellations.customerId, customerId), eq(productCancellations.productId, productId)))
    .returning();
  return row;
}
