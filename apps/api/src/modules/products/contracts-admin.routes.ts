import { adminContractRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import { AppError } from '../../lib/app-error';
import { registerRoute } from '../../lib/route';
import { asCustomerId } from '../customers/customer-id';
import { noteStaffChange } from '../staff/staff-audit';
import { cancelContractChange, moveContractEnd } from './contract-corrections.service';
import { loadProductDocument } from './contract-documents.service';
import { findContractOwner } from './contracts-admin.repository';
import { changeContract, endContract, getContractForStaff, listContractsForStaff } from './contracts-admin.service';

/** Back office: every customer's contracts; admins change price or terms and end contracts. */
export default async function contractsAdminModule(app: FastifyInstance, { config }: { config: AppConfig }) {
  registerRoute(app, adminContractRoutes.list, async (request) => ({
    status: 200,
    body: await listContractsForStaff(app.db, request.query),
  }));

  registerRoute(app, adminContractRoutes.get, async (request) => ({
    status: 200,
    body: await getContractForStaff(app.db, request.params.id),
  }));

  registerRoute(app, adminContractRoutes.downloadDocument, async (request) => {
    const owner = await findContractOwner(app.db, request.params.id);
    if (!owner) throw AppError.notFound('contract');
    const { id, documentId } = request.params;
    const document = await loadProductDocument(app.db, asCustomerId(owner.customerId), id, documentId);
    return {
      status: 200,
      body: document.content,
      headers: {
        'content-type': document.mediaType,
        'content-disposition': `attachment; filename="${document.fileName}"`,
        etag: `"${document.sha256}"`,
        'cache-control': 'private, no-store',
      },
    };
  });

  registerRoute(app, adminContractRoutes.change, async (request) => {
    const deps = { renderer: app.pdf, provider: config.provider };
    const { change, before, customerId } = await changeContract(
      app.db,
      deps,
      request.params.id,
      request.body,
      request.auth.userId,
    );
    noteStaffChange(request, {
      customerId,
      subjectId: request.params.id,
      before: { ...before, priceCents: change.previous.priceCents, billingInterval: change.previous.billingInterval },
      after: {
        priceCents: change.priceCents,
        billingInterval: change.billingInterval,
        minimumTermMonths: change.minimumTermMonths,
        noticePeriodMonths: change.noticePeriodMonths,
        renewalMonths: change.renewalMonths,
        effectiveDate: change.effectiveDate,
        version: change.version,
      },
    });
    return { status: 201, body: await getContractForStaff(app.db, request.params.id) };
  });

  registerRoute(app, adminContractRoutes.end, async (request) => {
    const { customerId } = await endContract(app.db, request.params.id, request.body);
    noteStaffChange(request, {
      customerId,
      subjectId: request.params.id,
      after: { endDate: request.body.endDate, reason: request.body.reason },
    });
    return { status: 200, body: await getContractForStaff(app.db, request.params.id) };
  });

  registerRoute(app, adminContractRoutes.moveEnd, async (request) => {
    const { customerId, previousEndDate, previousStatus } = await moveContractEnd(
      app.db,
      request.params.id,
      request.body,
    );
    noteStaffChange(request, {
      customerId,
      subjectId: request.params.id,
      before: { endDate: previousEndDate, status: previousStatus },
      after: { endDate: request.body.endDate, reason: request.body.reason },
    });
    return { status: 200, body: await getContractForStaff(app.db, request.params.id) };
  });

  registerRoute(app, adminContractRoutes.cancelChange, async (request) => {
    const { customerId, change } = await cancelContractChange(app.db, request.params.id, request.params.changeId);
    noteStaffChange(request, {
      customerId,
      subjectId: request.params.id,
      before: {
        changeId: change.id,
        version: change.version,
        effectiveDate: change.effectiveDate,
        priceCents: change.priceCents,
        reason: change.reason,
      },
      after: null,
    });
    return { status: 200, body: await getContractForStaff(app.db, request.params.id) };
  });
}
