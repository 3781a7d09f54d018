import { invoiceRoutes, paymentWebhookRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import { AppError } from '../../lib/app-error';
import { registerRoute } from '../../lib/route';
import { getInvoice, getInvoicePdf, listInvoices } from './invoices.service';
import { applyProviderEvent, paymentMethodsFor, startPayment } from './payments/payments.service';
import { createSandboxProvider } from './payments/sandbox-provider';
import { SETTLE_DEBITS_JOB, settlePendingDebits } from './payments/settlement';

/** Rechnungen: the customer's invoices, their PDFs and paying them. */
export default async function invoicesModule(app: FastifyInstance, { config }: { config: AppConfig }) {
  const provider = createSandboxProvider(config.jwtSecret);

  registerRoute(app, invoiceRoutes.list, async (request) => ({
    status: 200,
    body: await listInvoices(app.db, request.auth.customerId, {
      statuses: request.query.status,
      limit: request.query.limit,
      cursor: request.query.cursor,
    }),
  }));

  registerRoute(app, invoiceRoutes.get, async (request) => ({
    status: 200,
    body: await getInvoice(app.db, request.auth.customerId, request.params.id),
  }));

  registerRoute(app, invoiceRoutes.pdf, async (request) => {
    const document = await getInvoicePdf(app.db, app.pdf, request.auth.customerId, request.params.id);
    const headers = { etag: document.etag, 'cache-control': 'private, no-cache' };
    if (request.headers['if-none-match'] === document.etag) return { status: 304, body: null, headers };
    return {
      status: 200,
      body: document.pdf,
      headers: {
        ...headers,
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${document.filename}"`,
      },
    };
  });

  registerRoute(app, invoiceRoutes.paymentMethods, async (request) => ({
    status: 200,
    body: { items: await paymentMethodsFor(app.db, request.auth.customerId) },
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

  registerRoute(app, paymentWebhookRoutes.sandbox, async (request) => {
    const event = request.body;
    const verified = provider.verifyCallback(
      { ...event, ...(event.failureReason ? { failureReason: event.failureReason } : {}) },
      request.headers['x-sandbox-signature'],
    );
    if (!verified) throw new AppError('unauthenticated', 'The callback signature is not valid.');
    const known = await applyProviderEvent(app.db, event);
    if (!known) throw AppError.notFound('payment');
    return { status: 204, body: null };
  });

  app.jobs.register({
    name: SETTLE_DEBITS_JOB,
    intervalMs: 60_000,
    run: async (db) => {
      await settlePendingDebits(db, provider);
    },
  });
}
