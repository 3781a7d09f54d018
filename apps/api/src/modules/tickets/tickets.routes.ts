import multipart from '@fastify/multipart';
import { ticketRoutes } from '@portal/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config';
import { AppError } from '../../lib/app-error';
import { registerRoute } from '../../lib/route';
import { attachmentSniffer, attachmentsOf } from './attachment-content';
import { attachmentDownload, TICKET_BODY_LIMIT_BYTES } from './attachment-download';
import { findAttachmentOfCustomer } from './tickets.repository';
import { closeAsCustomer, getTicket, listTickets, openTicket, replyAsCustomer } from './tickets.service';
import ticketsAdminRoutes from './tickets-admin.routes';

/** Throttles per customer, not per address: offices share one address, abusers rotate theirs. */
const perCustomer = (max: number) => ({
  max,
  timeWindow: '10 minutes',
  hook: 'preHandler' as const,
  keyGenerator: (request: FastifyRequest) => `tickets:${request.auth?.customerId ?? request.ip}`,
});
export const TICKET_CREATE_LIMIT = 10;
export const TICKET_REPLY_LIMIT = 30;

export default async function ticketsModule(app: FastifyInstance, { config }: { config: AppConfig }) {
  // Attachments may come as multipart/form-data (ADR 0025); the routes set their own limits.
  await app.register(multipart, { limits: { fieldNameSize: 100, headerPairs: 100 } });
  registerRoute(app, ticketRoutes.list, async (request) => ({
    status: 200,
    body: await listTickets(app.db, request.auth.customerId, request.query),
  }));

  registerRoute(
    app,
    ticketRoutes.create,
    async (request) => {
      const { attachments, ...fields } = request.body;
      const ticket = await openTicket(app.db, request.auth.customerId, {
        ...fields,
        attachments: attachmentsOf(request, attachments),
      });
      return { status: 201, body: ticket };
    },
    {
      bodyLimit: TICKET_BODY_LIMIT_BYTES,
      rateLimit: perCustomer(TICKET_CREATE_LIMIT),
      inspectUpload: attachmentSniffer,
    },
  );

  registerRoute(app, ticketRoutes.get, async (request) => ({
    status: 200,
    body: await getTicket(app.db, request.auth.customerId, request.params.id),
  }));

  registerRoute(
    app,
    ticketRoutes.reply,
    async (request) => {
      const message = await replyAsCustomer(app.db, request.auth.customerId, request.params.id, {
        body: request.body.body,
        attachments: attachmentsOf(request, request.body.attachments),
      });
      return { status: 201, body: message };
    },
    {
      bodyLimit: TICKET_BODY_LIMIT_BYTES,
      rateLimit: perCustomer(TICKET_REPLY_LIMIT),
      inspectUpload: attachmentSniffer,
    },
  );

  registerRoute(app, ticketRoutes.close, async (request) => ({
    status: 200,
    body: await closeAsCustomer(app.db, request.auth.customerId, request.params.id),
  }));

  registerRoute(app, ticketRoutes.attachment, async (request) => {
    const { id, attachmentId } = request.params;
    const attachment = await findAttachmentOfCustomer(app.db, request.auth.customerId, id, attachmentId);
    if (!attachment) throw AppError.notFound('attachment');
    return attachmentDownload(attachment);
  });

  await app.register(ticketsAdminRoutes, { config });
}
