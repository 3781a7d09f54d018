import type { TDeletionBlocker } from '@portal/contracts';
import type { Database } from '../../db/client';
import { AppError } from '../../lib/app-error';
import { verifyPassword } from '../../lib/password';
import { sendEmail } from '../../mail/mailer';
import { revokeAllSessions } from '../auth/sessions.repository';
import { findUnpaidInvoices } from '../invoices/invoices.repository';
import { findDeletionBlockingContracts } from '../products/products.repository';
import { recordSecurityEvent } from '../security-log/security-log';
import { eraseTicketContentsOf } from '../tickets/tickets.repository';
import { anonymiseCustomer, findCustomer } from './account.repository';
import { deleteAccountTokensOf } from './account-tokens.repository';
import { deleteMandatesOf } from './bank-account.repository';
import { fieldMessages } from './field-rules';
import { deleteEmailsTo } from './retention.repository';

export async function findDeletionBlockers(db: Database, customerId: string): Promise<TDeletionBlocker[]> {
  const [contracts, invoices] = await Promise.all([
    findDeletionBlockingContracts(db, customerId),
    findUnpaidInvoices(db, customerId),
  ]);
  return [
    ...contracts.map((contract) => ({ kind: 'contract' as const, id: contract.id, label: contract.name })),
    ...invoices.map((invoice) => ({ kind: 'invoice' as const, id: invoice.id, label: invoice.number })),
  ];
}

/**
 * GDPR Art. 17 erasure, all in one transaction so nothing is left half-deleted: sign-in disabled,
 * every session revoked, profile anonymised, bank data and links deleted, ticket contents erased.
 * Invoices, payments and contracts stay (retention duty) under the anonymised row; the retention
 * job purges them when their period ends. The confirmation goes to the address before erasure.
 */
export async function deleteAccount(db: Database, customerId: string, password: string) {
  const customer = await findCustomer(db, customerId);
  if (customer?.role !== 'customer') throw AppError.notFound('customer');
  if (!(await verifyPassword(customer.passwordHash, password)))
    throw AppError.validation([{ path: 'password', message: fieldMessages.wrongPassword }]);

  await db.transaction(async (tx) => {
    // Checked inside the transaction so a contract booked meanwhile still blocks.
    const blockers = await findDeletionBlockers(tx, customerId);
    if (blockers.length > 0)
      throw new AppError('conflict', 'Active contracts or unpaid invoices stand in the way.', { blockers });
    await anonymiseCustomer(tx, customerId);
    await recordSecurityEvent(tx, { type: 'account.deleted', userId: customerId });
    await revokeAllSessions(tx, customerId);
    await deleteMandatesOf(tx, customerId);
    await deleteAccountTokensOf(tx, customerId);
    await eraseTicketContentsOf(tx, customerId);
    await deleteEmailsTo(tx, customer.email);
    await sendEmail(tx, {
      to: customer.email,
      subject: 'Ihr Kundenkonto wurde gelöscht',
      template: 'account.deleted',
      paragraphs: [
        // No name: the farewell outlives the erasure until it is delivered.
        'Guten Tag,',
        'Ihr Kundenkonto wurde wie gewünscht gelöscht. Die Anmeldung ist nicht mehr möglich, alle Sitzungen sind beendet, Ihre persönlichen Daten sind gelöscht oder anonymisiert.',
        'Rechnungen und Zahlungsbelege müssen wir nach § 147 AO und § 14b UStG acht Jahre ab Ende des Ausstellungsjahres aufbewahren. Sie sind gesperrt und werden danach automatisch gelöscht.',
        'Dies ist die letzte E-Mail, die Sie von uns zu diesem Konto erhalten.',
      ],
    });
  });
}
