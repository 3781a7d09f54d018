import { invoiceRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import { registerRoute } from '../../lib/route';
import type { CustomerId } from '../customers/customer-id';
import { archiveBackfillJob, getArchivedFile } from './invoice-archive.service';
import { archivedFileAnswer } from './invoice-download';
import { getInvoiceSettings, saveInvoiceSettings } from './invoice-settings.service';
import { getInvoice, listInvoices } from './invoices.service';

interface DownloadRequest {
  auth: { customerId: CustomerId };
  params: { id: string };
  headers: { 'if-none-match'?: string | undefined };
}

/** Rechnungen: the customer's invoices and their PDFs (paying them: payments/payments.routes.ts). */
export default async function invoicesModule(app: FastifyInstance) {
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

  const download = (format: 'pdf' | 'xrechnung') => async (request: DownloadRequest) =>
    archivedFileAnswer(
      await getArchivedFile(app.db, app.pdf, request.auth.customerId, request.params.id, format),
      request.headers['if-none-match'],
    );
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
}
