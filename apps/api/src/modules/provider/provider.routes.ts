import { providerRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import { registerRoute } from '../../lib/route';

/** Public: the provider's contact details come from configuration. */
export default async function providerModule(app: FastifyInstance, { config }: { config: AppConfig }) {
  const { provider } = config;
  const contact = {
    name: provider.name,
    address: {
      street: provider.street,
      postalCode: provider.postalCode,
      city: provider.city,
      country: provider.country,
    },
    phone: provider.phone,
    email: provider.email,
    website: provider.website,
    supportHours: provider.supportHours,
    vatId: provider.vatId,
    register: provider.register,
    managingDirectors: provider.managingDirectors,
  };
  registerRoute(app, providerRoutes.contact, async () => ({
    status: 200,
    body: contact,
    headers: { 'cache-control': 'public, max-age=300' },
  }));
}
