import { accountRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import { AppError } from '../../lib/app-error';
import { registerRoute } from '../../lib/route';
import { findCustomer } from '../customers/customers.repository';
import { findMandate, findMandateDocument } from './bank-account.repository';
import { getBankAccount, saveBankAccount } from './bank-account.service';
import { mandateDocument } from './mandate-document';

const noStore = { 'cache-control': 'no-store' };

/** Stammdaten › Bankdaten: the bank account with its SEPA mandate, and the mandate's PDF. */
export default async function bankAccountModule(app: FastifyInstance, { config }: { config: AppConfig }) {
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
}
