import { z } from 'zod';
import {
  listOf,
  ZCents,
  ZCurrency,
  ZDate,
  ZIdempotencyKey,
  ZIdParams,
  ZInstant,
  ZListQuery,
  ZTaxRate,
  ZUuid,
} from './common';
import { defineRoute } from './http';
import { authProblems, ZProblem } from './problem';

/** `overdue` is not stored: it is an open invoice past its due date (computed when read). */
export const invoiceStatuses = ['open', 'paid', 'overdue', 'cancelled'] as const;
export const ZInvoiceStatus = z.enum(invoiceStatuses);
export type TInvoiceStatus = z.infer<typeof ZInvoiceStatus>;

/**
 * `cancellation` is a Stornorechnung: it reverses an earlier invoice with negated amounts;
 * `correction` credits part (or all) of an earlier invoice, also with negated amounts.
 */
export const ZInvoiceKind = z.enum(['invoice', 'cancellation', 'correction']);

/** Documents archived at issue: `pdf` (ZUGFeRD/Factur-X when `facturX`), `xrechnung` (CII). */
export const ZInvoiceFormat = z.enum(['pdf', 'factur-x', 'xrechnung']);
export type TInvoiceFormat = z.infer<typeof ZInvoiceFormat>;

export const ZInvoiceAmounts = z.object({ net: ZCents, tax: ZCents, gross: ZCents });

/**
 * The invoice's SEPA direct debit, if it is paid that way: `announced` (pre-notified for
 * `collectionDate`, "Lastschrift angekündigt"), `submitted` to the bank ("Lastschrift
 * eingereicht"), `collected`, or `returned` by the customer's bank ("Rücklastschrift", the
 * invoice is open again).
 */
export const ZDirectDebitState = z
  .object({
    status: z.enum(['announced', 'submitted', 'collected', 'returned']),
    collectionDate: ZDate,
    mandateReference: z.string(),
    returnReason: z.string().nullable().meta({ description: 'ISO 20022 return reason, e.g. AC04' }),
  })
  .meta({ id: 'DirectDebitState' });
export type TDirectDebitState = z.infer<typeof ZDirectDebitState>;

export const ZInvoiceSummary = z
  .object({
    id: ZUuid,
    number: z.string().meta({ example: 'RE-2026-000123' }),
    kind: ZInvoiceKind,
    issueDate: ZDate,
    dueDate: ZDate,
    status: ZInvoiceStatus,
    currency: ZCurrency,
    amounts: ZInvoiceAmounts,
    /** What is still to pay: the gross amount less payments received (partial payments). */
    openAmount: ZCents,
    directDebit: ZDirectDebitState.nullable(),
    /** The last dunning step sent: 1 payment reminder, 2 first Mahnung, 3 second Mahnung. */
    dunningLevel: z.number().int().min(1).nullable(),
  })
  .meta({ id: 'InvoiceSummary' });
export type TInvoiceSummary = z.infer<typeof ZInvoiceSummary>;

export const ZInvoiceLine = z.object({
  description: z.string(),
  quantity: z.number().meta({ description: 'Up to three decimals' }),
  unit: z.string().meta({ example: 'Monat' }),
  unitPrice: ZCents,
  taxRate: ZTaxRate,
  net: ZCents,
});
export type TInvoiceLine = z.infer<typeof ZInvoiceLine>;

export const ZTaxBreakdown = z.object({ taxRate: ZTaxRate, net: ZCents, tax: ZCents, gross: ZCents });

export const ZBillingAddress = z.object({
  name: z.string(),
  company: z.string().nullable(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  country: z.string(),
  vatId: z.string().nullable(),
  customerNumber: z.string(),
});
export type TBillingAddress = z.infer<typeof ZBillingAddress>;

export const paymentMethods = ['sepa_debit', 'card', 'bank_transfer'] as const;
export const ZPaymentMethod = z.enum(paymentMethods);
export type TPaymentMethod = z.infer<typeof ZPaymentMethod>;
export const ZPaymentStatus = z.enum(['pending', 'requires_action', 'succeeded', 'failed']);
export type TPaymentStatus = z.infer<typeof ZPaymentStatus>;

export const ZTransferInstructions = z.object({
  accountHolder: z.string(),
  iban: z.string(),
  bic: z.string(),
  bankName: z.string(),
  reference: z.string(),
  amount: ZCents,
  currency: ZCurrency,
  /** EPC QR code ("GiroCode") as an SVG data: URI. */
  qrCode: z.string(),
});
export type TTransferInstructions = z.infer<typeof ZTransferInstructions>;

export const ZNextAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('redirect'), url: z.string() }),
  /** Paying by direct debit announces the debit for the next possible date; the bank collects it then. */
  z.object({ type: z.literal('direct_debit'), collectionDate: ZDate, mandateReference: z.string() }),
  z.object({ type: z.literal('bank_transfer'), instructions: ZTransferInstructions }),
]);

