import { and, desc, eq, ilike, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { users } from '../../db/schema/index';
import { cursorError, decodeIdCursor, encodeIdCursor, likePattern } from '../../lib/keyset';
import { pageOf } from '../../lib/pagination';

// Back office only: staff find any customer, so these queries take no customer id. Only routes
// with `access: 'staff'` may call them.

/** Newest first, keyset-paginated on (created_at, id); the cursor is the last customer's id. */
export async function findCustomersForStaff(
  db: DbOrTx,
  query: { q?: string | undefined; limit: number; cursor?: string | undefined },
) {
  let position: { createdAt: Date; id: string } | undefined;
  if (query.cursor) {
    const id = decodeIdCursor(query.cursor);
    const [row] = await db.select({ createdAt: users.createdAt, id: users.id }).from(users).where(eq(users.id, id));
    if (!row) throw cursorError();
    position = row;
  }
  const q = query.q?.trim();
  const pattern = q ? likePattern(q) : undefined;
  const rows = await db
    .select()
    .from(users)
    .where(
      and(
        eq(users.role, 'customer'),
        q && pattern
          ? or(
              eq(users.customerNumber, q),
              ilike(users.name, pattern),
              ilike(users.company, pattern),
              ilike(users.email, pattern),
            )
          : undefined,
        position
          ? or(
              lt(users.createdAt, position.createdAt),
              and(eq(users.createdAt, position.createdAt), lt(users.id, position.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit, (last) => encodeIdCursor(last.id));
}

export async function findCustomerForStaff(db: DbOrTx, customerId: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, customerId), eq(users.role, 'customer')));
  return row;
}
