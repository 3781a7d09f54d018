import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { customerContactEmail, customers } from '../../db/schema/index';
import { cursorError, decodeIdCursor, encodeIdCursor, pageOf } from '../../lib/pagination';
import { asCustomerId } from '../customers/customer-id';
import { customerSearch } from '../customers/customer-search';

// Back office only: staff find any customer, so these queries take no customer id. Only routes
// with `access: 'staff'` may call them.

/** A customer account with the address its mails go to (the first owner's). */
const withContact = { customer: customers, email: customerContactEmail };

/**
 * Newest first, keyset-paginated on (created_at, id): `customers_created_id_idx`. The cursor is
 * the last customer's id; the comparison reads that row's sort key in SQL, at the database's
 * microseconds (a JavaScript date has milliseconds: customers created in the same millisecond
 * were lost between pages).
 */
export async function findCustomersForStaff(
  db: DbOrTx,
  query: { q?: string | undefined; limit: number; cursor?: string | undefined },
) {
  let after: string | undefined;
  if (query.cursor) {
    const id = asCustomerId(decodeIdCursor(query.cursor));
    const [row] = await db.select({ id: customers.id }).from(customers).where(eq(customers.id, id));
    if (!row) throw cursorError();
    after = row.id;
  }
  const q = query.q?.trim();
  const rows = await db
    .select(withContact)
    .from(customers)
    .where(
      and(
        q ? customerSearch(customers.id, q, { byEmail: true }) : undefined,
        after
          ? sql`(${customers.createdAt}, ${customers.id}) < (select c.created_at, c.id from customers c where c.id = ${after})`
          : undefined,
      ),
    )
    .orderBy(desc(customers.createdAt), desc(customers.id))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit, (last) => encodeIdCursor(last.customer.id));
}

export async function findCustomerForStaff(db: DbOrTx, customerId: string) {
  const [row] = await db
    .select(withContact)
    .from(customers)
    .where(eq(customers.id, asCustomerId(customerId)));
  return row;
}
