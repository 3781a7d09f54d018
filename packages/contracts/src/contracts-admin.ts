import { z } from 'zod';
import { listOf, ZCustomerType, ZDate, ZIdParams, ZListQuery, ZUuid } from './common';
import { defineRoute } from './http';
import { staffProblems, ZProblem } from './problem';
import { ZContractDocument, ZDocumentParams, ZProduct, ZProductDetail, ZProductStatus, ZReason } from './products';
import { ZBookProductBody } from './products-admin';

/** Whose contract it is, as the back office names the customer. */
const ZContractCustomer = z.object({
  customerId: ZUuid,
  customerNumber: z.string().nullable(),
  customerName: z.string(),
  customerCompany: z.string().nullable(),
});

/** A row of the back office's list of every customer's contracts. */
export const ZAdminContractListItem = ZProduct.extend(ZContractCustomer.shape).meta({ id: 'AdminContractListItem' });
export type TAdminContractListItem = z.infer<typeof ZAdminContractListItem>;

export const ZAdminContractListQuery = ZListQuery.extend({
  /** Contract number or customer number (exact), product name, customer name or company (part of it). */
  q: z.string().trim().max(100).optional(),
  status: ZProductStatus.optional(),
});

/** A contract as staff see it: the customer's view plus who the customer is and every document version. */
export const ZAdminContractDetail = ZProductDetail.extend({
  ...ZContractCustomer.shape,
  customerType: ZCustomerType,
  documents: z.array(ZContractDocument),
}).meta({ id: 'AdminContractDetail' });
export type TAdminContractDetail = z.infer<typeof ZAdminContractDetail>;

const ZStaffReason = ZReason.min(1);

/** New price and terms from a date on; the customer gets a new version of the order confirmation. */
export const ZChangeContractBody = ZBookProductBody.pick({
  price: true,
  minimumTermMonths: true,
  noticePeriodMonths: true,
  renewalMonths: true,
}).extend({
  effectiveDate: ZDate.meta({ description: 'Today or later (Europe/Berlin); the new terms apply from this day' }),
  reason: ZStaffReason.meta({ description: 'Shown to the customer and written into the document' }),
});
export type TChangeContractBody = z.infer<typeof ZChangeContractBody>;

/** The provider ends a contract: on a day of its choosing, with the reason the customer is told. */
export const ZEndContractBody = z.object({
  endDate: ZDate.meta({ description: 'Last day of the contract; today or later' }),
  reason: ZStaffReason,
});
export type TEndContractBody = z.infer<typeof ZEndContractBody>;

/** Staff move the end of a cancelled or ended contract: a wrong date corrected, or the customer's wish. */
export const ZMoveContractEndBody = z.object({
  endDate: ZDate.meta({
    description: 'New last day; not before the start; a future day lets an ended contract run again',
  }),
  reason: ZStaffReason.meta({ description: 'Told to the customer by e-mail' }),
});
export type TMoveContractEndBody = z.infer<typeof ZMoveContractEndBody>;

export const ZContractChangeParams = z.object({ id: ZUuid, changeId: ZUuid });

export const adminContractRoutes = {
  list: defineRoute({
    method: 'GET',
    operationId: 'listContracts',
    path: '/admin/contracts',
    summary: "Every customer's contracts, newest start first; find by number, product or customer",
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'contracts.read',
    query: ZAdminContractListQuery,
    responses: { 200: listOf(ZAdminContractListItem), ...staffProblems },
  }),
  get: defineRoute({
    method: 'GET',
    operationId: 'getContract',
    path: '/admin/contracts/:id',
    summary: 'One contract with its terms, changes, cancellation and documents',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'contracts.read',
    params: ZIdParams,
    responses: { 200: ZAdminContractDetail, ...staffProblems, 404: ZProblem },
  }),
  downloadDocument: defineRoute({
    method: 'GET',
    operationId: 'downloadContractDocumentForStaff',
    path: '/admin/contracts/:id/documents/:documentId',
    summary: 'One contract document as PDF, as the customer downloads it',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'contracts.read',
    params: ZDocumentParams,
    produces: 'application/pdf',
    responses: { ...staffProblems, 404: ZProblem },
  }),
  change: defineRoute({
    method: 'POST',
    operationId: 'changeContract',
    path: '/admin/contracts/:id/changes',
    summary: 'Change price or terms from a date on; issues a new version of the order confirmation',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'contracts.write',
    params: ZIdParams,
    body: ZChangeContractBody,
    responses: { 201: ZAdminContractDetail, ...staffProblems, 404: ZProblem, 409: ZProblem, 422: ZProblem },
  }),
  end: defineRoute({
    method: 'POST',
    operationId: 'endContract',
    path: '/admin/contracts/:id/end',
    summary: 'End a running contract on a date, with the reason the customer is told',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'contracts.write',
    params: ZIdParams,
    body: ZEndContractBody,
    responses: { 200: ZAdminContractDetail, ...staffProblems, 404: ZProblem, 409: ZProblem, 422: ZProblem },
  }),
  moveEnd: defineRoute({
    method: 'PUT',
    operationId: 'moveContractEnd',
    path: '/admin/contracts/:id/end',
    summary: 'Move the end date of a cancelled or ended contract; the customer is told by e-mail',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'contracts.write',
    params: ZIdParams,
    body: ZMoveContractEndBody,
    responses: { 200: ZAdminContractDetail, ...staffProblems, 404: ZProblem, 409: ZProblem },
  }),
  cancelChange: defineRoute({
    method: 'DELETE',
    operationId: 'cancelContractChange',
    path: '/admin/contracts/:id/changes/:changeId',
    summary: 'Cancel a change that has not taken effect: its document version goes, the contract stays as it was',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'contracts.write',
    params: ZContractChangeParams,
    responses: { 200: ZAdminContractDetail, ...staffProblems, 404: ZProblem, 409: ZProblem },
  }),
} as const;
