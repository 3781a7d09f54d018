import { ticketRoutes } from '@portal/contracts';
import { downloadFile } from '../../../lib/api-client';

export const downloadAttachment = (ticketId: string, attachmentId: string, filename: string) =>
  downloadFile(ticketRoutes.attachment, { params: { id: ticketId, attachmentId } }, filename);
