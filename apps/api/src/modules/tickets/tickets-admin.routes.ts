import { adminTicketRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import { AppError } from '../../lib/app-error';
import { registerRoute } from '../../lib/route';
import { noteStaffChange } from '../staff/staff-audit';
import { attachmentSniffer, attachmentsOf } from './attachment-content';
import { attachmentDownload, TICKET_BODY_LIMIT_BYTES } from './attachment-download';
import { findAttachmentForStaff } from './tickets-admin.repository';
import {
  addNoteAsStaff,
  assignAsStaff,
  getTicketForStaff,
  listTicketsForStaff,
  replyAsStaff,
  setStatusAsStaff,
} from './tickets-admin.service';

/** Back office: staff list every ticket, answer and move them; customers hear by e-mail. */
export default async function ticketsAdminRoutes(app: FastifyInstance, { config }: { config: AppConfig }) {
  registerRoute(app, adminTicketRoutes.list, async (request) => ({
    status: 200,
    body: await listTicketsForStaff(app.db, request.auth.userId, request.query),
  }));

  registerRoute(app, adminTicketRoutes.get, async (request) => ({
    status: 200,
    body: await getTicketForStaff(app.db, request.params.id),
  }));

  registerRoute(
    app,
    adminTicketRoutes.reply,
    async (request) => {
      const { body, status, attachments } = request.body;
      const message = await replyAsStaff(
        app.db,
        request.auth.userId,
        request.params.id,
        { body, status, attachments: attachmentsOf(request, attachments) },
        config.PUBLIC_URL,
      );
      noteStaffChange(request, { customerId: message.customerId, after: { status } });
      return { status: 201, body: message.message };
    },
    { bodyLimit: TICKET_BODY_LIMIT_BYTES, inspectUpload: attachmentSniffer },
  );

  registerRoute(app, adminTicketRoutes.setStatus, async (request) => {
    const summary = await setStatusAsStaff(app.db, request.params.id, request.body.status, config.PUBLIC_URL);
    noteStaffChange(request, { customerId: summary.customer.id, after: { status: summary.status } });
    return { status: 200, body: summary };
  });

  registerRoute(app, adminTicketRoutes.addNote, async (request) => {
    const { note } = await addNoteAsStaff(app.db, request.auth.userId, request.params.id, request.body.body);
    // An internal note changes nothing the customer sees: no entry in their security log.
    noteStaffChange(request, { subjectId: request.params.id, after: { noteId: note.id }, customerId: null });
    return { status: 201, body: note };
  });

  registerRoute(app, adminTicketRoutes.assign, async (request) => {
    const { before, summary } = await assignAsStaff(app.db, request.params.id, request.body.assigneeId);
    noteStaffChange(request, {
      before: { assignee: before?.id ?? null },
      after: { assignee: summary.assignee?.id ?? null },
    });
    return { status: 200, body: summary };
  });

  registerRoute(app, adminTicketRoutes.attachment, async (request) => {
    const attachment = await findAttachmentForStaff(app.db, request.params.id, request.params.attachmentId);
    if (!attachment) throw AppError.notFound('attachment');
    return attachmentDownload(attachment);
  });
}
