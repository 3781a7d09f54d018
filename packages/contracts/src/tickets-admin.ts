import { z } from 'zod';
import { listOf, ZIdParams, ZInstant, ZListQuery, ZUuid } from './common';
import { defineRoute } from './http';
import { staffProblems, ZProblem } from './problem';
import {
  ticketAttachmentLimits,
  ticketAttachmentUpload,
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

/** The staff member who looks after a ticket. */
export const ZTicketAssignee = z.object({ id: ZUuid, name: z.string() }).meta({ id: 'TicketAssignee' });

export const ZAdminTicketSummary = ZTicketSummary.extend({
  customer: ZTicketCustomer,
  assignee: ZTicketAssignee.nullable(),
}).meta({
  id: 'AdminTicketSummary',
});
export type TAdminTicketSummary = z.infer<typeof ZAdminTicketSummary>;

/** A note of the provider's staff on a ticket; the customer never sees it. */
export const ZTicketNote = z
  .object({ id: ZUuid, body: z.string(), author: z.string().nullable(), createdAt: ZInstant })
  .meta({ id: 'TicketNote' });
export type TTicketNote = z.infer<typeof ZTicketNote>;

export const ZAdminTicket = ZTicket.extend({
  customer: ZTicketCustomer,
  assignee: ZTicketAssignee.nullable(),
  notes: z.array(ZTicketNote),
}).meta({ id: 'AdminTicket' });
export type TAdminTicket = z.infer<typeof ZAdminTicket>;

export const ZAdminTicketListQuery = ZListQuery.extend({
  status: ZTicketStatusFilter,
  category: ZTicketCategory.optional(),
  customerId: ZUuid.optional(),
  /** `me`: assigned to the caller; `unassigned`: nobody looks after it yet. */
  assignee: z.enum(['me', 'unassigned']).optional(),
  /** Finds by ticket number, subject, customer number, name, company or e-mail. */
  q: z.string().trim().max(100).optional(),
  /** `oldest`: the queue's order, longest waiting first. */
  order: z.enum(['newest', 'oldest']).default('newest'),
});

export const ZTicketNoteBody = z.object({ body: z.string().trim().min(1).max(20_000) });
export const ZAssignTicketBody = z.object({
  /** A staff member's id, or null to release the ticket. */
  assigneeId: ZUuid.nullable(),
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
    staffPermission: 'tickets',
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
    staffPermission: 'tickets',
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
    staffPermission: 'tickets',
    params: ZIdParams,
    body: ZAdminReplyBody,
    multipart: ticketAttachmentUpload,
    responses: { 201: ZTicketMessage, ...adminWriteProblems },
  }),
  setStatus: defineRoute({
    method: 'PUT',
    operationId: 'adminSetTicketStatus',
    path: '/admin/tickets/:id/status',
    summary: "Change a ticket's status (e-mails the customer when it changes)",
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'tickets',
    params: ZIdParams,
    body: ZSetTicketStatusBody,
    responses: { 200: ZAdminTicketSummary, ...staffProblems, 404: ZProblem },
  }),
  addNote: defineRoute({
    method: 'POST',
    operationId: 'adminAddTicketNote',
    path: '/admin/tickets/:id/notes',
    summary: 'Add an internal note to a ticket (never shown to the customer)',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'tickets',
    params: ZIdParams,
    body: ZTicketNoteBody,
    responses: { 201: ZTicketNote, ...staffProblems, 404: ZProblem },
  }),
  assign: defineRoute({
    method: 'PUT',
    operationId: 'adminAssignTicket',
    path: '/admin/tickets/:id/assignee',
    summary: 'Assign a ticket to a staff member, or release it (null)',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'tickets',
    params: ZIdParams,
    body: ZAssignTicketBody,
    responses: { 200: ZAdminTicketSummary, ...staffProblems, 404: ZProblem, 422: ZProblem },
  }),
  attachment: defineRoute({
    method: 'GET',
    operationId: 'adminDownloadTicketAttachment',
    path: '/admin/tickets/:id/attachments/:attachmentId',
    summary: 'Download an attachment of any ticket',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'tickets',
    params: ZAttachmentParams,
    produces: ticketAttachmentLimits.mediaTypes,
    responses: { ...staffProblems, 404: ZProblem, 429: ZProblem },
  }),
} as const;
