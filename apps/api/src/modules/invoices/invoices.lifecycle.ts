import { and, asc, eq, inArray, isNotNull, lt, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { customers, invoiceDocuments, invoiceLines, invoices, payments } from '../../db/schema/index';
import { retentionCutoff } from '../../lib/retention-periods';
import type { DataLifecycle } from '../../lifecycle/data-lifecycle';
import type { CustomerId } from '../customers/customer-id';

/**
 * The last direct debit of a customer initiated before `before`: a SEPA mandate is kept 14 months
 * after it (the debtor's refund right). Settled debits count from settlement.
 */
export async function findLastDirectDebitAt(db: DbOrTx, customerId: CustomerId, before: Date): Promise<Date | null> {
  const [row] = await db
    .select({ at: max(sql<Date>`coalesce(${payments.settledAt}, ${payments.createdAt})`) })
    .from(payments)
    .where(and(eq(payments.customerId, customerId), eq(payments.method, 'sepa_debit'), lt(payments.createdAt, before)));
  return row?.at ? new Date(row.at) : null;
}

/**
 * Invoices, their lines and archived PDFs, and the payments: never erased on deletion (§147 AO,
 * §14b UStG), purged 8 years from the end of the year of the latest invoice of a deleted
 * customer, all of that customer's at once (a cancellation refers to the invoice it cancels).
 */
export const invoicesLifecycle: DataLifecycle = {
  module: 'invoices',
  tables: [invoices, invoiceLines, invoiceDocuments, payments],
  keptAfterDeletion: ['invoices'],
  async export(db, customerId) {
    const [rows, paymentRows] = await Promise.all([
      db
        .select()
        .from(invoices)
        .where(eq(invoices.customerId, customerId))
        .orderBy(asc(invoices.issueDate), asc(invoices.number)),
      db.select().from(payments).where(eq(payments.customerId, customerId)).orderBy(asc(payments.createdAt)),
    ]);
    const lines =
      rows.length === 0
        ? []
        : await db
            .select()
            .from(invoiceLines)
            .where(
              inArray(
                invoiceLines.invoiceId,
                rows.map((row) => row.id),
              ),
            )
            .orderBy(asc(invoiceLines.position));
    return {
      invoices: rows.map((row) => ({
        id: row.id,
        number: row.number,
        kind: row.kind,
        state: row.state,
        issueDate: row.issueDate,
        servicePeriodStart: row.servicePeriodStart,
        servicePeriodEnd: row.servicePeriodEnd,
        dueDate: row.dueDate,
        currency: row.currency,
        netCents: row.netCents,
        taxCents: row.taxCents,
        grossCents: row.grossCents,
        billingAddress: { ...row.billingAddress },
        paidAt: row.paidAt?.toISOString() ?? null,
        cancelledAt: row.cancelledAt?.toISOString() ?? null,
        lines: lines
          .filter((line) => line.invoiceId === row.id)
          .map(({ id: _id, invoiceId: _invoiceId, ...line }) => line),
      })),
      payments: paymentRows.map((row) => ({
        id: row.id,
        invoiceId: row.invoiceId,
        method: row.method,
        status: row.status,
        amountCents: row.amountCents,
        currency: row.currency,
        providerReference: row.providerReference,
        failureReason: row.failureReason,
        createdAt: row.createdAt.toISOString(),
        settledAt: row.settledAt?.toISOString() ?? null,
      })),
    };
  },
  async retains(db, customerId) {
    const [row] = await db
      .select({ id: invoices.id })
      .from(invoices)
      .where(eq(invoices.customerId, customerId))
      .limit(1);
    return row !== undefined;
  },
  async purge(db, { now, periods }) {
    const cutoff = retentionCutoff(periods.invoices, now).toISOString().slice(0, 10);
    // Deleted customers whose latest invoice has outlived its period.
    const due = await db
      .select({ customerId: invoices.customerId })
      .from(invoices)
      .innerJoin(customers, eq(customers.id, invoices.customerId))
      .where(isNotNull(customers.deletedAt))
      .groupBy(invoices.customerId)
      .having(sql`max(${invoices.issueDate}) < ${cutoff}`);
    let purged = 0;
    for (const { customerId } of due)
      purged += await db.transaction(async (tx) => {
        const ids = tx.select({ id: invoices.id }).from(invoices).where(eq(invoices.customerId, customerId));
        await tx.delete(payments).where(eq(payments.customerId, customerId));
        await tx.delete(invoiceLines).where(inArray(invoiceLines.invoiceId, ids));
        await tx.delete(invoiceDocuments).where(inArray(invoiceDocuments.invoiceId, ids));
        await tx.delete(invoices).where(and(eq(invoices.customerId, customerId), isNotNull(invoices.cancelsInvoiceId)));
        const deleted = await tx
          .delete(invoices)
          .where(eq(invoices.customerId, customerId))
          .returning({ id: invoices.id });
        return deleted.length;
      });
    return purged;
  },
};
