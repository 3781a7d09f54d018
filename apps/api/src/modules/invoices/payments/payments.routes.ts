import { invoiceRoutes, paymentWebhookRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../../config';
import { AppError } from '../../../lib/app-error';
import { registerRoute } from '../../../lib/route';
import { createPaymentProvider } from './payment-provider';
import { applyProviderEvent, cancelPayment, paymentMethodsFor, startPayment } from './payments.service';

/**
 * Paying invoices: cards through the provider PAYMENT_PROVIDER names (without one, cards are not
 * offered and nothing of the sandbox is registered); direct debits are announced and collected by
 * the provider's bank in pain.008 runs (modules/collection); transfers by the bank statement.
 */
export default async function paymentsModule(app: FastifyInstance, { config }: { config: AppConfig }) {
  const provider = createPaymentProvider(config.payments);

  registerRoute(app, invoiceRoutes.paymentMethods, async (request) => ({
    status: 200,
    body: { items: await paymentMethodsFor(app.db, provider, request.auth.customerId) },
  }));

  registerRoute(app, invoiceRoutes.pay, async (request) => ({
    status: 201,
    body: await startPayment(app.db, provider, {
      customerId: request.auth.customerId,
      invoiceId: request.params.id,
      method: request.body.method,
      idempotencyKey: request.headers['idempotency-key'],
    }),
  }));

  registerRoute(app, invoiceRoutes.cancelPayment, async (request) => ({
    status: 200,
    body: await cancelPayment(app.db, request.auth.customerId, request.params.id, request.params.paymentId),
  }));

  if (!provider) return;

  if (provider.name === 'sandbox') {
    registerRoute(
      app,
      paymentWebhookRoutes.sandbox,
      async (request) => {
        const event = request.body;
        const verified = provider.verifyCallback(
          { ...event, ...(event.failureReason ? { failureReason: event.failureReason } : {}) },
          request.headers['x-sandbox-signature'],
        );
        if (!verified) throw new AppError('unauthenticated', 'The callback signature is not valid.');
        const known = await applyProviderEvent(app.db, event);
        if (!known) throw AppError.notFound('payment');
        return { status: 204, body: null };
      },
      // Documented for development; a production document never lists the sandbox.
      { hidden: config.NODE_ENV === 'production' },
    );
  }
}
