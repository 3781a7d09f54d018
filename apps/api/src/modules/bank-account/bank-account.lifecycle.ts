import { eq } from 'drizzle-orm';
import { sepaMandateDocuments, sepaMandates } from '../../db/schema/index';
import { retentionCutoff } from '../../lib/retention-periods';
import type { DataLifecycle } from '../../lifecycle/data-lifecycle';
import { findLastDirectDebitAt } from '../invoices/invoices.lifecycle';
import { deleteMandate, findMandatesRevokedBefore, listMandates, revokeActiveMandate } from './bank-account.repository';

/**
 * SEPA mandates (bank data). Deletion revokes the active one; every revoked mandate is kept 14
 * months after the later of its revocation and the last collection under it (SEPA rulebook: the
 * debtor may dispute a debit for 13 months), also after deletion, then purged.
 */
export const bankAccountLifecycle: DataLifecycle = {
  module: 'account.bank-account',
  // The archived PDFs go with their mandate (deleteMandate).
  tables: [sepaMandates, sepaMandateDocuments],
  keptAfterDeletion: ['sepaMandates'],
  async export(db, customerId) {
    const rows = await listMandates(db, customerId);
    return {
      mandates: rows.map((row) => ({
        id: row.id,
        reference: row.reference,
        accountHolder: row.accountHolder,
        iban: row.iban,
        bic: row.bic,
        creditorId: row.creditorId,
        signedAt: row.signedAt.toISOString(),
        revokedAt: row.revokedAt?.toISOString() ?? null,
      })),
    };
  },
  erase: (tx, customerId) => revokeActiveMandate(tx, customerId),
  async retains(db, customerId) {
    return (
      (await db.select({ id: sepaMandates.id }).from(sepaMandates).where(eq(sepaMandates.customerId, customerId)))
        .length > 0
    );
  },
  async purge(db, { now, periods }) {
    const cutoff = retentionCutoff(periods.sepaMandates, now);
    let purged = 0;
    for (const mandate of await findMandatesRevokedBefore(db, cutoff)) {
      const lastDebit = await findLastDirectDebitAt(db, mandate.customerId, mandate.revokedAt ?? now);
      if (lastDebit && lastDebit >= cutoff) continue;
      await deleteMandate(db, mandate.id);
      purged++;
    }
    return purged;
  },
};
