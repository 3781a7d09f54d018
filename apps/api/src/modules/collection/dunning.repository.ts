import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { customers, directDebits, dunningNotices, dunningStops, invoices } from '../../db/schema/index';
import type { CustomerId } from '../customers/customer-id';

/**
 * Back office (dunning job): open invoices past their due date without a debit waiting for
 * collection and without a dunning stop, with the last notice sent and the customer's type.
 */
export async function findDunningCandidates(db: DbOrTx, today: string, limit = 500) {
  return db
    .select({
      invoice: invoices,
      customerType: customers.customerType,
      lastLevel: sql<
        number | null
      >`(select max(${dunningNotices.level}) from ${dunningNotices} where ${dunningNotices.invoiceId} = ${invoices.id})`,
      lastSentOn: sql<
        string | null
      >`(select max(${dunningNotices.sentOn})::text from ${dunningNotices} where ${dunningNotices.invoiceId} = ${invoices.id})`,
    })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(
      and(
        eq(invoices.kind, 'invoice'),
        eq(invoices.state, 'open'),
        lt(invoices.dueDate, today),
        sql`not exists (select 1 from ${directDebits} where ${directDebits.invoiceId} = ${invoices.id}
          and ${directDebits.status} in ('announced', 'submitted'))`,
        sql`not exists (select 1 from ${dunningStops} where ${dunningStops.invoiceId} = ${invoices.id})`,
      ),
    )
    .orderBy(asc(invoices.dueDate))
    .limit(limit);
}

/** Records a notice once per level (a concurrent run inserts nothing and answers false). */
export async function insertNotice(
  tx: DbOrTx,
  values: { invoiceId: string; customerId: CustomerId; level: number; sentOn: string; feeCents: number },
) {
  const rows = await tx
    .insert(dunningNotices)
    .values(values)
    .onConflictDoNothing({ target: [dunningNotices.invoiceId, dunningNotices.level] })
    .returning({ id: dunningNotices.id });
  return rows.length === 1;
}

export async function findNoticesOfInvoices(db: DbOrTx, customerId: CustomerId, invoiceIds: string[]) {
  if (invoiceIds.length === 0) return [];
  return db
    .select()
    .from(dunningNotices)
    .where(and(eq(dunningNotices.customerId, customerId), inArray(dunningNotices.invoiceId, invoiceIds)))
    .orderBy(asc(dunningNotices.level));
}

export async function listNoticesOf(db: DbOrTx, customerId: CustomerId) {
  return db
    .select()
    .from(dunningNotices)
    .where(eq(dunningNotices.customerId, customerId))
    .orderBy(asc(dunningNotices.sentOn));
}

export async function upsertStop(
  tx: DbOrTx,
  values: { invoiceId: string; customerId: CustomerId; reason: string; setBy: string },
) {
  const [row] = await tx
    .insert(dunningStops)
    .values(values)
    .onConflictDoUpdate({
      target: dunningStops.invoiceId,
      set: { reason: values.reason, setBy: values.setBy, setAt: sql`now()` },
    })
    .returning();
  if (!row) throw new Error('dunning stop upsert returned nothing');
  return row;
}

export async function deleteStop(tx: DbOrTx, invoiceId: string) {
  await tx.delete(dunningStops).where(eq(dunningStops.invoiceId, invoiceId));
}
