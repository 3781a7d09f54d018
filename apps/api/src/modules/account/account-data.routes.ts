import { accountRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import { Counter } from 'prom-client';
import type { AppConfig } from '../../config';
import { retentionPeriods } from '../../lib/retention-periods';
import { registerRoute } from '../../lib/route';
import { deleteAccount, getDeletionInfo } from './deletion.service';
import { exportCustomerData } from './export.service';
import { passwordGuessLimit } from './password-guess-limit';
import { retentionPurgeJob } from './retention.job';

/** What reaches into every other section (through the data lifecycle registry): export, deletion, purge. */
export default async function accountDataModule(app: FastifyInstance, { config }: { config: AppConfig }) {
  const periods = retentionPeriods(config.CORRESPONDENCE_RETENTION_YEARS);
  const purgeFailures = new Counter({
    name: 'portal_retention_purge_failures_total',
    help: 'Failed steps of the retention purge, by module: records kept past their period.',
    labelNames: ['module'] as const,
    registers: [app.metrics.registry],
  });
  app.jobs.register(retentionPurgeJob({ log: app.log, periods, onFailure: (module) => purgeFailures.inc({ module }) }));

  registerRoute(app, accountRoutes.exportData, async (request) => {
    const data = await exportCustomerData(app.db, request.auth.customerId);
    return {
      status: 200,
      body: data,
      headers: {
        'cache-control': 'no-store',
        'content-disposition': `attachment; filename="kundendaten-${data.profile.customerNumber ?? 'export'}.json"`,
      },
    };
  });

  registerRoute(app, accountRoutes.deletionInfo, async (request) => ({
    status: 200,
    body: await getDeletionInfo(app.db, request.auth.customerId, periods),
  }));

  registerRoute(
    app,
    accountRoutes.deleteAccount,
    async (request, reply) => {
      await deleteAccount(app.db, request.auth, request.body.password, periods);
      app.clearSessionCookie(reply);
      request.log.info({ customerId: request.auth.customerId }, 'customer account deleted');
      return { status: 204, body: null };
    },
    { rateLimit: passwordGuessLimit },
  );
}
