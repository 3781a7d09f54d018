import { z } from 'zod';
import { listOf, ZIdempotencyKeyHeaders, ZIdParams, ZInstant, ZListQuery, ZUuid } from './common';
import { defineRoute, type MultipartUpload } from './http';
import { authProblems, ZProblem } from './problem';

export const ticketStatuses = ['open', 'in_progress', 'waiting_for_customer', 'closed'] as const;
export const ZTicketStatus = z.enum(ticketStatuses);
export type TTicketStatus = z.infer<typeof ZTicketStatus>;

export const ticketCategories = ['technical', 'billing', 'contract', 'remote_hands', 'other'] as const;
export const ZTicketCategory = z.enum(ticketCategories);
export type TTicketCategory = z.infer<typeof ZTicketCategory>;

export const ZTicketAuthor = z.enum(['customer', 'staff']);

/** Limits of attachments, shared so the SPA can refuse a file before uploading it. */
export const ticketAttachmentLimits = {
  maxFiles: 5,
  maxFileBytes: 5 * 1024 * 1024,
  maxMessageBytes: 10 * 1024 * 1024,
  /** PDF, PNG, JPEG and plain text (logs); the server decides by content, not by name. */
  extensions: ['pdf', 'png', 'jpg', 'jpeg', 'txt', 'log'],
  /** The media types a download is served with (text with `; charset=utf-8`). */
  mediaTypes: ['application/pdf', 'image/png', 'image/jpeg', 'text/plain'],
} as const;

/**
 * The files of a ticket message as `multipart/form-data` parts named `attachments`; the JSON
 * body's base64 `attachments` stays for compatibility (ADR 0025).
 */
export const ticketAttachmentUpload = {
  field: 'attachments',
  maxFiles: ticketAttachmentLimits.maxFiles,
  maxFileBytes: ticketAttachmentLimits.maxFileBytes,
  maxTotalBytes: ticketAttachmentLimits.maxMessageBytes,
  mediaTypes: ticketAttachmentLimits.mediaTypes,
} as const satisfies MultipartUpload;

/** Size of the bytes a base64 string encodes, without decoding it. */
export function base64DecodedBytes(data: string): number {
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return Math.floor((data.length * 3) / 4) - padding;
}

export const ZAttachmentUpload = z.object({
  filename: z.string().trim().min(1).max(255),
  data: z
    .base64()
    .min(4)
    .refine((data) => base64DecodedBytes(data) <= ticketAttachmentLimits.maxFileBytes, {
      message: 'fileTooLarge',
    })
    .meta({
      description: 'The file, base64-encoded (kept for compatibility: `multipart/form-data` sends it as it is)',
    }),
});
export type TAttachmentUpload = z.infer<typeof ZAttachmentUpload>;

const ZAttachmentUploads = z
  .array(ZAttachmentUpload)
  .max(ticketAttachmentLimits.maxFiles)
  .refine(
    (files) =>
      files.reduce((sum, file) => sum + base64DecodedBytes(file.data), 0) <= ticketAttachmentLimits.maxMessageBytes,
    { message: 'filesTooLarge' },
  )
  .default([]);

/** Message bodies are plain text: stored verbatim, always shown as text, never as HTML. */
const ZMessageText = z.string().trim().min(1).max(20_000);

export const ZTicketAttachment = z
  .object({
    id: ZUuid,
    filename: z.string(),
    contentType: z.string().meta({ description: 'Detected from the content' }),
    sizeBytes: z.number().int(),
  })
  .meta({ id: 'TicketAttachment' });
export type TTicketAttachment = z.infer<typeof ZTicketAttachment>;

export const ZTicketMessage = z
  .object({
    id: ZUuid,
    author: ZTicketAuthor,
    body: z.string(),
    createdAt: ZInstant,
    attachments: z.array(ZTicketAttachment),
  })
  .meta({ id: 'TicketMessage' });
export type TTicketMessage = z.infer<typeof ZTicketMessage>;

export const ZTicketSummary = z
  .object({
    id: ZUuid,
    number: z.number().int().meta({ description: 'Human ticket number' }),
    subject: z.string(),
    category: ZTicketCategory,
    status: ZTicketStatus,
    createdAt: ZInstant,
    updatedAt: ZInstant,
  })
  .meta({ id: 'TicketSummary' });
export type TTicketSummary = z.infer<typeof ZTicketSummary>;

