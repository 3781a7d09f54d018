import type { TInvoiceStatus } from '@portal/contracts';
import { and, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { customers, invoices } from '../../db/schema/index';
import { likePattern } from '../../lib/pagination';
import { asCustomerId } from '../customers/customer-id';
import { customerSearch } from '../customers/customer-search';
import { debitPending, statusCondition, summaryColumns } from './invoices.repository';

// Back office only: staff see every customer's invoices, so these queries take no customer id.
// Only routes with `access: 'staff'` may call them.

export interface StaffInvoiceListOptions {
  q?: string | undefined;
  statuses?: TInvoiceStatus[] | undefined;
  customerId?: string | undefined;
  today: string;
  limit: number;
  /** Keyset: the last item of the previous page. */
  after?: { issueDate: string; number: string } | undefined;
}

/**
 * Newest first on (issue_date, number), the order of `invoices_issue_date_number_idx`
 * (`invoices_open_issue_date_number_idx` for open and overdue); a customer's own invoices use
 * `invoices_customer_keyset_idx`. The search: `invoices_number_trgm_idx` or-ed with the customers
 * found (`customerSearch`). Name and company are the account's current ones.
 */
export async function findInvoicesForStaff(db: DbOrTx, options: StaffInvoiceListOptions) {
  const conditions: Array<SQL | undefined> = [];
  if (options.customerId) conditions.push(eq(invoices.customerId, asCustomerId(options.customerId)));
  const q = options.q?.trim();
  if (q) {
    const pattern = likePattern(q);
    conditions.push(or(ilike(invoices.number, pattern), customerSearch(invoices.customerId, q, { byEmail: false })));
  }
  if (options.statuses?.length) {
    conditions.push(or(...options.statuses.map((status) => statusCondition(status, options.today))));
  }
  if (options.after) {
    const { issueDate, number } = options.after;
    // A row comparison: one range of the index, where `a < x or (a = x and b < y)` is two.
    conditions.push(sql`(${invoices.issueDate}, ${invoices.number}) < (${issueDate}, ${number})`);
  }
  return db
    .select({
      ...summaryColumns,
      debitPending: sql<boolean>`${debitPending}`,
      customerId: invoices.customerId,
      customerNumber: customers.customerNumber,
      customerName: customers.name,
      customerCompany: customers.company,
    })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(and(...conditions))
    .orderBy(desc(invoices.issueDate), desc(invoices.number))
    .limit(options.limit);
}

/** Whose invoice this is: the back office then reads it through the customer's own services. */
export async function findInvoiceOwner(db: DbOrTx, invoiceId: string) {
  const [row] = await db.select({ customerId: invoices.customerId }).from(invoices).where(eq(invoices.id, invoiceId));
  return row?.customerId;
}
