import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { customerMembers, customers, users } from '../../db/schema/index';
import { likePattern } from '../../lib/pagination';

/**
 * The back office's search for customers, as a condition on a list's customer id column: the
 * customer number exactly, part of the name or company, and with `byEmail` part of an owner's
 * e-mail. Written as `= any(array(…))`: PostgreSQL computes the few ids once (trigram indexes,
 * migration 0031) and combines them with the list's other conditions through its indexes,
 * instead of joining every row of a large list and filtering it (docs/benchmarks.md).
 */
export function customerSearch(customerId: AnyPgColumn, q: string, { byEmail }: { byEmail: boolean }): SQL {
  const pattern = likePattern(q);
  const owners = byEmail
    ? sql` union select ${customerMembers.customerId} from ${customerMembers}
        join ${users} on ${users.id} = ${customerMembers.userId}
        where ${customerMembers.role} = 'owner' and ${users.email} ilike ${pattern}`
    : sql``;
  return sql`${customerId} = any(array(select ${customers.id} from ${customers}
    where ${customers.customerNumber} = ${q} or ${customers.name} ilike ${pattern} or ${customers.company} ilike ${pattern}${owners}))`;
}
