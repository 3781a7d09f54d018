import { z } from 'zod';
import {
  listOf,
  ZCents,
  ZCurrency,
  ZDate,
  ZEmailInput,
  ZIdempotencyKeyHeaders,
  ZIdParams,
  ZInstant,
  ZLanguage,
  ZListQuery,
  ZProductCategory,
  ZUuid,
} from './common';
import { defineRoute } from './http';
import { authProblems, commonProblems, ZProblem } from './problem';

export const ZProductStatus = z.enum(['active', 'cancellation_pending', 'ended']);
export type TProductStatus = z.infer<typeof ZProductStatus>;
export const ZBillingInterval = z.enum(['monthly', 'quarterly', 'yearly']);
export type TBillingInterval = z.infer<typeof ZBillingInterval>;
export const ZCancellationType = z.enum(['ordinary', 'extraordinary']);
export type TCancellationType = z.infer<typeof ZCancellationType>;

export const ZProductPrice = z.object({
  amount: ZCents.meta({ description: 'Net price per interval' }),
  currency: ZCurrency,
  interval: ZBillingInterval,
  vatRate: z.number().meta({ description: 'VAT rate in percent that applies to the price' }),
  gross: ZCents.meta({ description: 'Price including VAT (what consumers are shown, PAngV)' }),
});

/** A booked product (the contract) as the list shows it. */
export const ZProduct = z
  .object({
    id: ZUuid,
    contractNumber: z.string().meta({ description: 'Human contract number, e.g. `V-100001`' }),
    name: z.string(),
    category: ZProductCategory,
    status: ZProductStatus,
    startDate: ZDate,
    price: ZProductPrice,
    termEndsOn: ZDate.meta({ description: 'End of the term running today' }),
    runsIndefinitely: z.boolean().meta({
      description: 'Past its minimum term with indefinite renewal: no term end, it may end on any day after the notice',
    }),
    endDate: ZDate.nullable().meta({ description: 'The confirmed end date once cancelled, else null' }),
  })
  .meta({ id: 'Product' });
export type TProduct = z.infer<typeof ZProduct>;

export const ZProductSpec = z.object({
  key: z.string().meta({ description: 'Stable key, e.g. `heightUnits`, `vcpu`, `location`' }),
  label: z.string().meta({ description: 'German label of the key' }),
  value: z.string(),
});

export const ZContractTerms = z.object({
  minimumTermMonths: z.number().int(),
  noticePeriodMonths: z.number().int(),
  renewalMonths: z.number().int().meta({
    description:
      '0: indefinite — after the minimum term the contract runs until cancelled and ends on any day once the notice has run',
  }),
  termEndsOn: ZDate,
  earliestEndDate: ZDate.nullable().meta({
    description: 'Earliest end of an ordinary cancellation received today; null once cancelled or ended',
  }),
  noticeDeadline: ZDate.nullable().meta({ description: 'Last day to cancel for `earliestEndDate`' }),
});

export const ZCancellationSummary = z.object({
  id: ZUuid,
  type: ZCancellationType,
  reason: z.string().nullable(),
  receivedAt: ZInstant,
  effectiveDate: ZDate,
  byProvider: z.boolean().meta({ description: 'The provider ended the contract (not a cancellation of the customer)' }),
});

/** Price and terms of a contract at one point of its history. */
export const ZContractTermsValues = z.object({
  price: ZProductPrice,
  minimumTermMonths: z.number().int(),
  noticePeriodMonths: z.number().int(),
  renewalMonths: z.number().int(),
});

/** A change of price or terms the provider made; its document is a new version of the order confirmation. */
export const ZContractChange = z
  .object({
    id: ZUuid,
    version: z.number().int().meta({ description: 'The document version it created (the booking is version 1)' }),
    effectiveDate: ZDate,
    inEffect: z.boolean().meta({ description: 'Whether the new terms apply today' }),
    reason: z.string(),
    before: ZContractTermsValues,
    after: ZContractTermsValues,
    documentId: ZUuid.nullable(),
    createdAt: ZInstant,
  })
  .meta({ id: 'ContractChange' });
export type TContractChange = z.infer<typeof ZContractChange>;

export const ZProductDetail = ZProduct.extend({
  specs: z.array(ZProductSpec),
  contract: ZContractTerms,
  cancellation: ZCancellationSummary.nullable(),
  changes: z.array(ZContractChange).meta({ description: 'Changes of price or terms, newest first' }),
}).meta({ id: 'ProductDetail' });
export type TProductDetail = z.infer<typeof ZProductDetail>;

export const ZContractDocumentKind = z.enum(['order_confirmation', 'terms', 'sla', 'data_processing']);
export type TContractDocumentKind = z.infer<typeof ZContractDocumentKind>;

export const ZContractDocument = z
  .object({
    id: ZUuid,
    title: z.string(),
    kind: ZContractDocumentKind,
    version: z.string(),
    acceptedOn: ZDate,
    createdAt: ZInstant,
    sizeBytes: z.number().int(),
    sha256: z.string().meta({ description: 'Hex SHA-256 of the PDF as served' }),
    current: z
      .boolean()
      .meta({ description: 'False for a version a later one of the same kind replaced (kept in the archive)' }),
  })
  .meta({ id: 'ContractDocument' });