export const ZTicket = ZTicketSummary.extend({
  productId: ZUuid.nullable(),
  messages: z.array(ZTicketMessage),
}).meta({ id: 'Ticket' });
export type TTicket = z.infer<typeof ZTicket>;

/** `?status=open,in_progress` — a comma-separated list. */
export const ZTicketStatusFilter = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
  z.array(ZTicketStatus).min(1).optional(),
);

export const ZTicketListQuery = ZListQuery.extend({ status: ZTicketStatusFilter });
export const ZTicketList = listOf(ZTicketSummary);

export const ZCreateTicketBody = z.object({
  subject: z.string().trim().min(3).max(200),
  category: ZTicketCategory,
  message: ZMessageText,
  productId: ZUuid.optional(),
  attachments: ZAttachmentUploads,
});
export type TCreateTicketBody = z.input<typeof ZCreateTicketBody>;

export const ZReplyBody = z.object({ body: ZMessageText, attachments: ZAttachmentUploads });
export type TReplyBody = z.input<typeof ZReplyBody>;

export const ZAttachmentParams = ZIdParams.extend({ attachmentId: ZUuid });

/**
 * Writes: 403 for a cookie request from another site, 413/415 for attachments refused by size or
 * by content, 429 when the customer writes too often.
 */
export const ticketWriteProblems = {
  ...authProblems,
  403: ZProblem,
  413: ZProblem,
  415: ZProblem,
  429: ZProblem,
} as const;

export const ticketRoutes = {
  list: defineRoute({
    method: 'GET',
    operationId: 'listTickets',
    path: '/tickets',
    summary: "The customer's tickets, newest first",
    tags: ['tickets'],
    access: 'user',
    permission: 'tickets:read',
    query: ZTicketListQuery,
    responses: {
      200: ZTicketList,
      ...authProblems,
      403: ZProblem,
    },
  }),
  create: defineRoute({
    method: 'POST',
    operationId: 'createTicket',
    path: '/tickets',
    summary: 'Open a ticket, optionally about a product and with attachments',
    tags: ['tickets'],
    access: 'user',
    headers: ZIdempotencyKeyHeaders,
    idempotent: true,
    permission: 'tickets:write',
    body: ZCreateTicketBody,
    multipart: ticketAttachmentUpload,
    responses: {
      201: ZTicket,
      ...ticketWriteProblems,
    },
  }),
  get: defineRoute({
    method: 'GET',
    operationId: 'getTicket',
    path: '/tickets/:id',
    summary: 'A ticket with its thread',
    tags: ['tickets'],
    access: 'user',
    permission: 'tickets:read',
    params: ZIdParams,
    responses: {
      200: ZTicket,
      ...authProblems,
      403: ZProblem,
      404: ZProblem,
    },
  }),
  reply: defineRoute({
    method: 'POST',
    operationId: 'replyToTicket',
    path: '/tickets/:id/messages',
    summary: 'Reply to a ticket; a ticket waiting for the customer opens again',
    tags: ['tickets'],
    access: 'user',
    permission: 'tickets:write',
    params: ZIdParams,
    headers: ZIdempotencyKeyHeaders,
    idempotent: true,
    body: ZReplyBody,
    multipart: ticketAttachmentUpload,
    responses: {
      201: ZTicketMessage,
      ...ticketWriteProblems,
      404: ZProblem,
      409: ZProblem,
    },
  }),
  close: defineRoute({
    method: 'POST',
    operationId: 'closeTicket',
    path: '/tickets/:id/close',
    summary: 'Close one of your tickets',
    tags: ['tickets'],
    access: 'user',
    permission: 'tickets:write',
    params: ZIdParams,
    responses: { 200: ZTicketSummary, ...authProblems, 403: ZProblem, 404: ZProblem, 409: ZProblem },
  }),
  attachment: defineRoute({
    method: 'GET',
    operationId: 'downloadTicketAttachment',
    path: '/tickets/:id/attachments/:attachmentId',
    summary: 'Download an attachment of one of your tickets',
    tags: ['tickets'],
    access: 'user',
    permission: 'tickets:read',
    params: ZAttachmentParams,
    produces: ticketAttachmentLimits.mediaTypes,
    responses: {
      ...authProblems,
      403: ZProblem,
      404: ZProblem,
      429: ZProblem,
    },
  }),
} as const;
