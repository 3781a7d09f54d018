import { z } from 'zod';
import { defineRoute } from './http';

/** The provider's public contact details, shown on the contact page and in the footer. */
export const ZProviderContact = z
  .object({
    name: z.string(),
    address: z.object({ street: z.string(), postalCode: z.string(), city: z.string(), country: z.string() }),
    phone: z.string(),
    email: z.string(),
    website: z.string(),
    supportHours: z.string(),
    vatId: z.string(),
    register: z.string(),
    managingDirectors: z.string(),
  })
  .meta({ id: 'ProviderContact' });
export type TProviderContact = z.infer<typeof ZProviderContact>;

export const providerRoutes = {
  contact: defineRoute({
    method: 'GET',
    operationId: 'getProvider',
    path: '/provider',
    summary: "The provider's contact details",
    tags: ['provider'],
    access: 'public',
    responses: { 200: ZProviderContact },
  }),
} as const;
