import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { customerMembers, securityEvents, users } from '../../db/schema/index';
import { cursorError, decodeIdCursor, encodeIdCursor, pageOf } from '../../lib/pagination';
import type { CustomerId } from '../customers/customer-id';

/**
 * The entries of every member of a customer account (owners and members), newest first,
 * keyset-paginated on (occurred_at, id) through `security_events_user_idx`. The log is per user
 * (ADR 0020): the account's entries are those of the users with a membership now, so a removed
 * member's own entries leave with the membership (ADR 0027-b); their removal stays in the log of
 * the owner who removed them.
 */
export async function findCustomerSecurityEvents(
  db: DbOrTx,
  customerId: CustomerId,
  query: { limit: number; cursor?: string | undefined },
) {
  const ofCustomer = and(eq(customerMembers.userId, securityEvents.userId), eq(customerMembers.customerId, customerId));
  let after: string | undefined;
  if (query.cursor) {
    const id = decodeIdCursor(query.cursor);
    // A cursor of another customer's log (or of anything else) does not page into this one.
    const [row] = await db
      .select({ id: securityEvents.id })
      .from(securityEvents)
      .innerJoin(customerMembers, ofCustomer)
      .where(eq(securityEvents.id, id));
    if (!row) throw cursorError();
    after = row.id;
  }
  const rows = await db
    .select({ event: securityEvents, user: { id: users.id, name: users.name, email: users.email } })
    .from(securityEvents)
    .innerJoin(customerMembers, ofCustomer)
    .innerJoin(users, eq(users.id, securityEvents.userId))
    .where(
      // The cursor row's sort key read in SQL, at the database's microseconds.
      after
        ? sql`(${securityEvents.occurredAt}, ${securityEvents.id}) < (select e.occurred_at, e.id from security_events e where e.id = ${after})`
        : undefined,
    )
    .orderBy(desc(securityEvents.occurredAt), desc(securityEvents.id))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit, (last) => encodeIdCursor(last.event.id));
}
