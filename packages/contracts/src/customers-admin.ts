import { z } from 'zod';
import { optionalText, trimmedText, ZProfileUpdate } from './account';
import { listOf, ZCustomerType, ZEmailInput, ZIdParams, ZInstant, ZListQuery, ZMailLanguage, ZUuid } from './common';
import { defineRoute } from './http';
import { ZInvoiceSummary } from './invoices';
import { authProblems, staffProblems, ZProblem } from './problem';
import { ZProduct } from './products';
import { ZTicketSummary } from './tickets';

export const ZAdminCustomerCreate = z.object({
  email: ZEmailInput,
  name: trimmedText(200).min(1),
  company: optionalText(200).optional(),
  address: ZProfileUpdate.shape.address.optional(),
  phone: optionalText(50).optional(),
  vatId: optionalText(20).optional(),
  customerType: ZCustomerType.meta({ description: 'Consumer (§13 BGB) or business (§14 BGB)' }),
  language: ZMailLanguage,
});

export const ZAdminCustomer = z
  .object({
    id: ZUuid,
    customerNumber: z.string(),
    email: z.string(),
    name: z.string(),
    company: z.string().nullable(),
    customerType: ZCustomerType,
  })
  .meta({ id: 'AdminCustomer' });

/** A row of the back office's customer list: what staff search by and what issuing an invoice takes (`id`). */
export const ZAdminCustomerListItem = ZAdminCustomer.extend({
  vatId: z.string().nullable(),
  /** Sign-in blocked (or the account deleted). */
  disabled: z.boolean(),
  createdAt: ZInstant,
}).meta({ id: 'AdminCustomerListItem' });
export type TAdminCustomerListItem = z.infer<typeof ZAdminCustomerListItem>;

export const ZAdminCustomerListQuery = ZListQuery.extend({
  /** Finds by customer number, name, e-mail or company. */
  q: z.string().trim().max(100).optional(),
});

/** A customer as the back office sees them: profile, contracts, latest invoices and tickets. */
export const ZAdminCustomerDetail = ZAdminCustomerListItem.extend({
  phone: z.string().nullable(),
  address: z.object({ street: z.string(), postalCode: z.string(), city: z.string(), country: z.string() }).nullable(),
  vatIdVerifiedAt: ZInstant.nullable(),
  products: z.array(ZProduct),
  invoices: z.array(ZInvoiceSummary).meta({ description: 'The latest 50' }),
  tickets: z.array(ZTicketSummary).meta({ description: 'The latest 50' }),
}).meta({ id: 'AdminCustomerDetail' });
export type TAdminCustomerDetail = z.infer<typeof ZAdminCustomerDetail>;

export const adminCustomerRoutes = {
  list: defineRoute({
    method: 'GET',
    operationId: 'listCustomers',
    path: '/admin/customers',
    summary: 'Find customers by customer number, name, e-mail or company; newest first',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'customers.read',
    query: ZAdminCustomerListQuery,
    responses: { 200: listOf(ZAdminCustomerListItem), ...staffProblems },
  }),
  get: defineRoute({
    method: 'GET',
    operationId: 'getCustomer',
    path: '/admin/customers/:id',
    summary: 'A customer with their contracts, latest invoices and tickets',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'customers.read',
    params: ZIdParams,
    responses: { 200: ZAdminCustomerDetail, ...staffProblems, 404: ZProblem },
  }),
  create: defineRoute({
    method: 'POST',
    operationId: 'createCustomer',
    path: '/admin/customers',
    summary: 'Create a customer account; the customer gets a link to set their first password',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'customers.write',
    body: ZAdminCustomerCreate,
    responses: { 201: ZAdminCustomer, ...authProblems, 403: ZProblem, 409: ZProblem },
  }),
} as const;
