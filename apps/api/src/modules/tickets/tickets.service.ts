import type { TTicketStatus } from '@portal/contracts';
import type { Database, DbOrTx } from '../../db/client';
import type { TicketRow } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import { pageOf } from '../../lib/pagination';
import type { CustomerId } from '../customers/customer-id';
import { findCustomerProduct } from '../products/products.repository';
import type { CheckedAttachment } from './attachment-content';
import { statusAfterCustomerClose, statusAfterCustomerReply } from './ticket-status';
import { decodeCursor, encodeCursor, toTicket, toTicketMessage, toTicketSummary } from './tickets.mapping';
import {
  findThread,
  findTicketOfCustomer,
  findTicketsOfCustomer,
  insertTicket,
  insertTicketAttachments,
  insertTicketMessage,
  updateTicketActivity,
} from './tickets.repository';

export async function listTickets(
  db: Database,
  customerId: CustomerId,
  query: { status?: TTicketStatus[] | undefined; limit: number; cursor?: string | undefined },
) {
  const rows = await findTicketsOfCustomer(db, customerId, {
    statuses: query.status,
    beforeNumber: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = pageOf(rows, query.limit, encodeCursor);
  return { items: page.rows.map(toTicketSummary), nextCursor: page.nextCursor, hasMore: page.hasMore };
}

export async function getTicket(db: DbOrTx, customerId: CustomerId, ticketId: string) {
  const ticket = await findTicketOfCustomer(db, customerId, ticketId);
  if (!ticket) throw AppError.notFound('ticket');
  return toTicket(ticket, await findThread(db, ticket.id));
}

/** Adds one message with its files to a ticket; used by customers and staff alike. */
export async function addMessage(
  tx: DbOrTx,
  ticket: TicketRow,
  message: { author: 'customer' | 'staff'; authorUserId: string; body: string; attachments: CheckedAttachment[] },
) {
  const row = await insertTicketMessage(tx, {
    ticketId: ticket.id,
    author: message.author,
    authorUserId: message.authorUserId,
    body: message.body,
  });
  const attachments = await insertTicketAttachments(
    tx,
    message.attachments.map((file) => ({ ...file, messageId: row.id, ticketId: ticket.id })),
  );
  return toTicketMessage(row, attachments);
}

export interface OpenTicketInput {
  subject: string;
  category: TicketRow['category'];
  message: string;
  productId?: string | undefined;
  attachments: CheckedAttachment[];
}

/** The ticket and its first message (with files) are written together or not at all. */
export async function openTicket(db: Database, customerId: CustomerId, input: OpenTicketInput) {
  return db.transaction(async (tx) => {
    if (input.productId && !(await findCustomerProduct(tx, customerId, input.productId))) {
      // Someone else's product and a missing one look the same.
      throw AppError.validation([{ path: 'productId', message: 'No such product in your contracts.' }]);
    }
    const ticket = await insertTicket(tx, {
      customerId,
      productId: input.productId ?? null,
      subject: input.subject,
      category: input.category,
    });
    await addMessage(tx, ticket, {
      author: 'customer',
      authorUserId: customerId,
      body: input.message,
      attachments: input.attachments,
    });
    return toTicket(ticket, await findThread(tx, ticket.id));
  });
}

export async function replyAsCustomer(
  db: Database,
  customerId: CustomerId,
  ticketId: string,
  input: { body: string; attachments: CheckedAttachment[] },
) {
  return db.transaction(async (tx) => {
    const ticket = await findTicketOfCustomer(tx, customerId, ticketId, { forUpdate: true });
    if (!ticket) throw AppError.notFound('ticket');
    const status = statusAfterCustomerReply(ticket.status);
    const message = await addMessage(tx, ticket, { author: 'customer', authorUserId: customerId, ...input });
    await updateTicketActivity(tx, ticket.id, status);
    return message;
  });
}

export async function closeAsCustomer(db: Database, customerId: CustomerId, ticketId: string) {
  return db.transaction(async (tx) => {
    const ticket = await findTicketOfCustomer(tx, customerId, ticketId, { forUpdate: true });
    if (!ticket) throw AppError.notFound('ticket');
    return toTicketSummary(await updateTicketActivity(tx, ticket.id, statusAfterCustomerClose(ticket.status)));
  });
}
