import { z } from 'zod';
import { listOf, ZCents, ZDate, ZIdParams, ZTaxRate, ZUuid } from './common';
import { defineRoute } from './http';
import { ZInvoice, ZInvoiceListQuery, ZInvoiceSummary, ZPayment, ZPdfHeaders } from './invoices';
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
  /**
   * Which of the customer's rates applies; the rate itself (19/7 %, the EU consumer's country
   * rate, 0 % for reverse charge or outside the EU) is derived from the customer, never typed.
   */
  vatRate: z.enum(['standard', 'reduced']).default('standard'),
  /** Optional cross-check: the line's net amount (quantity × unit price); a mismatch is refused. */
  net: ZCents.optional(),
});

/** The issuing body's date rules; the back office's form (lines in euros) checks the same. */
export function checkInvoiceDates(
  body: { servicePeriod: { start: string; end: string }; issueDate?: string | undefined; dueDate?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (body.servicePeriod.end < body.servicePeriod.start) {
    ctx.addIssue({ code: 'custom', path: ['servicePeriod', 'end'], message: 'must not be before the start' });
  }
  if (body.issueDate && body.dueDate && body.dueDate < body.issueDate) {
    ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'must not be before the issue date' });
  }
}

export const ZIssueInvoiceBody = z
  .object({
    customerId: ZUuid,
    /** Default: today (Europe/Berlin). */
    issueDate: ZDate.optional(),
    servicePeriod: z.object({ start: ZDate, end: ZDate }),
    /** Default: 14 days after the issue date. */
    dueDate: ZDate.optional(),
    lines: z.array(ZIssueInvoiceLine).min(1).max(200),
    /** Collect by SEPA direct debit under the customer's active mandate on the due date. */
    directDebit: z.boolean().optional(),
  })
  .superRefine(checkInvoiceDates);
export type TIssueInvoiceBody = z.infer<typeof ZIssueInvoiceBody>;

export const ZCorrectInvoiceBody = z.object({
  reason: z.string().trim().min(1).max(500),
  /** What is credited, e.g. a partly unavailable service; the tax follows the original invoice. */
  lines: z
    .array(ZIssueInvoiceLine.omit({ vatRate: true }).extend({ taxRate: ZTaxRate }))
    .min(1)
    .max(200),
});
export type TCorrectInvoiceBody = z.infer<typeof ZCorrectInvoiceBody>;

export const ZVerifyVatIdBody = z.object({
  /** The VAT ID staff checked (VIES); must equal the customer's current one. */
  vatId: z.string().trim().min(4).max(20),
});

export const ZCancelInvoiceBody = z.object({ reason: z.string().trim().min(1).max(500) });

export const ZRecordTransferBody = z.object({
  amount: ZCents.positive(),
  receivedOn: ZDate,
  /** The remittance line of the bank statement. */
  reference: z.string().trim().max(140).optional(),
});

/** A row of the back office's invoice list: every customer's invoices, cancellations and corrections. */
export const ZAdminInvoiceListItem = ZInvoiceSummary.pick({
  id: true,
  number: true,
  kind: true,
  issueDate: true,
  dueDate: true,
  status: true,
  currency: true,
  amounts: true,
  openAmount: true,
})
  .extend({
    customerId: ZUuid,
    customerNumber: z.string(),
    customerName: z.string(),
    customerCompany: z.string().nullable(),
  })
  .meta({ id: 'AdminInvoiceListItem' });
export type TAdminInvoiceListItem = z.infer<typeof ZAdminInvoiceListItem>;

export const ZAdminInvoiceListQuery = ZInvoiceListQuery.extend({
  /** Invoice number (part of it), customer number (exact), name or company (part of it). */
  q: z.string().trim().max(100).optional(),
  customerId: ZUuid.optional(),
});

/** One invoice for staff: the customer's view of it (lines, taxes, payments, history) and whose it is. */
export const ZAdminInvoiceDetail = ZInvoice.extend({ customerId: ZUuid }).meta({ id: 'AdminInvoiceDetail' });
export type TAdminInvoiceDetail = z.infer<typeof ZAdminInvoiceDetail>;

export const adminInvoiceRoutes = {
  list: defineRoute({
    method: 'GET',
    operationId: 'listAllInvoices',
    path: '/admin/invoices',
    summary: "Every customer's invoices, newest first; find by number, customer, status",
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'invoices',
    query: ZAdminInvoiceListQuery,
    responses: { 200: listOf(ZAdminInvoiceListItem), ...staffProblems },
  }),
  get: defineRoute({
    method: 'GET',
    operationId: 'getInvoiceForStaff',
    path: '/admin/invoices/:id',
    summary: "Any customer's invoice with its lines, taxes, payments and history",
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'invoices',
    params: ZIdParams,
    responses: { 200: ZAdminInvoiceDetail, ...staffProblems, 404: ZProblem },
  }),
  pdf: defineRoute({
    method: 'GET',
    operationId: 'downloadInvoicePdfForStaff',
    path: '/admin/invoices/:id/pdf',
    summary: "Any customer's invoice as the archived PDF, byte for byte what the customer downloads",
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'invoices',
    params: ZIdParams,
    headers: ZPdfHeaders,
    produces: 'application/pdf',
    responses: { 304: z.null(), ...staffProblems, 404: ZProblem, 429: ZProblem, 503: ZProblem },
  }),
  issue: defineRoute({
    method: 'POST',
    operationId: 'issueInvoice',
    path: '/admin/invoices',
    summary: 'Issue an invoice to a customer',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'invoices',
    body: ZIssueInvoiceBody,
    responses: { 201: ZInvoice, ...staffProblems, 404: ZProblem, 422: ZProblem, 429: ZProblem, 503: ZProblem },
  }),
  cancel: defineRoute({
    method: 'POST',
    operationId: 'cancelInvoice',
    path: '/admin/invoices/:id/cancellation',
    summary: 'Cancel an unpaid invoice by issuing a cancellation invoice (Stornorechnung)',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'invoices',
    params: ZIdParams,
    body: ZCancelInvoiceBody,
    responses: { 201: ZInvoice, ...staffProblems, 404: ZProblem, 409: ZProblem },
  }),
  correct: defineRoute({
    method: 'POST',
    operationId: 'correctInvoice',
    path: '/admin/invoices/:id/corrections',
    summary: 'Correct an invoice (partly or fully) by a correction invoice that credits amounts (BT-25)',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'invoices',
    params: ZIdParams,
    body: ZCorrectInvoiceBody,
    responses: { 201: ZInvoice, ...staffProblems, 404: ZProblem, 409: ZProblem, 422: ZProblem },
  }),
  verifyVatId: defineRoute({
    method: 'POST',
    operationId: 'verifyVatId',
    path: '/admin/customers/:id/vat-id-verification',
    summary: "Record that staff verified the customer's VAT ID (VIES): reverse charge applies from now on",
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'customers.vat_id',
    params: ZIdParams,
    body: ZVerifyVatIdBody,
    responses: { 204: z.null(), ...staffProblems, 404: ZProblem, 409: ZProblem },
  }),
  recordTransfer: defineRoute({
    method: 'POST',
    operationId: 'recordTransfer',
    path: '/admin/invoices/:id/transfers',
    summary: 'Record an incoming bank transfer; the invoice turns paid',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'invoices',
    params: ZIdParams,
    body: ZRecordTransferBody,
    responses: { 201: ZPayment, ...staffProblems, 404: ZProblem, 409: ZProblem, 422: ZProblem },
  }),
} as const;