export const ZPayment = z
  .object({
    id: ZUuid,
    invoiceId: ZUuid,
    method: ZPaymentMethod,
    status: ZPaymentStatus,
    amount: ZCents,
    currency: ZCurrency,
    nextAction: ZNextAction.nullable(),
    failureReason: z.string().nullable(),
    test: z.boolean().meta({ description: 'Handled by the sandbox payment provider: no money moved' }),
    createdAt: ZInstant,
    settledAt: ZInstant.nullable(),
  })
  .meta({ id: 'Payment' });
export type TPayment = z.infer<typeof ZPayment>;

/** One step in the life of an invoice, as the customer sees it in the portal. */
export const ZInvoiceEvent = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('issued'), date: ZDate }),
    z.object({ type: z.literal('debit_announced'), date: ZDate, collectionDate: ZDate, amount: ZCents }),
    z.object({ type: z.literal('debit_submitted'), date: ZDate, collectionDate: ZDate }),
    z.object({ type: z.literal('debit_collected'), date: ZDate, amount: ZCents }),
    z.object({
      type: z.literal('debit_returned'),
      date: ZDate,
      reason: z.string().nullable(),
      fee: ZCents.meta({ description: "The bank's fee for the return, charged to the customer" }),
    }),
    z.object({ type: z.literal('debit_withdrawn'), date: ZDate, reason: z.string() }),
    z.object({ type: z.literal('payment_received'), date: ZDate, amount: ZCents, method: ZPaymentMethod }),
    z.object({
      type: z.literal('reminder'),
      date: ZDate,
      level: z.number().int().min(1),
      fee: ZCents.meta({ description: 'Flat fee of §288 Abs. 5 BGB (business customers, second Mahnung)' }),
    }),
  ])
  .meta({ id: 'InvoiceEvent' });
export type TInvoiceEvent = z.infer<typeof ZInvoiceEvent>;

export const ZInvoice = ZInvoiceSummary.extend({
  servicePeriod: z.object({ start: ZDate, end: ZDate }),
  lines: z.array(ZInvoiceLine),
  taxes: z.array(ZTaxBreakdown),
  taxNote: z.string().nullable(),
  billingAddress: ZBillingAddress,
  cancelsInvoiceId: ZUuid.nullable(),
  cancelledByInvoiceId: ZUuid.nullable(),
  /** The invoice a correction invoice credits (BT-25). */
  correctsInvoiceId: ZUuid.nullable(),
  vatTreatment: z.enum(['domestic', 'reverse_charge', 'eu_consumer', 'non_eu']),
  /** Which documents can be downloaded: `factur-x` means the PDF carries the e-invoice. */
  formats: z.array(ZInvoiceFormat),
  payments: z.array(ZPayment),
  /** Bank transfer details for an open invoice, so it can be paid without starting a payment. */
  transferInstructions: ZTransferInstructions.nullable(),
  /** Issue, direct debit steps, payments and reminders, oldest first. */
  history: z.array(ZInvoiceEvent),
}).meta({ id: 'Invoice' });
export type TInvoice = z.infer<typeof ZInvoice>;

const ZStatusFilter = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
  z.array(ZInvoiceStatus).min(1),
);

export const ZInvoiceListQuery = ZListQuery.extend({
  status: ZStatusFilter.optional().meta({ description: 'Comma-separated, e.g. `open,overdue`' }),
});

/**
 * Why a method is not on offer: no active SEPA mandate, a mandate not used after two returned
 * debits until the customer gives their bank data again, or no payment provider configured.
 */
export const ZPaymentUnavailableReason = z.enum(['no_sepa_mandate', 'mandate_suspended', 'no_payment_provider']);
export type TPaymentUnavailableReason = z.infer<typeof ZPaymentUnavailableReason>;

export const ZPaymentMethodOption = z.object({
  method: ZPaymentMethod,
  available: z.boolean(),
  reason: ZPaymentUnavailableReason.optional().meta({ description: 'Why a method is not available' }),
});
export type TPaymentMethodOption = z.infer<typeof ZPaymentMethodOption>;

export const ZCreatePaymentBody = z.object({ method: ZPaymentMethod });

export const ZIdempotencyHeaders = z.object({ 'idempotency-key': ZIdempotencyKey });

export const ZPdfHeaders = z.object({ 'if-none-match': z.string().optional() });

/** How the customer receives invoices (Stammdaten); applies to invoices issued from then on. */
export const ZInvoiceSettings = z
  .object({
    delivery: z.enum(['email_pdf', 'email_pdf_xrechnung', 'portal']),
    /** Separate address for invoices (accounting); null: the sign-in address. */
    invoiceEmail: z.email().max(254).nullable(),
    /** Leitweg-ID (public-sector buyers): BT-10 of the XRechnung; checked with its check digits. */
    leitwegId: z.string().trim().min(4).max(46).nullable(),
    customerType: z.enum(['consumer', 'business']),
  })
  .meta({ id: 'InvoiceSettings' });
export type TInvoiceSettings = z.infer<typeof ZInvoiceSettings>;

