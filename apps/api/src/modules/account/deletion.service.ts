import type { TDeletionBlocker, TDeletionInfo } from '@portal/contracts';
import type { Database } from '../../db/client';
import { AppError } from '../../lib/app-error';
import { verifyPassword } from '../../lib/password';
import type { LifecycleContext } from '../../lifecycle/data-lifecycle';
import { dataLifecycles } from '../../lifecycle/registry';
import { sendEmail } from '../../mail/mailer';
import { accountDeleted } from '../../mail/templates/customer-account';
import { findActiveUser } from '../auth/users.repository';
import type { CustomerId } from '../customers/customer-id';
import { findCustomer, findOwners } from '../customers/customers.repository';
import { findUnpaidInvoices } from '../invoices/invoices.repository';
import { findDeletionBlockingContracts } from '../products/products.repository';
import { type RequestOrigin, recordSecurityEvent } from '../security-log/security-log';
import { anonymiseCustomer } from './account.repository';
import { fieldMessages } from './field-rules';
import { keptAfterDeletion } from './retention-texts';

export async function findDeletionBlockers(db: Database, customerId: CustomerId): Promise<TDeletionBlocker[]> {
  const [contracts, invoices] = await Promise.all([
    findDeletionBlockingContracts(db, customerId),
    findUnpaidInvoices(db, customerId),
  ]);
  return [
    ...contracts.map((contract) => ({ kind: 'contract' as const, id: contract.id, label: contract.name })),
    ...invoices.map((invoice) => ({ kind: 'invoice' as const, id: invoice.id, label: invoice.number })),
  ];
}

/** The deletion page: what stands in the way now, and what would be kept for how long. */
export async function getDeletionInfo(
  db: Database,
  customerId: CustomerId,
  periods: LifecycleContext['periods'],
): Promise<TDeletionInfo> {
  return { blockers: await findDeletionBlockers(db, customerId), kept: keptAfterDeletion(periods) };
}

/**
 * GDPR Art. 17 erasure, all in one transaction so nothing is left half-deleted: every registered
 * module erases what it need not keep (sessions and tokens deleted, ticket contents blanked,
 * the mandate revoked, links in kept mails redacted), then the profile is anonymised. What the
 * law requires stays locked under the anonymised row until the retention job purges it; the
 * farewell, sent to the address before erasure, lists each kept category and its period.
 */
export async function deleteAccount(
  db: Database,
  actor: { userId: string; customerId: CustomerId; origin: RequestOrigin },
  password: string,
  periods: LifecycleContext['periods'],
) {
  const { customerId } = actor;
  const customer = await findCustomer(db, customerId);
  const user = await findActiveUser(db, actor.userId);
  if (!customer || !user) throw AppError.notFound('customer');
  if (!(await verifyPassword(user.passwordHash, password)))
    throw AppError.validation([{ path: 'password', message: fieldMessages.wrongPassword }]);

  await db.transaction(async (tx) => {
    // Checked inside the transaction so a contract booked meanwhile still blocks.
    const blockers = await findDeletionBlockers(tx, customerId);
    if (blockers.length > 0)
      throw new AppError('conflict', 'Active contracts or unpaid invoices stand in the way.', { blockers });
    // The farewell goes to every owner, before their addresses are erased.
    const owners = await findOwners(tx, customerId);
    const context: LifecycleContext = { now: new Date(), periods };
    for (const entry of dataLifecycles) await entry.erase?.(tx, customerId, context);
    await anonymiseCustomer(tx, customerId);
    await recordSecurityEvent(tx, {
      type: 'account.deleted',
      userId: actor.userId,
      origin: actor.origin,
      details: { customerId },
    });
    for (const owner of owners.length > 0 ? owners : [user])
      await sendEmail(tx, {
        to: owner.email,
        customerId,
        language: owner.language,
        template: accountDeleted,
        params: { kept: keptAfterDeletion(periods) },
      });
  });
}
