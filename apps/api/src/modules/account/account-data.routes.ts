import { accountRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import { registerRoute } from '../../lib/route';
import { deleteAccount } from './deletion.service';
import { exportCustomerData } from './export.service';
import { passwordGuessLimit } from './password-guess-limit';
import { retentionPurgeJob } from './retention.job';

/** What reaches into every other section: the data export and the account's deletion. */
export default async function accountDataModule(app: FastifyInstance) {
  app.jobs.register(retentionPurgeJob(app.log));

  registerRoute(app, accountRoutes.exportData, async (request) => {
    const data = await exportCustomerData(app.db, request.auth.customerId);
    return {
      status: 200,
      body: Buffer.from(JSON.stringify(data, null, 2)),
      headers: {
        'cache-control': 'no-store',
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="kundendaten-${data.account.customerNumber ?? 'export'}.json"`,
      },
    };
  });

  registerRoute(
    app,
    accountRoutes.deleteAccount,
    async (request, reply) => {
      await deleteAccount(app.db, request.auth.customerId, request.body.password);
      app.clearSessionCookie(reply);
      request.log.info({ customerId: request.auth.customerId }, 'customer account deleted');
      return { status: 204, body: null };
    },
    { rateLimit: passwordGuessLimit },
  );
}
