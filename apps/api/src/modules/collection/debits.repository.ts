import { and, asc, desc, eq, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  type DirectDebitRow,
  directDebitRuns,
  directDebits,
  invoices,
  mandateSuspensions,
  payments,
  sepaMandates,
} from '../../db/schema/index';
import type { CustomerId } from '../customers/customer-id';

export type NewDirectDebit = typeof directDebits.$inferInsert;
export type NewRun = typeof directDebitRuns.$inferInsert;

export async function insertDirectDebit(tx: DbOrTx, values: NewDirectDebit): Promise<DirectDebitRow> {
  const [row] = await tx.insert(directDebits).values(values).returning();
  if (!row) throw new Error('direct debit insert returned nothing');
  return row;
}

/** The customer's debits of some invoices (invoice list and detail). */
export async function findDebitsOfInvoices(db: DbOrTx, customerId: CustomerId, invoiceIds: string[]) {
  if (invoiceIds.length === 0) return [];
  return db
    .select()
    .from(directDebits)
    .where(and(eq(directDebits.customerId, customerId), inArray(directDebits.invoiceId, invoiceIds)))
    .orderBy(asc(directDebits.announcedAt));
}

/** The debit of an invoice that waits for collection (announced or submitted), if any. */
export async function findPendingDebit(db: DbOrTx, customerId: CustomerId, invoiceId: string) {
  const [row] = await db
    .select()
    .from(directDebits)
    .where(
      and(
        eq(directDebits.customerId, customerId),
        eq(directDebits.invoiceId, invoiceId),
        inArray(directDebits.status, ['announced', 'submitted']),
      ),
    );
  return row;
}

/** Whether the invoice was ever part of a run (then it is never collected again). */
export async function wasInRun(db: DbOrTx, customerId: CustomerId, invoiceId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: directDebits.id })
    .from(directDebits)
    .where(
      and(
        eq(directDebits.customerId, customerId),
        eq(directDebits.invoiceId, invoiceId),
        sql`${directDebits.runId} is not null`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Back office (runs): announced debits due up to `date`, locked for the run's transaction. */
export async function lockDebitsDueBy(tx: DbOrTx, date: string) {
  return tx
    .select()
    .from(directDebits)
    .where(and(eq(directDebits.status, 'announced'), lte(directDebits.collectionDate, date)))
    .orderBy(asc(directDebits.collectionDate), asc(directDebits.announcedAt))
    .for('update');
}

/** Back office (statements): debits by their end-to-end ids, locked. */
export async function lockDebitsByEndToEnd(tx: DbOrTx, endToEndIds: string[]) {
  if (endToEndIds.length === 0) return [];
  return tx.select().from(directDebits).where(inArray(directDebits.endToEndId, endToEndIds)).for('update');
}

/** Back office (statements): the submitted debits of one payment block of a run, locked. */
export async function lockSubmittedDebitsOfBlock(tx: DbOrTx, paymentInfoId: string) {
  return tx
    .select()
    .from(directDebits)
    .where(and(eq(directDebits.paymentInfoId, paymentInfoId), eq(directDebits.status, 'submitted')))
    .for('update');
}

export async function findDebit(db: DbOrTx, id: string) {
  const [row] = await db.select().from(directDebits).where(eq(directDebits.id, id));
  return row;
}

export async function updateDebit(tx: DbOrTx, id: string, changes: Partial<NewDirectDebit>) {
  await tx.update(directDebits).set(changes).where(eq(directDebits.id, id));
}

/**
 * `FRST` for a mandate's first use, `RCUR` after: whether an earlier run holds a debit under it
 * that was not returned (a returned first debit makes the next one a first one again).
 */
export async function mandatesUsedBefore(tx: DbOrTx, mandateIds: string[]): Promise<Set<string>> {
  if (mandateIds.length === 0) return new Set();
  const rows = await tx
    .selectDistinct({ mandateId: directDebits.mandateId })
    .from(directDebits)
    .where(and(inArray(directDebits.mandateId, mandateIds), inArray(directDebits.status, ['submitted', 'collected'])));
  return new Set(rows.map((row) => row.mandateId));
}

/** Returned debits under a mandate (two suspend it). */
export async function countReturnsOfMandate(tx: DbOrTx, mandateId: string): Promise<number> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(directDebits)
    .where(and(eq(directDebits.mandateId, mandateId), eq(directDebits.status, 'returned')));
  return row?.count ?? 0;
}

/** The customer's active mandate and whether returns suspended it. */
export async function findActiveMandateWithSuspension(db: DbOrTx, customerId: CustomerId) {
  const [row] = await db
    .select({ mandate: sepaMandates, suspendedAt: mandateSuspensions.suspendedAt })
    .from(sepaMandates)
    .leftJoin(mandateSuspensions, eq(mandateSuspensions.mandateId, sepaMandates.id))
    .where(and(eq(sepaMandates.customerId, customerId), isNull(sepaMandates.revokedAt)))
    .limit(1);
  return row;
}

export async function suspendMandate(tx: DbOrTx, customerId: CustomerId, mandateId: string) {
  await tx.insert(mandateSuspensions).values({ mandateId, customerId }).onConflictDoNothing();
}

/** Back office (mandate expiry): active mandates with no debit submitted since `before` and signed before it. */
export async function findMandatesUnusedSince(db: DbOrTx, before: Date) {
  return db
    .select({ id: sepaMandates.id, customerId: sepaMandates.customerId, reference: sepaMandates.reference })
    .from(sepaMandates)
    .where(
      and(
        isNull(sepaMandates.revokedAt),
        sql`${sepaMandates.signedAt} < ${before.toISOString()}`,
        sql`not exists (select 1 from ${directDebits} where ${directDebits.mandateId} = ${sepaMandates.id}
          and ${directDebits.submittedAt} >= ${before.toISOString()})`,
      ),
    );
}

export async function expireMandate(tx: DbOrTx, customerId: CustomerId, mandateId: string) {
  const rows = await tx
    .update(sepaMandates)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sepaMandates.customerId, customerId), eq(sepaMandates.id, mandateId), isNull(sepaMandates.revokedAt)))
    .returning({ id: sepaMandates.id });
  return rows.length === 1;
}

