import type { TTicketStatus } from '@portal/contracts';
import { and, asc, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { preparedFor } from '../../db/prepared';
import { ticketAttachments, ticketMessages, ticketNotes, tickets } from '../../db/schema/index';
import type { CustomerId } from '../customers/customer-id';

export type NewTicket = typeof tickets.$inferInsert;
export type NewTicketMessage = typeof ticketMessages.$inferInsert;
export type NewTicketAttachment = typeof ticketAttachments.$inferInsert;

export interface TicketListFilter {
  statuses?: TTicketStatus[] | undefined;
  /** Keyset: only tickets with a smaller number (older) than this. */
  beforeNumber?: number | undefined;
  limit: number;
}

/** What a list item shows of a ticket (the list and the overview). */
const ticketSummaryColumns = {
  id: tickets.id,
  number: tickets.number,
  subject: tickets.subject,
  category: tickets.category,
  status: tickets.status,
  createdAt: tickets.createdAt,
  updatedAt: tickets.updatedAt,
};

/** The list's first page, unfiltered, as every visit asks it: prepared once. */
const firstPageOfTickets = preparedFor((db) =>
  db
    .select(ticketSummaryColumns)
    .from(tickets)
    .where(eq(tickets.customerId, sql.placeholder('customerId')))
    .orderBy(desc(tickets.number))
    .limit(sql.placeholder('limit'))
    .prepare('tickets_first_page'),
);

/** A customer's tickets, newest first. */
export async function findTicketsOfCustomer(db: DbOrTx, customerId: CustomerId, filter: TicketListFilter) {
  if (!filter.statuses && filter.beforeNumber === undefined) {
    return firstPageOfTickets(db).execute({ customerId, limit: filter.limit });
  }
  return db
    .select(ticketSummaryColumns)
    .from(tickets)
    .where(
      and(
        eq(tickets.customerId, customerId),
        filter.statuses ? inArray(tickets.status, filter.statuses) : undefined,
        filter.beforeNumber !== undefined ? lt(tickets.number, filter.beforeNumber) : undefined,
      ),
    )
    .orderBy(desc(tickets.number))
    .limit(filter.limit);
}

const openTicketsOfCustomer = preparedFor((db) =>
  db
    .select(ticketSummaryColumns)
    .from(tickets)
    .where(and(eq(tickets.customerId, sql.placeholder('customerId')), ne(tickets.status, 'closed')))
    .orderBy(desc(tickets.updatedAt), desc(tickets.number))
    .limit(sql.placeholder('limit'))
    .prepare('overview_open_tickets'),
);

/** The customer's tickets that are not closed, latest activity first (the overview's list). */
export async function findOpenTicketsOfCustomer(db: DbOrTx, customerId: CustomerId, limit = 5) {
  return openTicketsOfCustomer(db).execute({ customerId, limit });
}

/**
 * One of the customer's tickets, or undefined — also when it belongs to someone else.
 * `forUpdate` locks the row so a status transition reads the state it changes.
 */
export async function findTicketOfCustomer(
  db: DbOrTx,
  customerId: CustomerId,
  ticketId: string,
  options: { forUpdate?: boolean } = {},
) {
  const query = db
    .select()
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), eq(tickets.customerId, customerId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertTicket(db: DbOrTx, values: NewTicket) {
  const [row] = await db.insert(tickets).values(values).returning();
  if (!row) throw new Error('ticket insert returned nothing');
  return row;
}

export async function insertTicketMessage(db: DbOrTx, values: NewTicketMessage) {
  const [row] = await db.insert(ticketMessages).values(values).returning();
  if (!row) throw new Error('ticket message insert returned nothing');
  return row;
}

/** Stores the files of one message; answers their metadata (never the bytes). */
export async function insertTicketAttachments(db: DbOrTx, values: NewTicketAttachment[]) {
  if (values.length === 0) return [];
  return db.insert(ticketAttachments).values(values).returning(attachmentMetaColumns);
}

/** Sets the status and marks the activity; the caller has checked ownership or is staff. */
export async function updateTicketActivity(db: DbOrTx, ticketId: string, status: TTicketStatus) {
  const [row] = await db
    .update(tickets)
    .set({ status, updatedAt: sql`now()` })
    .where(eq(tickets.id, ticketId))
    .returning();
  if (!row) throw new Error('ticket update returned nothing');
  return row;
}

const attachmentMetaColumns = {
  id: ticketAttachments.id,
  messageId: ticketAttachments.messageId,
  filename: ticketAttachments.filename,
  contentType: ticketAttachments.contentType,
  sizeBytes: ticketAttachments.sizeBytes,
};
export type AttachmentMeta = {
  id: string;
  messageId: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
};

/** The thread of a ticket whose access the caller has already checked, oldest first. */
export async function findThread(db: DbOrTx, ticketId: string) {
  const [messages, attachments] = await Promise.all([
    db
      .select()
      .from(ticketMessages)
      .where(eq(ticketMessages.ticketId, ticketId))
      .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id)),
    db
      .select(attachmentMetaColumns)
      .from(ticketAttachments)
      .where(eq(ticketAttachments.ticketId, ticketId))
      .orderBy(asc(ticketAttachments.createdAt), asc(ticketAttachments.filename)),
  ]);
  return { messages, attachments };
}

/** An attachment with its bytes, only if its ticket belongs to the customer. */
export async function findAttachmentOfCustomer(
  db: DbOrTx,
  customerId: CustomerId,
  ticketId: string,
  attachmentId: string,
) {
  const [row] = await db
    .select({ attachment: ticketAttachments })
    .from(ticketAttachments)
    .innerJoin(tickets, eq(tickets.id, ticketAttachments.ticketId))
    .where(
      and(
        eq(ticketAttachments.id, attachmentId),
        eq(ticketAttachments.ticketId, ticketId),
        eq(tickets.customerId, customerId),
      ),
    );
  return row?.attachment;
}

/**
 * GDPR erasure of a customer's ticket contents (account deletion): subjects and message bodies
 * are blanked, attachments deleted. The tickets stay as anonymous records of support work.
 */
export async function eraseTicketContentsOf(tx: DbOrTx, customerId: CustomerId) {
  const owned = tx.select({ id: tickets.id }).from(tickets).where(eq(tickets.customerId, customerId));
  await tx.delete(ticketAttachments).where(inArray(ticketAttachments.ticketId, owned));
  await tx.update(ticketMessages).set({ body: '' }).where(inArray(ticketMessages.ticketId, owned));
  await tx.delete(ticketNotes).where(inArray(ticketNotes.ticketId, owned));
  await tx.update(tickets).set({ subject: '', updatedAt: sql`now()` }).where(eq(tickets.customerId, customerId));
}
