import { z } from 'zod';
import { ZCancellationChannel } from './cancellation-declarations-admin';
import { listOf, ZCents, ZDate, ZInstant, ZListQuery, ZProductCategory, ZUuid } from './common';
import { defineRoute } from './http';
import { staffProblems, ZProblem } from './problem';
import { ZBillingInterval, ZCancellationType, ZProductDetail, ZProductSpec, ZProductStatus } from './products';

export const ZCatalogItem = z
  .object({ id: ZUuid, sku: z.string(), category: ZProductCategory, name: z.string(), specs: z.array(ZProductSpec) })
  .meta({ id: 'CatalogItem' });

const ZMonths = z.number().int().min(0).max(120);

export const ZBookProductBody = z.object({
  customerId: ZUuid,
  sku: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(200).optional().meta({ description: 'Defaults to the catalogue name' }),
  startDate: ZDate,
  price: z.object({ amount: ZCents.min(0).max(100_000_000), interval: ZBillingInterval }),
  minimumTermMonths: ZMonths.min(1).meta({ description: 'Consumers: at most 24 (§309 Nr. 9a BGB)' }),
  noticePeriodMonths: ZMonths.meta({ description: 'Consumers: at most 1 (§309 Nr. 9c BGB)' }),
  renewalMonths: ZMonths.meta({
    description:
      '0: indefinite after the minimum term, ending on any day once the notice has run; consumers must have 0 (§309 Nr. 9b BGB)',
  }),
});

export const ZAdminProduct = ZProductDetail.extend({ customerId: ZUuid });

/** A cancellation (portal, form, letter or e-mail) whose contract has not ended yet. */
export const ZPendingCancellation = z.object({
  id: ZUuid,
  customerId: ZUuid,
  customerNumber: z.string().nullable(),
  productId: ZUuid,
  contractNumber: z.string(),
  productName: z.string(),
  productStatus: ZProductStatus,
  type: ZCancellationType,
  reason: z.string().nullable(),
  channel: ZCancellationChannel,
  receivedAt: ZInstant,
  effectiveDate: ZDate,
});

export const adminProductRoutes = {
  catalog: defineRoute({
    method: 'GET',
    operationId: 'listProductCatalog',
    path: '/admin/product-catalog',
    summary: 'The product catalogue staff book from',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'contracts.read',
    responses: { 200: z.object({ items: z.array(ZCatalogItem) }), ...staffProblems },
  }),
  book: defineRoute({
    method: 'POST',
    operationId: 'bookProduct',
    path: '/admin/products',
    summary: 'Book a product for a customer; its contract documents are issued at once',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'contracts.write',
    body: ZBookProductBody,
    responses: { 201: ZAdminProduct, ...staffProblems, 404: ZProblem, 422: ZProblem },
  }),
  pendingCancellations: defineRoute({
    method: 'GET',
    operationId: 'listPendingCancellations',
    path: '/admin/cancellations',
    summary: 'Cancellations of contracts that have not ended yet, newest first',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'cancellations',
    query: ZListQuery,
    responses: { 200: listOf(ZPendingCancellation), ...staffProblems },
  }),
} as const;
