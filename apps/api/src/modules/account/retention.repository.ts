import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  contractDocuments,
  customerProducts,
  documentFiles,
  invoiceDocuments,
  invoiceLines,
  invoices,
  outboxEmails,
  payments,
  productCancellations,
  tickets,
  users,
} from '../../db/schema/index';

/** Issue dates of a deleted customer's retained invoices: they decide when the purge may run. */
export async function findRetainedInvoiceDates(db: DbOrTx, customerId: string): Promise<string[]> {
  const rows = await db
    .select({ issueDate: invoices.issueDate })
    .from(invoices)
    .where(eq(invoices.customerId, customerId));
  return rows.map((row) => row.issueDate);
}

/**
 * Removes a deleted customer's retained records for good, dependants first (the foreign keys
 * restrict deletion). Runs only for rows whose `deleted_at` is set, whatever the caller passes.
 */
export async function purgeDeletedCustomer(tx: DbOrTx, customerId: string) {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, customerId), isNotNull(users.deletedAt)))
    .for('update');
  if (!row) return false;
  const invoiceIds = tx.select({ id: invoices.id }).from(invoices).where(eq(invoices.customerId, customerId));
  await tx.delete(payments).where(eq(payments.customerId, customerId));
  await tx.delete(invoiceLines).where(inArray(invoiceLines.invoiceId, invoiceIds));
  await tx.delete(invoiceDocuments).where(inArray(invoiceDocuments.invoiceId, invoiceIds));
  // Cancellation invoices reference the invoice they cancel: they go first.
  await tx.delete(invoices).where(and(eq(invoices.customerId, customerId), isNotNull(invoices.cancelsInvoiceId)));
  await tx.delete(invoices).where(eq(invoices.customerId, customerId));
  const files = await tx
    .delete(contractDocuments)
    .where(eq(contractDocuments.customerId, customerId))
    .returning({ fileId: contractDocuments.fileId });
  await tx.delete(productCancellations).where(eq(productCancellations.customerId, customerId));
  await tx.delete(customerProducts).where(eq(customerProducts.customerId, customerId));
  await tx.delete(tickets).where(eq(tickets.customerId, customerId));
  await tx.delete(users).where(eq(users.id, customerId));
  // Document files may be shared (the same terms for many contracts): only orphans go.
  const fileIds = [...new Set(files.map((file) => file.fileId))];
  if (fileIds.length > 0)
    await tx
      .delete(documentFiles)
      .where(
        and(
          inArray(documentFiles.id, fileIds),
          sql`not exists (select 1 from ${contractDocuments} where ${contractDocuments.fileId} = ${documentFiles.id})`,
        ),
      );
  return true;
}

/** The farewell e-mail is the last personal datum of a deleted account; once delivered it goes. */
export async function deleteDeliveredFarewells(db: DbOrTx) {
  await db
    .delete(outboxEmails)
    .where(and(eq(outboxEmails.template, 'account.deleted'), isNotNull(outboxEmails.sentAt)));
}

/** Erasure: mails to the customer (sent or not) hold names, addresses and links. */
export async function deleteEmailsTo(db: DbOrTx, address: string) {
  await db.delete(outboxEmails).where(eq(sql`lower(${outboxEmails.toAddress})`, address.toLowerCase()));
}
