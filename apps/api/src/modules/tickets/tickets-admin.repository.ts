import type { TTicketCategory, TTicketStatus } from '@portal/contracts';
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { customerContactEmail, customers, ticketAttachments, tickets } from '../../db/schema/index';
import type { CustomerId } from '../customers/customer-id';

// Back office only: staff see every customer's tickets, so these queries take no customer id.
// Only routes with `access: 'staff'` may call them.

const customerColumns = {
  id: customers.id,
  customerNumber: customers.customerNumber,
  name: customers.name,
  company: customers.company,
  email: customerContactEmail,
};

export interface StaffTicketFilter {
  statuses?: TTicketStatus[] | undefined;
  category?: TTicketCategory | undefined;
  customerId?: CustomerId | undefined;
  beforeNumber?: number | undefined;
  limit: number;
}

export async function findTicketsForStaff(db: DbOrTx, filter: StaffTicketFilter) {
  return db
    .select({ ticket: tickets, customer: customerColumns })
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .where(
      and(
        filter.statuses ? inArray(tickets.status, filter.statuses) : undefined,
        filter.category ? eq(tickets.category, filter.category) : undefined,
        filter.customerId ? eq(tickets.customerId, filter.customerId) : undefined,
        filter.beforeNumber !== undefined ? lt(tickets.number, filter.beforeNumber) : undefined,
      ),
    )
    .orderBy(desc(tickets.number))
    .limit(filter.limit);
}

/** Any ticket with its customer; `forUpdate` locks the ticket row for a status change. */
export async function findTicketForStaff(db: DbOrTx, ticketId: string, options: { forUpdate?: boolean } = {}) {
  const query = db
    .select({ ticket: tickets, customer: customerColumns })
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .where(eq(tickets.id, ticketId));
  const [row] = options.forUpdate ? await query.for('update', { of: tickets }) : await query;
  return row;
}

export async function findAttachmentForStaff(db: DbOrTx, ticketId: string, attachmentId: string) {
  const [row] = await db
    .select()
    .from(ticketAttachments)
    .where(and(eq(ticketAttachments.id, attachmentId), eq(ticketAttachments.ticketId, ticketId)));
  return row;
}
