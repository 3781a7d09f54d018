import type { TTicketCategory, TTicketStatus } from '@portal/contracts';
import { and, asc, desc, eq, gt, ilike, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { customerContactEmail, customers, ticketAttachments, ticketNotes, tickets, users } from '../../db/schema/index';
import { likePattern } from '../../lib/pagination';
import type { CustomerId } from '../customers/customer-id';
import { customerSearch } from '../customers/customer-search';

const assignees = alias(users, 'assignee');
const assigneeColumns = { id: assignees.id, name: assignees.name };

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
  /** A staff member's id, or null for unassigned tickets. */
  assigneeId?: string | null | undefined;
  q?: string | undefined;
  order: 'newest' | 'oldest';
  /** The last ticket number shown (keyset: older ones for `newest`, newer for `oldest`). */
  afterNumber?: number | undefined;
  limit: number;
}

export async function findTicketsForStaff(db: DbOrTx, filter: StaffTicketFilter) {
  return db
    .select({ ticket: tickets, customer: customerColumns, assignee: assigneeColumns })
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .leftJoin(assignees, eq(assignees.id, tickets.assigneeId))
    .where(
      and(
        filter.statuses ? inArray(tickets.status, filter.statuses) : undefined,
        filter.category ? eq(tickets.category, filter.category) : undefined,
        filter.customerId ? eq(tickets.customerId, filter.customerId) : undefined,
        filter.assigneeId === null ? isNull(tickets.assigneeId) : undefined,
        filter.assigneeId ? eq(tickets.assigneeId, filter.assigneeId) : undefined,
        filter.q ? searchTickets(filter.q) : undefined,
        filter.afterNumber === undefined
          ? undefined
          : filter.order === 'oldest'
            ? gt(tickets.number, filter.afterNumber)
            : lt(tickets.number, filter.afterNumber),
      ),
    )
    .orderBy(filter.order === 'oldest' ? asc(tickets.number) : desc(tickets.number))
    .limit(filter.limit);
}

function searchTickets(q: string) {
  const pattern = likePattern(q);
  return or(
    /^\d{1,9}$/.test(q) ? eq(tickets.number, Number(q)) : undefined,
    ilike(tickets.subject, pattern),
    customerSearch(tickets.customerId, q, { byEmail: true }),
  );
}

/** Any ticket with its customer; `forUpdate` locks the ticket row for a status change. */
export async function findTicketForStaff(db: DbOrTx, ticketId: string, options: { forUpdate?: boolean } = {}) {
  const query = db
    .select({ ticket: tickets, customer: customerColumns, assignee: assigneeColumns })
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .leftJoin(assignees, eq(assignees.id, tickets.assigneeId))
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

/** The staff's internal notes on a ticket, oldest first, with their authors' names. */
export async function findNotes(db: DbOrTx, ticketId: string) {
  return db
    .select({ id: ticketNotes.id, body: ticketNotes.body, createdAt: ticketNotes.createdAt, author: users.name })
    .from(ticketNotes)
    .leftJoin(users, eq(users.id, ticketNotes.authorUserId))
    .where(eq(ticketNotes.ticketId, ticketId))
    .orderBy(asc(ticketNotes.createdAt), asc(ticketNotes.id));
}

export async function insertNote(db: DbOrTx, note: { ticketId: string; authorUserId: string; body: string }) {
  const [row] = await db.insert(ticketNotes).values(note).returning();
  if (!row) throw new Error('note insert returned nothing');
  return row;
}

export async function setAssignee(db: DbOrTx, ticketId: string, assigneeId: string | null) {
  await db.update(tickets).set({ assigneeId, updatedAt: sql`now()` }).where(eq(tickets.id, ticketId));
}

/** An active staff member (assignment target), or undefined. */
export async function findActiveStaff(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.role, 'staff'), isNull(users.disabledAt)));
  return row;
}
