import type { TAdminTicket, TTicketCategory, TTicketStatus } from '@portal/contracts';
import type { Database, DbOrTx } from '../../db/client';
import type { TicketRow } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import { pageOf } from '../../lib/pagination';
import { asCustomerId } from '../customers/customer-id';
import { publishEvent } from '../webhooks/webhooks.service';
import type { CheckedAttachment } from './attachment-content';
import { staffStatusChange } from './ticket-status';
import { sendStaffReply, sendStatusChanged } from './tickets.emails';
import { decodeCursor, encodeCursor, toTicket, toTicketSummary } from './tickets.mapping';
import { findThread, updateTicketActivity } from './tickets.repository';
import { addMessage } from './tickets.service';
import {
  findActiveStaff,
  findNotes,
  findTicketForStaff,
  findTicketsForStaff,
  insertNote,
  setAssignee,
} from './tickets-admin.repository';

type TicketWithCustomer = NonNullable<Awaited<ReturnType<typeof findTicketForStaff>>>;

const toAdminSummary = (row: Pick<TicketWithCustomer, 'customer' | 'assignee'>, ticket: TicketRow) => ({
  ...toTicketSummary(ticket),
  customer: row.customer,
  assignee: row.assignee,
});

export async function listTicketsForStaff(
  db: Database,
  staffUserId: string,
  query: {
    status?: TTicketStatus[] | undefined;
    category?: TTicketCategory | undefined;
    customerId?: string | undefined;
    assignee?: 'me' | 'unassigned' | undefined;
    q?: string | undefined;
    order: 'newest' | 'oldest';
    limit: number;
    cursor?: string | undefined;
  },
) {
  const rows = await findTicketsForStaff(db, {
    statuses: query.status,
    category: query.category,
    customerId: query.customerId === undefined ? undefined : asCustomerId(query.customerId),
    assigneeId: query.assignee === 'me' ? staffUserId : query.assignee === 'unassigned' ? null : undefined,
    q: query.q || undefined,
    order: query.order,
    afterNumber: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = pageOf(rows, query.limit, (last) => encodeCursor(last.ticket));
  return {
    items: page.rows.map((row) => toAdminSummary(row, row.ticket)),
    nextCursor: page.nextCursor,
    hasMore: page.hasMore,
  };
}

export async function getTicketForStaff(db: DbOrTx, ticketId: string): Promise<TAdminTicket> {
  const found = await findTicketForStaff(db, ticketId);
  if (!found) throw AppError.notFound('ticket');
  const notes = await findNotes(db, ticketId);
  return {
    ...toTicket(found.ticket, await findThread(db, ticketId)),
    customer: found.customer,
    assignee: found.assignee,
    notes: notes.map((note) => ({ ...note, createdAt: note.createdAt.toISOString() })),
  };
}

/** An internal note: staff only, no e-mail, the customer's thread does not change. */
export async function addNoteAsStaff(db: Database, staffUserId: string, ticketId: string, body: string) {
  return db.transaction(async (tx) => {
    await lockTicket(tx, ticketId);
    const note = await insertNote(tx, { ticketId, authorUserId: staffUserId, body });
    const author = await findActiveStaff(tx, staffUserId);
    return {
      note: { id: note.id, body: note.body, author: author?.name ?? null, createdAt: note.createdAt.toISOString() },
    };
  });
}

/** Assigns the ticket to an active staff member, or releases it; answers before and after. */
export async function assignAsStaff(db: Database, ticketId: string, assigneeId: string | null) {
  return db.transaction(async (tx) => {
    const found = await lockTicket(tx, ticketId);
    const assignee = assigneeId ? await findActiveStaff(tx, assigneeId) : null;
    if (assigneeId && !assignee)
      throw new AppError('unprocessable', 'Tickets can only be assigned to active staff members.');
    await setAssignee(tx, ticketId, assigneeId);
    return {
      before: found.assignee,
      summary: toAdminSummary({ customer: found.customer, assignee: assignee ?? null }, found.ticket),
    };
  });
}

async function lockTicket(tx: DbOrTx, ticketId: string): Promise<TicketWithCustomer> {
  const found = await findTicketForStaff(tx, ticketId, { forUpdate: true });
  if (!found) throw AppError.notFound('ticket');
  return found;
}

function mailContext(found: TicketWithCustomer, updated: TicketRow, publicUrl: string) {
  return {
    to: found.customer.email,
    customerId: found.ticket.customerId,
    customerName: found.customer.name,
    ticketNumber: updated.number,
    subject: updated.subject,
    status: updated.status,
    link: new URL(`/contact/tickets/${updated.id}`, publicUrl).toString(),
  };
}

/** A staff answer moves the ticket (by default to waiting_for_customer) and e-mails the customer. */
export async function replyAsStaff(
  db: Database,
  staffUserId: string,
  ticketId: string,
  input: { body: string; status: TTicketStatus; attachments: CheckedAttachment[] },
  publicUrl: string,
) {
  return db.transaction(async (tx) => {
    const found = await lockTicket(tx, ticketId);
    const message = await addMessage(tx, found.ticket, {
      author: 'staff',
      authorUserId: staffUserId,
      body: input.body,
      attachments: input.attachments,
    });
    const updated = await updateTicketActivity(tx, ticketId, input.status);
    await sendStaffReply(tx, mailContext(found, updated, publicUrl), input.body);
    await publishEvent(tx, found.ticket.customerId, 'ticket.replied', {
      ticketId,
      number: found.ticket.number,
      messageId: message.id,
      status: input.status,
    });
    return { message, customerId: found.customer.id };
  });
}

/** Staff may set any status; the customer gets a mail only when it actually changes. */
export async function setStatusAsStaff(db: Database, ticketId: string, requested: TTicketStatus, publicUrl: string) {
  return db.transaction(async (tx) => {
    const found = await lockTicket(tx, ticketId);
    const { status, changed } = staffStatusChange(found.ticket.status, requested);
    if (!changed) return toAdminSummary(found, found.ticket);
    const updated = await updateTicketActivity(tx, ticketId, status);
    await sendStatusChanged(tx, mailContext(found, updated, publicUrl));
    return toAdminSummary(found, updated);
  });
}