export const invoiceRoutes = {
  settings: defineRoute({
    method: 'GET',
    operationId: 'getInvoiceSettings',
    path: '/account/invoice-settings',
    summary: 'How the customer receives invoices',
    tags: ['invoices'],
    access: 'user',
    permission: 'invoices:read',
    responses: {
      200: ZInvoiceSettings,
      ...authProblems,
      403: ZProblem,
    },
  }),
  saveSettings: defineRoute({
    method: 'PUT',
    operationId: 'updateInvoiceSettings',
    path: '/account/invoice-settings',
    summary: 'Change how invoices are delivered, the invoice address, Leitweg-ID and customer type',
    tags: ['invoices'],
    access: 'user',
    permission: 'invoice-settings:write',
    body: ZInvoiceSettings,
    responses: {
      200: ZInvoiceSettings,
      ...authProblems,
      403: ZProblem,
    },
  }),
  list: defineRoute({
    method: 'GET',
    operationId: 'listInvoices',
    path: '/invoices',
    summary: "The customer's invoices, newest first",
    tags: ['invoices'],
    access: 'user',
    permission: 'invoices:read',
    query: ZInvoiceListQuery,
    responses: {
      200: listOf(ZInvoiceSummary),
      ...authProblems,
      403: ZProblem,
    },
  }),
  get: defineRoute({
    method: 'GET',
    operationId: 'getInvoice',
    path: '/invoices/:id',
    summary: 'One invoice with lines, billing address and payments',
    tags: ['invoices'],
    access: 'user',
    permission: 'invoices:read',
    params: ZIdParams,
    responses: {
      200: ZInvoice,
      ...authProblems,
      403: ZProblem,
      404: ZProblem,
    },
  }),
  pdf: defineRoute({
    method: 'GET',
    operationId: 'downloadInvoicePdf',
    path: '/invoices/:id/pdf',
    summary: 'The invoice as PDF (ZUGFeRD/Factur-X, archived at issue; served with an ETag)',
    tags: ['invoices'],
    access: 'user',
    permission: 'invoices:read',
    params: ZIdParams,
    headers: ZPdfHeaders,
    produces: 'application/pdf',
    responses: {
      304: z.null(),
      ...authProblems,
      403: ZProblem,
      404: ZProblem,
      429: ZProblem,
      503: ZProblem,
    },
  }),
  xrechnung: defineRoute({
    method: 'GET',
    operationId: 'downloadXRechnung',
    path: '/invoices/:id/xrechnung',
    summary: 'The invoice as XRechnung (CII syntax), archived at issue; served with an ETag',
    tags: ['invoices'],
    access: 'user',
    permission: 'invoices:read',
    params: ZIdParams,
    headers: ZPdfHeaders,
    produces: 'application/xml',
    responses: {
      304: z.null(),
      ...authProblems,
      403: ZProblem,
      404: ZProblem,
      429: ZProblem,
      503: ZProblem,
    },
  }),
  paymentMethods: defineRoute({
    method: 'GET',
    operationId: 'listPaymentMethods',
    path: '/payment-methods',
    summary: 'Payment methods on offer to the customer',
    tags: ['invoices'],
    access: 'user',
    permission: 'invoices:read',
    responses: {
      200: z.object({ items: z.array(ZPaymentMethodOption) }),
      ...authProblems,
      403: ZProblem,
    },
  }),
  pay: defineRoute({
    method: 'POST',
    operationId: 'payInvoice',
    path: '/invoices/:id/payments',
    summary: 'Start paying an open invoice (requires an Idempotency-Key)',
    tags: ['invoices'],
    access: 'user',
    permission: 'invoices:pay',
    params: ZIdParams,
    headers: ZIdempotencyHeaders,
    idempotent: true,
    body: ZCreatePaymentBody,
    responses: {
      201: ZPayment,
      ...authProblems,
      403: ZProblem,
      404: ZProblem,
      409: ZProblem,
      422: ZProblem,
    },
  }),
  cancelPayment: defineRoute({
    method: 'POST',
    operationId: 'cancelPayment',
    path: '/invoices/:id/payments/:paymentId/cancel',
    summary:
      'Abandon a started card payment (pending or awaiting the card page): it ends as failed with reason `cancelled_by_customer`, and the invoice can be paid again; 409 once it has settled',
    tags: ['invoices'],
    access: 'user',
    permission: 'invoices:pay',
    params: ZIdParams.extend({ paymentId: ZUuid }),
    responses: { 200: ZPayment, ...authProblems, 403: ZProblem, 404: ZProblem, 409: ZProblem },
  }),
} as const;

/** A payment event as the payment provider signs it (HMAC-SHA256 of the raw body). */
export const ZPaymentWebhookBody = z.object({
  paymentId: ZUuid,
  providerReference: z.string().max(200),
  outcome: z.enum(['succeeded', 'failed']),
  failureReason: z.string().max(200).optional(),
});

export const paymentWebhookRoutes = {
  sandbox: defineRoute({
    method: 'POST',
    operationId: 'receiveSandboxPaymentEvent',
    path: '/payments/webhooks/sandbox',
    summary: "The sandbox payment provider's signed callback",
    tags: ['invoices'],
    access: 'public',
    headers: z.object({ 'x-sandbox-signature': z.string().max(200) }),
    body: ZPaymentWebhookBody,
    responses: { 204: z.null(), ...authProblems, 404: ZProblem },
  }),
} as const;
