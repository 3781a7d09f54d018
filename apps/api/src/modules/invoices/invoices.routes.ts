import { invoiceRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import { registerRoute } from '../../lib/route';
import { getInvoice, getInvoicePdf, listInvoices } from './invoices.service';

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
}
