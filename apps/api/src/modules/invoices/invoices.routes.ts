import { invoiceRoutes, paymentWebhookRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import { AppError } from '../../lib/app-error';
import { registerRoute } from '../../lib/route';
import { archiveBackfillJob, getArchivedFile } from './invoice-archive.service';
import { getInvoiceSettings, saveInvoiceSettings } from './invoice-settings.service';
import { getInvoice, listInvoices } from './invoices.service';
import { applyProviderEvent, paymentMethodsFor, startPayment } from './payments/payments.service';
import { createSandboxProvider } from './payments/sandbox-provider';
import { SETTLE_DEBITS_JOB, settlePendingDebits } from './payments/settlement';

interface DownloadRequest {
  auth: { customerId: string };
  params: { id: string };
  headers: { 'if-none-match'?: string | undefined };
}

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

  const download = (format: 'pdf' | 'xrechnung') => async (request: DownloadRequest) => {
    const file = await getArchivedFile(app.db, app.pdf, request.auth.customerId, request.params.id, format);
    const headers = { etag: file.etag, 'cache-control': 'private, no-cache' };
    if (request.headers['if-none-match'] === file.etag) return { status: 304 as const, body: null, headers };
    const disposition = format === 'pdf' ? 'inline' : 'attachment';
    return {
      status: 200 as const,
      body: file.bytes,
      headers: {
        ...headers,
        'content-type': file.contentType,
        'content-disposition': `${disposition}; filename="${file.filename}"`,
      },
    };
  };
  registerRoute(app, invoiceRoutes.pdf, download('pdf'));
  registerRoute(app, invoiceRoutes.xrechnung, download('xrechnung'));
  app.jobs.register(archiveBackfillJob(app.pdf));

  registerRoute(app, invoiceRoutes.settings, async (request) => ({
    status: 200,
    body: await getInvoiceSettings(app.db, request.auth.customerId),
  }));

  registerRoute(app, invoiceRoutes.saveSettings, async (request) => ({
    status: 200,
    body: await saveInvoiceSettings(app.db, request.auth.customerId, request.body),
  }));

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
