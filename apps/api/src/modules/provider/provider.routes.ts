import { providerRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import { registerRoute } from '../../lib/route';
import { providerContactOf } from './provider-contact';

/** Public: the provider's contact details come from configuration. */
export default async function providerModule(app: FastifyInstance, { config }: { config: AppConfig }) {
  const contact = providerContactOf(config.provider);
  registerRoute(app, providerRoutes.contact, async () => ({
    status: 200,
    body: contact,
    headers: { 'cache-control': 'public, max-age=300' },
  }));
}
