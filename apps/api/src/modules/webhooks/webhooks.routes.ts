import { webhookRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import { registerRoute } from '../../lib/route';
import { createSecretBox } from '../../lib/secret-box';
import {
  createEndpoint,
  deliverDueWebhooks,
  listDeliveries,
  listEndpoints,
  removeEndpoint,
  resendDelivery,
  type WebhookSettings,
} from './webhooks.service';

export const WEBHOOK_JOB = 'webhooks.deliver';

/** Stammdaten › API-Zugänge: the customer's webhook endpoints, their delivery logs, and the delivery job. */
export default async function webhooksModule(app: FastifyInstance, { config }: { config: AppConfig }) {
  const settings: WebhookSettings = {
    box: createSecretBox(config.mfaEncryptionKey, 'webhook-secret v1'),
    production: config.NODE_ENV === 'production',
  };

  registerRoute(app, webhookRoutes.list, async (request) => ({
    status: 200,
    body: await listEndpoints(app.db, request.auth.customerId, request.query),
  }));

  registerRoute(app, webhookRoutes.create, async (request) => ({
    status: 201,
    body: await createEndpoint(app.db, settings, request.auth.customerId, request.body),
  }));

  registerRoute(app, webhookRoutes.deliveries, async (request) => ({
    status: 200,
    body: await listDeliveries(app.db, request.auth.customerId, request.params.id, request.query),
  }));

  registerRoute(app, webhookRoutes.resend, async (request) => ({
    status: 202,
    body: await resendDelivery(app.db, request.auth.customerId, request.params.id, request.params.deliveryId),
  }));

  // Registered last: the document lists it after the log routes (the authorization matrix calls in that order).
  registerRoute(app, webhookRoutes.remove, async (request) => {
    await removeEndpoint(app.db, request.auth.customerId, request.params.id);
    return { status: 204, body: null };
  });

  app.jobs.register({
    name: WEBHOOK_JOB,
    intervalMs: 5_000,
    run: async (db) => {
      await deliverDueWebhooks(db, settings);
    },
  });
}
