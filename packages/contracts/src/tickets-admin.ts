import { z } from 'zod';
import { listOf, ZIdParams, ZListQuery, ZUuid } from './common';
import { defineRoute } from './http';
import { staffProblems, ZProblem } from './problem';
import {
  ticketAttachmentLimits,
  ZAttachmentParams,
  ZReplyBody,
  ZTicket,
  ZTicketCategory,
  ZTicketMessage,
  ZTicketStatus,
  ZTicketStatusFilter,
  ZTicketSummary,
} from './tickets';

/** Who a ticket belongs to, as the back office needs it to answer. */
export const ZTicketCustomer = z
  .object({
    id: ZUuid,
    customerNumber: z.string().nullable(),
    name: z.string(),
    company: z.string().nullable(),
    email: z.string(),
  })
  .meta({ id: 'TicketCustomer' });

export const ZAdminTicketSummary = ZTicketSummary.extend({ customer: ZTicketCustomer }).meta({
  id: 'AdminTicketSummary',
});
export type TAdminTicketSummary = z.infer<typeof ZAdminTicketSummary>;

export const ZAdminTicket = ZTicket.extend({ customer: ZTicketCustomer }).meta({ id: 'AdminTicket' });
export type TAdminTicket = z.infer<typeof ZAdminTicket>;

export const ZAdminTicketListQuery = ZListQuery.extend({
  status: ZTicketStatusFilter,
  category: ZTicketCategory.optional(),
  customerId: ZUuid.optional(),
});

export const ZAdminReplyBody = ZReplyBody.extend({
  /** Where the ticket goes with this answer; usually it waits for the customer then. */
  status: ZTicketStatus.default('waiting_for_customer'),
});

export const ZSetTicketStatusBody = z.object({ status: ZTicketStatus });

const adminWriteProblems = { ...staffProblems, 404: ZProblem, 413: ZProblem, 415: ZProblem } as const;

/** Back office: staff see every customer's tickets, answer them and move them along. */
export const adminTicketRoutes = {
  list: defineRoute({
    method: 'GET',
    operationId: 'adminListTickets',
    path: '/admin/tickets',
    summary: 'All tickets, filtered by status, category or customer; newest first',
    tags: ['admin'],
    access: 'staff',
    query: ZAdminTicketListQuery,
    responses: {
      200: listOf(ZAdminTicketSummary),
      ...staffProblems,
    },
  }),
  get: defineRoute({
    method: 'GET',
    operationId: 'adminGetTicket',
    path: '/admin/tickets/:id',
    summary: 'A ticket with its thread and customer',
    tags: ['admin'],
    access: 'staff',
    params: ZIdParams,
    responses: { 200: ZAdminTicket, ...staffProblems, 404: ZProblem },
  }),
  reply: defineRoute({
    method: 'POST',
    operationId: 'adminReplyToTicket',
    path: '/admin/tickets/:id/messages',
    summary: 'Answer a ticket (e-mails the customer); sets its status, by default waiting_for_customer',
    tags: ['admin'],
    access: 'staff',
    params: ZIdParams,
    body: ZAdminReplyBody,
    responses: { 201: ZTicketMessage, ...adminWriteProblems },
  }),
  setStatus: defineRoute({
    method: 'PUT',
    operationId: 'adminSetTicketStatus',
    path: '/admin/tickets/:id/status',
    summary: "Change a ticket's status (e-mails the customer when it changes)",
    tags: ['admin'],
    access: 'staff',
    params: ZIdParams,
    body: ZSetTicketStatusBody,
    responses: { 200: ZAdminTicketSummary, ...staffProblems, 404: ZProblem },
  }),
  attachment: defineRoute({
    method: 'GET',
    operationId: 'adminDownloadTicketAttachment',
    path: '/admin/tickets/:id/attachments/:attachmentId',
    summary: 'Download an attachment of any ticket',
    tags: ['admin'],
    access: 'staff',
    params: ZAttachmentParams,
    produces: ticketAttachmentLimits.mediaTypes,
    responses: { ...staffProblems, 404: ZProblem, 429: ZProblem },
  }),
} as const;
