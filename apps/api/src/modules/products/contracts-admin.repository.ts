import type { TProductStatus } from '@portal/contracts';
import { and, desc, eq, ilike, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { customerProducts, customers, productCancellations, productCatalog } from '../../db/schema/index';
import { likePattern } from '../../lib/pagination';
import { customerSearch } from '../customers/customer-search';
import type { ProductCursor } from './products.repository';

// Back office only: staff see every customer's contracts, so these queries take no customer id.
// Only routes with `access: 'staff'` may call them.

export interface StaffContractListOptions {
  q?: string | undefined;
  status?: TProductStatus | undefined;
  today: string;
  limit: number;
  after?: ProductCursor | undefined;
}

/**
 * The status filter as the lists show it: a cancelled contract past its end date counts as ended
 * before the hourly job has written that down (see `statusOn`).
 */
function statusCondition(status: TProductStatus, today: string): SQL | undefined {
  const pastEnd = sql`${productCancellations.effectiveDate} < ${today}`;
  if (status === 'active') return eq(customerProducts.status, 'active');
  if (status === 'cancellation_pending') {
    return and(eq(customerProducts.status, 'cancellation_pending'), sql`not (${pastEnd})`);
  }
  return or(eq(customerProducts.status, 'ended'), and(eq(customerProducts.status, 'cancellation_pending'), pastEnd));
}

/**
 * Newest start first on (start_date, id): `customer_products_start_idx`, or with a status
 * `customer_products_status_start_idx`. A contract number or customer number matches exactly
 * (case-insensitive for the contract number, its unique index), names and companies in part
 * (`customer_products_name_trgm_idx`, `customerSearch`).
 */
export async function findContractsForStaff(db: DbOrTx, options: StaffContractListOptions) {
  const conditions: Array<SQL | undefined> = [];
  const q = options.q?.trim();
  if (q) {
    const pattern = likePattern(q);
    conditions.push(
      or(
        sql`upper(${customerProducts.contractNumber}) = upper(${q})`,
        ilike(customerProducts.name, pattern),
        customerSearch(customerProducts.customerId, q, { byEmail: false }),
      ),
    );
  }
  if (options.status) conditions.push(statusCondition(options.status, options.today));
  if (options.after) {
    const { startDate, id } = options.after;
    conditions.push(
      or(
        lt(customerProducts.startDate, startDate),
        and(eq(customerProducts.startDate, startDate), lt(customerProducts.id, id)),
      ),
    );
  }
  return db
    .select({
      product: customerProducts,
      catalog: productCatalog,
      cancellation: productCancellations,
      customerNumber: customers.customerNumber,
      customerName: customers.name,
      customerCompany: customers.company,
    })
    .from(customerProducts)
    .innerJoin(productCatalog, eq(productCatalog.id, customerProducts.catalogId))
    .innerJoin(customers, eq(customers.id, customerProducts.customerId))
    .leftJoin(productCancellations, eq(productCancellations.productId, customerProducts.id))
    .where(and(...conditions))
    .orderBy(desc(customerProducts.startDate), desc(customerProducts.id))
    .limit(options.limit);
}

/** Whose contract this is: the back office then reads it through the customer's own queries. */
export async function findContractOwner(db: DbOrTx, productId: string) {
  const [row] = await db
    .select({
      customerId: customerProducts.customerId,
      customerNumber: customers.customerNumber,
      customerName: customers.name,
      customerCompany: customers.company,
      customerType: customers.customerType,
    })
    .from(customerProducts)
    .innerJoin(customers, eq(customers.id, customerProducts.customerId))
    .where(eq(customerProducts.id, productId));
  return row;
}
