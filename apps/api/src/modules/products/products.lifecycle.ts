import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import {
  contractChanges,
  contractDocuments,
  customerProducts,
  customers,
  documentFiles,
  productCancellations,
} from '../../db/schema/index';
import type { DataLifecycle } from '../../lifecycle/data-lifecycle';
import { invoicesLifecycle } from '../invoices/invoices.lifecycle';

/**
 * Contracts with the documents in the version the customer accepted, the provider's changes of
 * price or terms, and their cancellations.
 * Kept with the invoices that bill them (commercial correspondence, §257 HGB) and purged together:
 * a deleted customer's contracts go once no invoice of theirs is left.
 */
export const productsLifecycle: DataLifecycle = {
  module: 'products',
  tables: [customerProducts, productCancellations, contractDocuments, contractChanges],
  keptAfterDeletion: ['invoices'],
  async export(db, customerId) {
    const [products, documents, cancellations, changes] = await Promise.all([
      db
        .select()
        .from(customerProducts)
        .where(eq(customerProducts.customerId, customerId))
        .orderBy(asc(customerProducts.startDate), asc(customerProducts.contractNumber)),
      db
        .select()
        .from(contractDocuments)
        .where(eq(contractDocuments.customerId, customerId))
        .orderBy(asc(contractDocuments.createdAt)),
      db.select().from(productCancellations).where(eq(productCancellations.customerId, customerId)),
      db
        .select()
        .from(contractChanges)
        .where(eq(contractChanges.customerId, customerId))
        .orderBy(asc(contractChanges.version)),
    ]);
    return {
      contracts: products.map((product) => {
        const cancellation = cancellations.find((entry) => entry.productId === product.id);
        return {
          id: product.id,
          contractNumber: product.contractNumber,
          name: product.name,
          startDate: product.startDate,
          priceCents: product.priceCents,
          billingInterval: product.billingInterval,
          minimumTermMonths: product.minimumTermMonths,
          noticePeriodMonths: product.noticePeriodMonths,
          renewalMonths: product.renewalMonths,
          status: product.status,
          createdAt: product.createdAt.toISOString(),
          documents: documents
            .filter((document) => document.productId === product.id)
            .map((document) => ({
              id: document.id,
              kind: document.kind,
              title: document.title,
              version: document.version,
              acceptedOn: document.acceptedOn,
              createdAt: document.createdAt.toISOString(),
            })),
          changes: changes
            .filter((change) => change.productId === product.id)
            .map((change) => ({
              version: change.version,
              effectiveDate: change.effectiveDate,
              priceCents: change.priceCents,
              billingInterval: change.billingInterval,
              minimumTermMonths: change.minimumTermMonths,
              noticePeriodMonths: change.noticePeriodMonths,
              renewalMonths: change.renewalMonths,
              previous: change.previous,
              reason: change.reason,
              createdAt: change.createdAt.toISOString(),
            })),
          cancellation: cancellation
            ? {
                type: cancellation.type,
                reason: cancellation.reason,
                requestedEndDate: cancellation.requestedEndDate,
                effectiveDate: cancellation.effectiveDate,
                channel: cancellation.channel,
                receivedAt: cancellation.receivedAt.toISOString(),
              }
            : null,
        };
      }),
    };
  },
  async retains(db, customerId) {
    const [row] = await db
      .select({ id: customerProducts.id })
      .from(customerProducts)
      .where(eq(customerProducts.customerId, customerId))
      .limit(1);
    return row !== undefined;
  },
  async purge(db) {
    const due = await db
      .selectDistinct({ customerId: customerProducts.customerId })
      .from(customerProducts)
      .innerJoin(customers, eq(customers.id, customerProducts.customerId))
      .where(isNotNull(customers.deletedAt));
    let purged = 0;
    for (const { customerId } of due) {
      // The contracts stay while an invoice that bills them is kept.
      if (await invoicesLifecycle.retains?.(db, customerId)) continue;
      purged += await db.transaction(async (tx) => {
        await tx.delete(contractChanges).where(eq(contractChanges.customerId, customerId));
        const files = await tx
          .delete(contractDocuments)
          .where(eq(contractDocuments.customerId, customerId))
          .returning({ fileId: contractDocuments.fileId });
        await tx.delete(productCancellations).where(eq(productCancellations.customerId, customerId));
        const deleted = await tx
          .delete(customerProducts)
          .where(eq(customerProducts.customerId, customerId))
          .returning({ id: customerProducts.id });
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
        return deleted.length;
      });
    }
    return purged;
  },
};
