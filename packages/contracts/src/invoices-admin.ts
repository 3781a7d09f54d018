import { z } from 'zod';
import { ZCents, ZDate, ZIdParams, ZUuid } from './common';
import { defineRoute } from './http';
import { ZInvoice, ZPayment } from './invoices';
import { staffProblems, ZProblem } from './problem';

export const ZIssueInvoiceLine = z.object({
  description: z.string().trim().min(1).max(300),
  /** At most three decimals (hours of remote hands, kWh). */
  quantity: z
    .number()
    .positive()
    .max(1_000_000)
    .refine((value) => Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6, { message: 'at most three decimals' }),
  unit: z.string().trim().min(1).max(30),
  unitPrice: ZCents.min(0).max(100_000_000),
  taxRate: z.union([z.literal(0), z.literal(7), z.literal(19)]),
});

export const ZIssueInvoiceBody = z
  .object({
    customerId: ZUuid,
    /** Default: today (Europe/Berlin). */
    issueDate: ZDate.optional(),
    servicePeriod: z.object({ start: ZDate, end: ZDate }),
    /** Default: 14 days after the issue date. */
    dueDate: ZDate.optional(),
    lines: z.array(ZIssueInvoiceLine).min(1).max(200),
    /** Required with a 0 % line: the reason for the exemption, e.g. reverse charge. */
    taxNote: z.string().trim().min(1).max(500).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.servicePeriod.end < body.servicePeriod.start) {
      ctx.addIssue({ code: 'custom', path: ['servicePeriod', 'end'], message: 'must not be before the start' });
    }
    if (body.issueDate && body.dueDate && body.dueDate < body.issueDate) {
      ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'must not be before the issue date' });
    }
    if (body.lines.some((line) => line.taxRate === 0) && !body.taxNote) {
      ctx.addIssue({ code: 'custom', path: ['taxNote'], message: 'is required for lines without VAT' });
    }
  });
export type TIssueInvoiceBody = z.infer<typeof ZIssueInvoiceBody>;

export const ZCancelInvoiceBody = z.object({ reason: z.string().trim().min(1).max(500) });

export const ZRecordTransferBody = z.object({
  amount: ZCents.positive(),
  receivedOn: ZDate,
  /** The remittance line of the bank statement. */
  reference: z.string().trim().max(140).optional(),
});

export const adminInvoiceRoutes = {
  issue: defineRoute({
    method: 'POST',
    operationId: 'issueInvoice',
    path: '/admin/invoices',
    summary: 'Issue an invoice to a customer',
    tags: ['admin'],
    access: 'staff',
    body: ZIssueInvoiceBody,
    responses: { 201: ZInvoice, ...staffProblems, 404: ZProblem },
  }),
  cancel: defineRoute({
    method: 'POST',
    operationId: 'cancelInvoice',
    path: '/admin/invoices/:id/cancellation',
    summary: 'Cancel an unpaid invoice by issuing a cancellation invoice (Stornorechnung)',
    tags: ['admin'],
    access: 'staff',
    params: ZIdParams,
    body: ZCancelInvoiceBody,
    responses: { 201: ZInvoice, ...staffProblems, 404: ZProblem, 409: ZProblem },
  }),
  recordTransfer: defineRoute({
    method: 'POST',
    operationId: 'recordTransfer',
    path: '/admin/invoices/:id/transfers',
    summary: 'Record an incoming bank transfer; the invoice turns paid',
    tags: ['admin'],
    access: 'staff',
    params: ZIdParams,
    body: ZRecordTransferBody,
    responses: { 201: ZPayment, ...staffProblems, 404: ZProblem, 409: ZProblem, 422: ZProblem },
  }),
} as const;
