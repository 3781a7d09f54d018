import { and, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import {
  bankStatementEntries,
  bankStatementImports,
  customerAccountEntries,
  customers,
  directDebitRuns,
  directDebits,
  dunningNotices,
  dunningStops,
  mandateSuspensions,
  sepaMandates,
} from '../../db/schema/index';
import { retentionCutoff } from '../../lib/retention-periods';
import type { DataLifecycle } from '../../lifecycle/data-lifecycle';
import { listDebitsOf } from './debits.repository';
import { listNoticesOf } from './dunning.repository';
import { listAccountEntries, listEntriesOfCustomer } from './statements.repository';

/**
 * Getting paid. Direct debits are kept with their mandate: 14 months after the later of the
 * mandate's end and the last collection, also after the account's deletion, then purged (before the
 * mandate itself, which they reference). Dunning notices, the customer's account entries and the
 * bank statements (with their runs) are accounting records: kept like invoices, 8 years from the
 * end of the year, and purged with a deleted customer's invoices.
 */
export const collectionLifecycle: DataLifecycle = {
  module: 'collection',
  tables: [
    directDebits,
    mandateSuspensions,
    bankStatementEntries,
    customerAccountEntries,
    dunningNotices,
    dunningStops,
    directDebitRuns,
    bankStatementImports,
  ],
  keptAfterDeletion: ['sepaMandates', 'invoices'],
  async export(db, customerId) {
    const [debits, notices, account, entries] = await Promise.all([
      listDebitsOf(db, customerId),
      listNoticesOf(db, customerId),
      listAccountEntries(db, customerId),
      listEntriesOfCustomer(db, customerId),
    ]);
    return {
      directDebits: debits.map((debit) => ({
        id: debit.id,
        invoiceId: debit.invoiceId,
        mandateReference: debit.mandateReference,
        iban: debit.iban,
        amountCents: debit.amountCents,
        collectionDate: debit.collectionDate,
        status: debit.status,
        sequenceType: debit.sequenceType,
        endToEndId: debit.endToEndId,
        collectedOn: debit.collectedOn,
        returnedOn: debit.returnedOn,
        returnReason: debit.returnReason,
        returnFeeCents: debit.returnFeeCents,
      })),
      dunningNotices: notices.map((notice) => ({
        invoiceId: notice.invoiceId,
        level: notice.level,
        sentOn: notice.sentOn,
        feeCents: notice.feeCents,
      })),
      accountEntries: account.map((entry) => ({
        kind: entry.kind,
        amountCents: entry.amountCents,
        invoiceId: entry.invoiceId,
        bookedOn: entry.bookedOn,
      })),
      bankEntries: entries.map((entry) => ({
        reference: entry.reference,
        bookingDate: entry.bookingDate,
        amountCents: entry.amountCents,
        direction: entry.direction,
        remittance: entry.remittance,
        counterpartyName: entry.counterpartyName,
        counterpartyIban: entry.counterpartyIban,
      })),
    };
  },
  // Deletion waits for unpaid invoices, so nothing is announced then; a suspension has no use after.
  async erase(tx, customerId) {
    await tx.delete(mandateSuspensions).where(eq(mandateSuspensions.customerId, customerId));
  },
  async retains(db, customerId) {
    const [row] = await db
      .select({ id: directDebits.id })
      .from(directDebits)
      .where(eq(directDebits.customerId, customerId))
      .limit(1);
    return row !== undefined;
  },
  async purge(db, { now, periods }) {
    const mandateCutoff = retentionCutoff(periods.sepaMandates, now);
    // Debits under ended mandates whose last collection lies before the cutoff.
    const expired = db
      .select({ id: sepaMandates.id })
      .from(sepaMandates)
      .where(
        and(
          isNotNull(sepaMandates.revokedAt),
          lt(sepaMandates.revokedAt, mandateCutoff),
          sql`not exists (select 1 from ${directDebits} d where d.mandate_id = ${sepaMandates.id}
            and coalesce(d.returned_on, d.collected_on, d.submitted_at::date, d.announced_at::date) >= ${mandateCutoff.toISOString().slice(0, 10)})`,
        ),
      );
    const debits = await db
      .delete(directDebits)
      .where(inArray(directDebits.mandateId, expired))
      .returning({ id: directDebits.id });
    await db.delete(mandateSuspensions).where(inArray(mandateSuspensions.mandateId, expired));
    // Accounting records of deleted customers whose invoices reached the end of their period go with them.
    const invoiceCutoff = retentionCutoff(periods.invoices, now).toISOString().slice(0, 10);
    const gone = db
      .select({ id: customers.id })
      .from(customers)
      .where(
        and(
          isNotNull(customers.deletedAt),
          sql`not exists (select 1 from invoices i where i.customer_id = ${customers.id} and i.issue_date >= ${invoiceCutoff})`,
        ),
      );
    let purged = debits.length;
    for (const table of [dunningNotices, dunningStops, customerAccountEntries] as const) {
      purged += (await db.delete(table).where(inArray(table.customerId, gone)).returning()).length;
    }
    const entries = await db
      .update(bankStatementEntries)
      .set({ customerId: null, counterpartyName: null, counterpartyIban: null })
      .where(inArray(bankStatementEntries.customerId, gone))
      .returning({ id: bankStatementEntries.id });
    return purged + entries.length;
  },
};
