import { randomBytes, randomUUID } from 'node:crypto';
import type { TBankAccount } from '@portal/contracts';
import type { ProviderIdentity } from '../../config';
import type { Database } from '../../db/client';
import type { SepaMandateRow } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import type { SafeHtml } from '../../lib/html';
import { sendEmail } from '../../mail/mailer';
import { mandateIssued } from '../../mail/templates/customer-account';
import { checkIbanAndBic } from '../account/field-rules';
import { maskIban } from '../account/rules/iban';
import { asCustomerId, type CustomerId } from '../customers/customer-id';
import { findCustomer, findOwners } from '../customers/customers.repository';
import { type RequestOrigin, recordSecurityEvent } from '../security-log/security-log';
import {
  findActiveMandate,
  insertMandate,
  insertMandateDocument,
  revokeActiveMandate,
} from './bank-account.repository';
import { mandateDocument } from './mandate-document';

export function toBankAccount(mandate: SepaMandateRow): TBankAccount {
  return {
    accountHolder: mandate.accountHolder,
    ibanMasked: maskIban(mandate.iban),
    bic: mandate.bic,
    mandate: {
      id: mandate.id,
      reference: mandate.reference,
      creditorId: mandate.creditorId,
      signedAt: mandate.signedAt.toISOString(),
    },
  };
}

/**
 * A mandate reference: unique (index), at most 35 characters from the SEPA character set, and
 * telling for the back office: customer number, year, random part.
 */
export function newMandateReference(customerNumber: string, now = new Date()): string {
  const random = randomBytes(5).toString('hex').toUpperCase();
  return `K${customerNumber}-${now.getUTCFullYear()}-${random}`;
}

export async function getBankAccount(db: Database, customerId: CustomerId): Promise<TBankAccount> {
  const mandate = await findActiveMandate(db, customerId);
  if (!mandate) throw AppError.notFound('bank account');
  return toBankAccount(mandate);
}

/**
 * Stores new bank data: the previous mandate is revoked and a new one issued, with its PDF
 * archived, in one transaction. The PDF is rendered first, so no transaction waits for Chromium.
 */
export async function saveBankAccount(
  db: Database,
  { customerId, userId: actorId, origin }: { customerId: CustomerId; userId: string; origin: RequestOrigin },
  input: { accountHolder: string; iban: string; bic?: string | null | undefined },
  provider: ProviderIdentity,
  renderPdf: (document: SafeHtml) => Promise<Buffer>,
): Promise<TBankAccount> {
  const customer = await findCustomer(db, asCustomerId(customerId));
  if (!customer?.customerNumber) throw AppError.notFound('customer');
  const { iban, bic, errors } = checkIbanAndBic(input.iban, input.bic);
  if (errors.length > 0) throw AppError.validation(errors);

  const issued: SepaMandateRow = {
    id: randomUUID(),
    signedAt: new Date(),
    revokedAt: null,
    customerId,
    reference: newMandateReference(customer.customerNumber),
    accountHolder: input.accountHolder,
    iban,
    bic,
    creditorId: provider.creditorId,
  };
  const pdf = await renderPdf(mandateDocument(issued, customer, provider));

  const mandate = await db.transaction(async (tx) => {
    await revokeActiveMandate(tx, customerId);
    const { revokedAt: _notYet, ...values } = issued;
    const created = await insertMandate(tx, values);
    await insertMandateDocument(tx, { mandateId: created.id, customerId, pdf });
    await recordSecurityEvent(tx, {
      type: 'bank_account.changed',
      userId: actorId,
      origin,
      details: { account: maskIban(iban), mandateReference: created.reference },
    });
    const [owner] = await findOwners(tx, asCustomerId(customerId));
    if (owner)
      await sendEmail(tx, {
        to: owner.email,
        language: owner.language,
        template: mandateIssued,
        params: {
          name: customer.name,
          providerName: provider.name,
          maskedIban: maskIban(iban),
          reference: created.reference,
          creditorId: created.creditorId,
        },
      });
    return created;
  });
  return toBankAccount(mandate);
}