export async function findRunByDate(db: DbOrTx, collectionDate: string) {
  const [row] = await db
    .select({ id: directDebitRuns.id })
    .from(directDebitRuns)
    .where(eq(directDebitRuns.collectionDate, collectionDate));
  return row;
}

export async function insertRun(tx: DbOrTx, values: NewRun) {
  const [row] = await tx.insert(directDebitRuns).values(values).returning();
  if (!row) throw new Error('run insert returned nothing');
  return row;
}

const runColumns = {
  id: directDebitRuns.id,
  collectionDate: directDebitRuns.collectionDate,
  transactionCount: directDebitRuns.transactionCount,
  totalCents: directDebitRuns.totalCents,
  messageId: directDebitRuns.messageId,
  createdAt: directDebitRuns.createdAt,
};

export async function listRuns(db: DbOrTx, limit = 100) {
  return db.select(runColumns).from(directDebitRuns).orderBy(desc(directDebitRuns.collectionDate)).limit(limit);
}

export async function findRunFile(db: DbOrTx, runId: string) {
  const [row] = await db
    .select({ xml: directDebitRuns.xml, sha256: directDebitRuns.sha256, messageId: directDebitRuns.messageId })
    .from(directDebitRuns)
    .where(eq(directDebitRuns.id, runId));
  return row;
}

/** Back office: the open invoices of some numbers, locked (statement matching). */
export async function lockInvoicesByNumber(tx: DbOrTx, numbers: string[]) {
  if (numbers.length === 0) return [];
  return tx
    .select()
    .from(invoices)
    .where(and(inArray(invoices.number, numbers), eq(invoices.kind, 'invoice')))
    .orderBy(asc(invoices.id))
    .for('update');
}

/** Succeeded payments of an invoice, in cents (partial payments). */
export async function paidCentsOf(db: DbOrTx, invoiceId: string): Promise<number> {
  const [row] = await db
    .select({ paid: sql<number>`coalesce(sum(${payments.amountCents}), 0)::int` })
    .from(payments)
    .where(and(eq(payments.invoiceId, invoiceId), eq(payments.status, 'succeeded')));
  return row?.paid ?? 0;
}

/** Debits of a customer that are not withdrawn (export), newest first. */
export async function listDebitsOf(db: DbOrTx, customerId: CustomerId) {
  return db
    .select()
    .from(directDebits)
    .where(and(eq(directDebits.customerId, customerId), ne(directDebits.status, 'withdrawn')))
    .orderBy(desc(directDebits.announcedAt));
}
