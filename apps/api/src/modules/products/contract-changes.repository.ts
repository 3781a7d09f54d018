import { and, asc, desc, eq, isNull, lte, max, notExists } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { contractChanges, contractDocuments, customerProducts, documentFiles } from '../../db/schema/index';
import type { CustomerId } from '../customers/customer-id';

export type NewContractChange = typeof contractChanges.$inferInsert;

/** A contract's changes, newest first; scoped by the customer like every contract query. */
export async function findContractChanges(db: DbOrTx, customerId: CustomerId, productId: string) {
  return db
    .select()
    .from(contractChanges)
    .where(and(eq(contractChanges.customerId, customerId), eq(contractChanges.productId, productId)))
    .orderBy(desc(contractChanges.version));
}

/** The version the next change gets: the booking's order confirmation is version 1. */
export async function nextChangeVersion(db: DbOrTx, customerId: CustomerId, productId: string) {
  const [row] = await db
    .select({ last: max(contractChanges.version) })
    .from(contractChanges)
    .where(and(eq(contractChanges.customerId, customerId), eq(contractChanges.productId, productId)));
  return (row?.last ?? 1) + 1;
}

export async function hasPendingChange(db: DbOrTx, customerId: CustomerId, productId: string) {
  const [row] = await db
    .select({ id: contractChanges.id })
    .from(contractChanges)
    .where(
      and(
        eq(contractChanges.customerId, customerId),
        eq(contractChanges.productId, productId),
        isNull(contractChanges.appliedAt),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function insertContractChange(db: DbOrTx, values: NewContractChange) {
  const [row] = await db.insert(contractChanges).values(values).returning();
  if (!row) throw new Error('contract change insert returned nothing');
  return row;
}

/** Writes a change's terms into its contract and marks it applied (the caller holds the row lock). */
export async function applyContractChange(db: DbOrTx, change: typeof contractChanges.$inferSelect, now: Date) {
  await db
    .update(customerProducts)
    .set({
      priceCents: change.priceCents,
      billingInterval: change.billingInterval,
      minimumTermMonths: change.minimumTermMonths,
      noticePeriodMonths: change.noticePeriodMonths,
      renewalMonths: change.renewalMonths,
    })
    .where(and(eq(customerProducts.customerId, change.customerId), eq(customerProducts.id, change.productId)));
  await db.update(contractChanges).set({ appliedAt: now }).where(eq(contractChanges.id, change.id));
}

/** Changes whose day has come and that no contract carries yet (the hourly job), oldest first. */
export async function lockDueContractChanges(db: DbOrTx, onDay: string, limit = 100) {
  return db
    .select()
    .from(contractChanges)
    .where(and(isNull(contractChanges.appliedAt), lte(contractChanges.effectiveDate, onDay)))
    .orderBy(asc(contractChanges.effectiveDate), asc(contractChanges.version))
    .for('update', { skipLocked: true })
    .limit(limit);
}

/** One change of a contract, locked against the hourly job (which skips locked rows). */
export async function lockContractChange(tx: DbOrTx, customerId: CustomerId, productId: string, changeId: string) {
  const [row] = await tx
    .select()
    .from(contractChanges)
    .where(
      and(
        eq(contractChanges.customerId, customerId),
        eq(contractChanges.productId, productId),
        eq(contractChanges.id, changeId),
      ),
    )
    .for('update')
    .limit(1);
  return row;
}

/**
 * Removes a change that never took effect together with its document version, so the previous
 * version is the current one again; the PDF's bytes go when no other document shares them.
 */
export async function deleteWaitingChange(tx: DbOrTx, change: typeof contractChanges.$inferSelect) {
  await tx
    .delete(contractChanges)
    .where(and(eq(contractChanges.customerId, change.customerId), eq(contractChanges.id, change.id)));
  if (!change.documentId) return;
  const [document] = await tx
    .delete(contractDocuments)
    .where(and(eq(contractDocuments.customerId, change.customerId), eq(contractDocuments.id, change.documentId)))
    .returning({ fileId: contractDocuments.fileId });
  if (!document) return;
  await tx
    .delete(documentFiles)
    .where(
      and(
        eq(documentFiles.id, document.fileId),
        notExists(tx.select().from(contractDocuments).where(eq(contractDocuments.fileId, document.fileId))),
      ),
    );
}