export type TContractDocument = z.infer<typeof ZContractDocument>;

export const ZReason = z.string().trim().max(2000);

/** A rule over several members that is reported together with the members' own errors. */
const alongOtherErrors = { when: () => true };

/** An extraordinary cancellation (§314 BGB) needs its good cause. */
export function requireReasonWhenExtraordinary(
  value: { type: TCancellationType; reason?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (value?.type === 'extraordinary' && !value.reason) {
    ctx.addIssue({ code: 'custom', path: ['reason'], message: 'reasonRequired' });
  }
}

export const ZCancelProductBody = z
  .object({
    type: ZCancellationType,
    reason: ZReason.optional(),
    endDate: ZDate.optional().meta({ description: 'Omitted: the earliest possible end date' }),
  })
  .superRefine(requireReasonWhenExtraordinary, alongOtherErrors);

export const ZCancellation = z
  .object({
    id: ZUuid,
    productId: ZUuid,
    type: ZCancellationType,
    reason: z.string().nullable(),
    receivedAt: ZInstant,
    effectiveDate: ZDate,
  })
  .meta({ id: 'Cancellation' });
export type TCancellation = z.infer<typeof ZCancellation>;

/** 422 for an end date the contract does not allow; names the earliest one it does. */
export const ZEndDateProblem = ZProblem.extend({ earliestEndDate: ZDate.optional() });

export const ZDocumentParams = z.object({ id: ZUuid, documentId: ZUuid });

export const productsRoutes = {
  list: defineRoute({
    method: 'GET',
    operationId: 'listProducts',
    path: '/products',
    summary: "The customer's booked products, newest first",
    tags: ['products'],
    access: 'user',
    permission: 'products:read',
    query: ZListQuery,
    responses: {
      200: listOf(ZProduct),
      ...authProblems,
      403: ZProblem,
    },
  }),
  get: defineRoute({
    method: 'GET',
    operationId: 'getProduct',
    path: '/products/:id',
    summary: 'One product with its specs, contract terms and cancellation',
    tags: ['products'],
    access: 'user',
    permission: 'products:read',
    params: ZIdParams,
    responses: {
      200: ZProductDetail,
      ...authProblems,
      403: ZProblem,
      404: ZProblem,
    },
  }),
  documents: defineRoute({
    method: 'GET',
    operationId: 'listContractDocuments',
    path: '/products/:id/documents',
    summary: "A product's contract documents (a handful per contract, never paged)",
    tags: ['products'],
    access: 'user',
    permission: 'documents:read',
    params: ZIdParams,
    responses: {
      200: z.object({ items: z.array(ZContractDocument) }),
      ...authProblems,
      403: ZProblem,
      404: ZProblem,
    },
  }),
  downloadDocument: defineRoute({
    method: 'GET',
    operationId: 'downloadContractDocument',
    path: '/products/:id/documents/:documentId',
    summary: 'One contract document as PDF',
    tags: ['products'],
    access: 'user',
    permission: 'documents:read',
    params: ZDocumentParams,
    produces: 'application/pdf',
    responses: {
      ...authProblems,
      403: ZProblem,
      404: ZProblem,
      429: ZProblem,
    },
  }),
  cancel: defineRoute({
    method: 'POST',
    operationId: 'cancelProduct',
    path: '/products/:id/cancellation',
    summary: 'Cancel a product; without endDate at the earliest possible date',
    tags: ['products'],
    access: 'user',
    permission: 'products:cancel',
    params: ZIdParams,
    headers: ZIdempotencyKeyHeaders,
    idempotent: true,
    body: ZCancelProductBody,
    responses: {
      201: ZCancellation,
      ...authProblems,
      403: ZProblem,
      404: ZProblem,
      409: ZProblem,
      422: ZEndDateProblem,
    },
  }),
} as const;

/** §312k BGB: the cancellation button's form, without sign-in. */
export const ZPublicCancellationBody = z
  .object({
    type: ZCancellationType,
    reason: ZReason.optional(),
    name: z.string().trim().min(1).max(200),
    customerNumber: z.string().trim().max(50).optional(),
    email: ZEmailInput,
    contract: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .meta({ description: 'Which contract: its contract number (e.g. `V-100001`) or a description' }),
    endDate: ZDate.optional().meta({ description: 'Omitted: the earliest possible end date' }),
    language: ZLanguage.default('de').meta({
      description:
        'The language the form was filled in (the SPA sends its own): the receipt and any later answer use it',
    }),
  })
  .superRefine(requireReasonWhenExtraordinary, alongOtherErrors);

export const ZPublicCancellationReceipt = z
  .object({ reference: z.string(), receivedAt: ZInstant })
  .meta({ id: 'PublicCancellationReceipt' });
export type TPublicCancellationReceipt = z.infer<typeof ZPublicCancellationReceipt>;

export const publicCancellationRoutes = {
  create: defineRoute({
    method: 'POST',
    operationId: 'submitPublicCancellation',
    path: '/public/cancellations',
    summary: 'Cancel a contract without signing in (§312k BGB); the answer never says whether it matched',
    tags: ['products'],
    access: 'public',
    body: ZPublicCancellationBody,
    responses: { 202: ZPublicCancellationReceipt, ...commonProblems, 429: ZProblem },
  }),
} as const;
