import { collectionAdminRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import { registerRoute } from '../../lib/route';
import { noteStaffChange } from '../staff/staff-audit';
import { collectionJobs } from './collection.jobs';
import { liftDunningStop, setDunningStop } from './dunning.service';
import { listDunningOverview } from './dunning-overview.service';
import { dunningSteps } from './rules/dunning';
import { createRun, listDirectDebitRuns, runFile } from './runs.service';
import { assignEntry, importStatement, listBankEntries } from './statements.service';

/** Back office of getting paid: direct-debit runs, bank statements, unmatched entries, the dunning overview and stops. */
export default async function collectionAdminModule(app: FastifyInstance, { config }: { config: AppConfig }) {
  registerRoute(app, collectionAdminRoutes.createRun, async (request) => ({
    status: 201,
    body: await createRun(
      app.db,
      { provider: config.provider },
      { collectionDate: request.body?.collectionDate, createdBy: request.auth.userId },
    ),
  }));

  registerRoute(app, collectionAdminRoutes.listRuns, async () => ({
    status: 200,
    body: { items: await listDirectDebitRuns(app.db) },
  }));

  registerRoute(app, collectionAdminRoutes.runFile, async (request) => {
    const file = await runFile(app.db, request.params.id);
    return {
      status: 200,
      body: file.bytes,
      headers: {
        'content-type': 'application/xml; charset=utf-8',
        'content-disposition': `attachment; filename="${file.filename}"`,
        'cache-control': 'private, no-cache',
        etag: file.etag,
      },
    };
  });

  registerRoute(
    app,
    collectionAdminRoutes.importStatement,
    async (request) => ({
      status: 200,
      body: await importStatement(app.db, { providerIban: config.provider.iban }, request.body, request.auth.userId),
    }),
    { bodyLimit: config.BANK_STATEMENT_MAX_BYTES },
  );

  registerRoute(app, collectionAdminRoutes.listEntries, async (request) => ({
    status: 200,
    body: { items: await listBankEntries(app.db, request.query) },
  }));

  registerRoute(app, collectionAdminRoutes.assignEntry, async (request) => ({
    status: 200,
    body: await assignEntry(app.db, request.params.id, request.body.invoiceId, request.auth.userId),
  }));

  registerRoute(app, collectionAdminRoutes.listDunning, async (request) => ({
    status: 200,
    body: await listDunningOverview(app.db, dunningSteps(config.DUNNING_STEP_DAYS), request.query),
  }));

  // Both name the customer to the audit log, so the change shows in their account's log too.
  registerRoute(app, collectionAdminRoutes.stopDunning, async (request) => {
    const { customerId, stop } = await setDunningStop(
      app.db,
      request.params.id,
      request.body.reason,
      request.auth.userId,
    );
    noteStaffChange(request, { customerId, subjectId: request.params.id, after: { reason: stop.reason } });
    return { status: 200, body: stop };
  });

  registerRoute(app, collectionAdminRoutes.resumeDunning, async (request) => {
    const { customerId } = await liftDunningStop(app.db, request.params.id);
    noteStaffChange(request, { customerId, subjectId: request.params.id });
    return { status: 204, body: null };
  });

  for (const job of collectionJobs(config)) app.jobs.register(job);
}
