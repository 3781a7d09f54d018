import { ticketAttachmentLimits } from '@portal/contracts';
import type { TicketAttachmentRow } from '../../db/schema/index';
import { contentDisposition } from './attachment-content';

/** Room for the base64 files of one message (4/3 of their bytes) plus the text around them. */
export const TICKET_BODY_LIMIT_BYTES = Math.ceil((ticketAttachmentLimits.maxMessageBytes * 4) / 3) + 512 * 1024;

/**
 * A stored file as a download: always `attachment`, never rendered by the browser, with the
 * type we detected and no sniffing, so an uploaded file can never run as a page of ours.
 */
export function attachmentDownload(attachment: TicketAttachmentRow) {
  return {
    status: 200 as const,
    body: attachment.content,
    headers: {
      'content-type': attachment.contentType,
      'content-disposition': contentDisposition(attachment.filename),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-store',
      etag: `"${attachment.sha256}"`,
    },
  };
}
