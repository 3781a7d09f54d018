import { accountRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import { AppError } from '../../lib/app-error';
import { onePage } from '../../lib/pagination';
import { registerRoute } from '../../lib/route';
import { findCustomer } from '../customers/customers.repository';
import { findMandate, findMandateDocument } from './bank-account.repository';
import { getBankAccount, saveBankAccount } from './bank-account.service';
import { mandateDocument } from './mandate-document';
import { changePassword } from './password.service';
import { passwordGuessLimit } from './password-guess-limit';
import { confirmEmailChange, getProfile, saveProfile } from './profile.service';
import { endSession, listSessions } from './sessions.service';

const noStore = { 'cache-control': 'no-store' };

/** Stammdaten: customer data, password, bank data with SEPA mandate, sessions (export and deletion: account-data.routes.ts). */
export default async function accountModule(app: FastifyInstance, { config }: { config: AppConfig }) {
  registerRoute(app, accountRoutes.getProfile, async (request) => ({
    status: 200,
    body: await getProfile(app.db, request.auth),
    headers: noStore,
  }));

  registerRoute(
    app,
    accountRoutes.updateProfile,
    async (request) => ({
      status: 200,
      body: await saveProfile(app.db, request.auth, request.body, config.PUBLIC_URL),
    }),
    { rateLimit: passwordGuessLimit, currentVersion: (request) => getProfile(app.db, request.auth) },
  );

  registerRoute(
    app,
    accountRoutes.confirmEmail,
    async (request) => {
      await confirmEmailChange(app.db, request.body.token);
      return { status: 204, body: null };
    },
    { rateLimit: { max: 20, timeWindow: '1 minute' } },
  );

  registerRoute(
    app,
    accountRoutes.changePassword,
    async (request) => {
      await changePassword(app.db, request.auth, request.body);
      return { status: 204, body: null };
    },
    { rateLimit: passwordGuessLimit },
  );

  registerRoute(app, accountRoutes.getBankAccount, async (request) => ({
    status: 200,
    body: await getBankAccount(app.db, request.auth.customerId),
    headers: noStore,
  }));

  registerRoute(
    app,
    accountRoutes.updateBankAccount,
    async (request) => ({
      status: 200,
      body: await saveBankAccount(app.db, request.auth, request.body, config.provider, (document) =>
        app.pdf.render(document),
      ),
    }),
    { documents: true, currentVersion: (request) => getBankAccount(app.db, request.auth.customerId) },
  );

  registerRoute(app, accountRoutes.mandatePdf, async (request) => {
    const mandate = await findMandate(app.db, request.auth.customerId, request.params.id);
    if (!mandate) throw AppError.notFound('mandate');
    // Archived at issue; mandates issued before archiving are rendered as before.
    const renderNow = async () => {
      const customer = await findCustomer(app.db, request.auth.customerId);
      if (!customer) throw AppError.notFound('mandate');
      return app.pdf.render(mandateDocument(mandate, customer, config.provider));
    };
    const pdf = (await findMandateDocument(app.db, request.auth.customerId, mandate.id)) ?? (await renderNow());
    return {
      status: 200,
      body: pdf,
      headers: {
        ...noStore,
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="SEPA-Mandat-${mandate.reference}.pdf"`,
      },
    };
  });

  registerRoute(app, accountRoutes.listSessions, async (request) => ({
    status: 200,
    body: onePage(await listSessions(app.db, request.auth)),
    headers: noStore,
  }));

  registerRoute(app, accountRoutes.endSession, async (request) => {
    await endSession(app.db, request.auth.userId, request.params.id);
    return { status: 204, body: null };
  });
}
