import { asc, eq, inArray } from 'drizzle-orm';
import { ticketAttachments, ticketMessages, ticketNotes, tickets } from '../../db/schema/index';
import type { DataLifecycle } from '../../lifecycle/data-lifecycle';
import { eraseTicketContentsOf } from './tickets.repository';

/**
 * Tickets: exported with their threads and attachment metadata (the bytes are downloadable in the
 * portal); erased on deletion down to anonymous records of support work, which go with the
 * account row (ON DELETE CASCADE) when the retention job removes it.
 */
export const ticketsLifecycle: DataLifecycle = {
  module: 'tickets',
  tables: [tickets, ticketMessages, ticketAttachments, ticketNotes],
  keptAfterDeletion: [],
  async export(db, customerId) {
    const ticketRows = await db
      .select()
      .from(tickets)
      .where(eq(tickets.customerId, customerId))
      .orderBy(asc(tickets.number));
    const ids = ticketRows.map((ticket) => ticket.id);
    const [messages, attachments] =
      ids.length === 0
        ? [[], []]
        : await Promise.all([
            db
              .select()
              .from(ticketMessages)
              .where(inArray(ticketMessages.ticketId, ids))
              .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id)),
            db
              .select({
                id: ticketAttachments.id,
                messageId: ticketAttachments.messageId,
                filename: ticketAttachments.filename,
                contentType: ticketAttachments.contentType,
                sizeBytes: ticketAttachments.sizeBytes,
                sha256: ticketAttachments.sha256,
                createdAt: ticketAttachments.createdAt,
              })
              .from(ticketAttachments)
              .where(inArray(ticketAttachments.ticketId, ids))
              .orderBy(asc(ticketAttachments.createdAt)),
          ]);
    return {
      tickets: ticketRows.map((ticket) => ({
        id: ticket.id,
        number: ticket.number,
        subject: ticket.subject,
        category: ticket.category,
        status: ticket.status,
        productId: ticket.productId,
        createdAt: ticket.createdAt.toISOString(),
        updatedAt: ticket.updatedAt.toISOString(),
        messages: messages
          .filter((message) => message.ticketId === ticket.id)
          .map((message) => ({
            id: message.id,
            author: message.author,
            body: message.body,
            createdAt: message.createdAt.toISOString(),
            attachments: attachments
              .filter((attachment) => attachment.messageId === message.id)
              .map(({ messageId: _messageId, ...attachment }) => ({
                ...attachment,
                createdAt: attachment.createdAt.toISOString(),
              })),
          })),
      })),
    };
  },
  erase: (tx, customerId) => eraseTicketContentsOf(tx, customerId),
};
