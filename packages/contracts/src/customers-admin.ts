import { z } from 'zod';
import { optionalText, trimmedText, ZProfileUpdate } from './account';
import { ZCustomerType, ZEmailInput, ZUuid } from './common';
import { defineRoute } from './http';
import { authProblems, ZProblem } from './problem';

export const ZAdminCustomerCreate = z.object({
  email: ZEmailInput,
  name: trimmedText(200).min(1),
  company: optionalText(200).optional(),
  address: ZProfileUpdate.shape.address.optional(),
  phone: optionalText(50).optional(),
  vatId: optionalText(20).optional(),
  customerType: ZCustomerType.meta({ description: 'Consumer (§13 BGB) or business (§14 BGB)' }),
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

export const adminCustomerRoutes = {
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
