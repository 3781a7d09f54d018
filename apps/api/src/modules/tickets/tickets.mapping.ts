import type { TTicket, TTicketMessage, TTicketSummary } from '@portal/contracts';
import type { TicketMessageRow, TicketRow } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import type { AttachmentMeta } from './tickets.repository';

export function toTicketSummary(
  row: Pick<TicketRow, 'id' | 'number' | 'subject' | 'category' | 'status' | 'createdAt' | 'updatedAt'>,
): TTicketSummary {
  return {
    id: row.id,
    number: row.number,
    subject: row.subject,
    category: row.category,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toTicketMessage(row: TicketMessageRow, attachments: AttachmentMeta[]): TTicketMessage {
  return {
    id: row.id,
    author: row.author,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    attachments: attachments
      .filter((attachment) => attachment.messageId === row.id)
      .map(({ id, filename, contentType, sizeBytes }) => ({ id, filename, contentType, sizeBytes })),
  };
}

export function toTicket(
  row: TicketRow,
  thread: { messages: TicketMessageRow[]; attachments: AttachmentMeta[] },
): TTicket {
  return {
    ...toTicketSummary(row),
    productId: row.productId,
    messages: thread.messages.map((message) => toTicketMessage(message, thread.attachments)),
  };
}

/** The list cursor is the last ticket number shown; a malformed one is a field error. */
export const encodeCursor = (last: Pick<TicketRow, 'number'>): string => String(last.number);

export function decodeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  if (!/^\d{1,9}$/.test(cursor)) throw AppError.validation([{ path: 'query.cursor', message: 'is invalid' }]);
  return Number(cursor);
}
