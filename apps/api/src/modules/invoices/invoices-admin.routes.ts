import { adminInvoiceRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import { registerRoute } from '../../lib/route';
import { asCustomerId } from '../customers/customer-id';
import { noteStaffChange } from '../staff/staff-audit';
import { correctInvoice } from './invoice-correction.service';
import { archivedFileAnswer } from './invoice-download';
import { cancelInvoice, issueInvoice } from './invoice-issuing.service';
import { toPayment } from './invoice-mapping';
import { getInvoice } from './invoices.service';
import { getArchivedPdfForStaff, getInvoiceForStaff, listInvoicesForStaff } from './invoices-admin.service';
import { recordIncomingTransfer } from './payments/settlement';
import { verifyVatId } from './vat/vat-id-verification.service';

/** Back office: list every invoice and open its PDF, issue invoices, cancel them with a cancellation invoice, book incoming transfers. */
export default async function invoicesAdminModule(app: FastifyInstance, { config }: { config: AppConfig }) {
  registerRoute(app, adminInvoiceRoutes.list, async (request) => ({
    status: 200,
    body: await listInvoicesForStaff(app.db, request.query),
  }));

  registerRoute(app, adminInvoiceRoutes.get, async (request) => ({
    status: 200,
    body: await getInvoiceForStaff(app.db, request.params.id),
  }));

  registerRoute(app, adminInvoiceRoutes.pdf, async (request) =>
    archivedFileAnswer(
      await getArchivedPdfForStaff(app.db, app.pdf, request.params.id),
      request.headers['if-none-match'],
    ),
  );

  registerRoute(app, adminInvoiceRoutes.issue, async (request) => {
    const deps = {
      provider: config.provider,
      renderer: app.pdf,
      preNotificationDays: config.SEPA_PRE_NOTIFICATION_DAYS,
    };
    const invoice = await issueInvoice(app.db, deps, request.body);
    noteStaffChange(request, { customerId: invoice.customerId, subjectId: invoice.id });
    return { status: 201, body: await getInvoice(app.db, invoice.customerId, invoice.id) };
  });

  registerRoute(app, adminInvoiceRoutes.cancel, async (request) => {
    const cancellation = await cancelInvoice(app.db, app.pdf, request.params.id, request.body.reason);
    noteStaffChange(request, {
      customerId: cancellation.customerId,
      after: { cancellationInvoiceId: cancellation.id },
    });
    return { status: 201, body: await getInvoice(app.db, cancellation.customerId, cancellation.id) };
  });

  registerRoute(app, adminInvoiceRoutes.correct, async (request) => {
    const correction = await correctInvoice(app.db, app.pdf, request.params.id, request.body);
    noteStaffChange(request, { customerId: correction.customerId, after: { correctionInvoiceId: correction.id } });
    return { status: 201, body: await getInvoice(app.db, correction.customerId, correction.id) };
  });

  registerRoute(app, adminInvoiceRoutes.verifyVatId, async (request) => {
    await verifyVatId(app.db, request.auth.userId, asCustomerId(request.params.id), request.body.vatId);
    noteStaffChange(request, { customerId: request.params.id, after: { vatIdVerified: request.body.vatId } });
    return { status: 204, body: null };
  });

  registerRoute(app, adminInvoiceRoutes.recordTransfer, async (request) => {
    const payment = await recordIncomingTransfer(app.db, request.params.id, request.body);
    return { status: 201, body: toPayment(payment) };
  });
}
