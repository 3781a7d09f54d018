import type { TAdminTicket, TTicketCategory, TTicketStatus } from '@portal/contracts';
import type { Database, DbOrTx } from '../../db/client';
import type { TicketRow } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import { pageOf } from '../../lib/pagination';
import { sendEmail } from '../../mail/mailer';
import { publishEvent } from '../webhooks/webhooks.service';
import type { CheckedAttachment } from './attachment-content';
import { staffStatusChange } from './ticket-status';
import { staffReplyEmail, statusChangedEmail } from './tickets.emails';
import { decodeCursor, encodeCursor, toTicket, toTicketSummary } from './tickets.mapping';
import { findThread, updateTicketActivity } from './tickets.repository';
import { addMessage } from './tickets.service';
import { findTicketForStaff, findTicketsForStaff } from './tickets-admin.repository';

type TicketWithCustomer = NonNullable<Awaited<ReturnType<typeof findTicketForStaff>>>;

export async function listTicketsForStaff(
  db: Database,
  query: {
    status?: TTicketStatus[] | undefined;
    category?: TTicketCategory | undefined;
    customerId?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  const rows = await findTicketsForStaff(db, {
    statuses: query.status,
    category: query.category,
    customerId: query.customerId,
    beforeNumber: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = pageOf(rows, query.limit, (last) => encodeCursor(last.ticket));
  return {
    items: page.rows.map((row) => ({ ...toTicketSummary(row.ticket), customer: row.customer })),
    nextCursor: page.nextCursor,
    hasMore: page.hasMore,
  };
}

export async function getTicketForStaff(db: DbOrTx, ticketId: string): Promise<TAdminTicket> {
  const found = await findTicketForStaff(db, ticketId);
  if (!found) throw AppError.notFound('ticket');
  return { ...toTicket(found.ticket, await findThread(db, ticketId)), customer: found.customer };
}

async function lockTicket(tx: DbOrTx, ticketId: string): Promise<TicketWithCustomer> {
  const found = await findTicketForStaff(tx, ticketId, { forUpdate: true });
  if (!found) throw AppError.notFound('ticket');
  return found;
}

function mailContext(found: TicketWithCustomer, updated: TicketRow, publicUrl: string) {
  return {
    to: found.customer.email,
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
    await sendEmail(tx, staffReplyEmail(mailContext(found, updated, publicUrl), input.body));
    await publishEvent(tx, found.ticket.customerId, 'ticket.replied', {
      ticketId,
      number: found.ticket.number,
      messageId: message.id,
      status: input.status,
    });
    return message;
  });
}

/** Staff may set any status; the customer gets a mail only when it actually changes. */
export async function setStatusAsStaff(db: Database, ticketId: string, requested: TTicketStatus, publicUrl: string) {
  return db.transaction(async (tx) => {
    const found = await lockTicket(tx, ticketId);
    const { status, changed } = staffStatusChange(found.ticket.status, requested);
    if (!changed) return { ...toTicketSummary(found.ticket), customer: found.customer };
    const updated = await updateTicketActivity(tx, ticketId, status);
    await sendEmail(tx, statusChangedEmail(mailContext(found, updated, publicUrl)));
    return { ...toTicketSummary(updated), customer: found.customer };
  });
}
