import { and, desc, eq, ilike, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { customerContactEmail, customers } from '../../db/schema/index';
import { cursorError, decodeIdCursor, encodeIdCursor, likePattern, pageOf } from '../../lib/pagination';
import { asCustomerId } from '../customers/customer-id';

// Back office only: staff find any customer, so these queries take no customer id. Only routes
// with `access: 'staff'` may call them.

/** A customer account with the address its mails go to (the first owner's). */
const withContact = { customer: customers, email: customerContactEmail };

/** Newest first, keyset-paginated on (created_at, id); the cursor is the last customer's id. */
export async function findCustomersForStaff(
  db: DbOrTx,
  query: { q?: string | undefined; limit: number; cursor?: string | undefined },
) {
  let position: { createdAt: Date; id: string } | undefined;
  if (query.cursor) {
    const id = asCustomerId(decodeIdCursor(query.cursor));
    const [row] = await db
      .select({ createdAt: customers.createdAt, id: customers.id })
      .from(customers)
      .where(eq(customers.id, id));
    if (!row) throw cursorError();
    position = row;
  }
  const q = query.q?.trim();
  const pattern = q ? likePattern(q) : undefined;
  const rows = await db
    .select(withContact)
    .from(customers)
    .where(
      and(
        q && pattern
          ? or(
              eq(customers.customerNumber, q),
              ilike(customers.name, pattern),
              ilike(customers.company, pattern),
              ilike(customerContactEmail, pattern),
            )
          : undefined,
        position
          ? or(
              lt(customers.createdAt, position.createdAt),
              and(eq(customers.createdAt, position.createdAt), lt(customers.id, asCustomerId(position.id))),
            )
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
