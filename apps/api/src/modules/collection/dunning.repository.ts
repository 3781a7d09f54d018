import { and, asc, eq, ilike, inArray, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { customers, directDebits, dunningNotices, dunningStops, invoices, users } from '../../db/schema/index';
import { likePattern } from '../../lib/pagination';
import type { CustomerId } from '../customers/customer-id';
import { customerSearch } from '../customers/customer-search';
import { summaryColumns } from '../invoices/invoices.repository';

/**
 * What the dunning job works on, and the overview shows: open invoices past their due date
 * without a debit waiting for collection (`invoices_overdue_due_date_number_idx`, migration 0032).
 */
const overdueForDunning = (today: string) => [
  // Literals, not parameters: the planner matches them to the partial index's predicate.
  sql`${invoices.state} = 'open' and ${invoices.kind} = 'invoice'`,
  lt(invoices.dueDate, today),
  sql`not exists (select 1 from ${directDebits} where ${directDebits.invoiceId} = ${invoices.id}
    and ${directDebits.status} in ('announced', 'submitted'))`,
];

const lastLevel = sql<
  number | null
>`(select max(${dunningNotices.level}) from ${dunningNotices} where ${dunningNotices.invoiceId} = ${invoices.id})`;
const lastSentOn = sql<
  string | null
>`(select max(${dunningNotices.sentOn})::text from ${dunningNotices} where ${dunningNotices.invoiceId} = ${invoices.id})`;

/**
 * Back office (dunning job): open invoices past their due date without a debit waiting for
 * collection and without a dunning stop, with the last notice sent and the customer's type.
 */
export async function findDunningCandidates(db: DbOrTx, today: string, limit = 500) {
  return db
    .select({
      invoice: invoices,
      customerType: customers.customerType,
      lastLevel,
      lastSentOn,
    })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(
      and(
        ...overdueForDunning(today),
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

export interface DunningOverviewOptions {
  q?: string | undefined;
  stopped?: boolean | undefined;
  level?: number | undefined;
  today: string;
  limit: number;
  /** Keyset: the last item of the previous page. */
  after?: { dueDate: string; number: string } | undefined;
}

/** What has been paid of the invoice: the invoice list's own column, one definition of it. */
const { paidCents } = summaryColumns;

/**
 * Back office only (every customer, no customer id; `access: 'staff'` routes): the invoices the
 * dunning job works on, stopped ones too, with something still open; oldest due date first on
 * (due_date, number), the order of `invoices_overdue_due_date_number_idx`.
 */
export async function findDunningOverview(db: DbOrTx, options: DunningOverviewOptions) {
  const conditions: Array<SQL | undefined> = [
    ...overdueForDunning(options.today),
    sql`${invoices.grossCents} > ${paidCents}`,
  ];
  const q = options.q?.trim();
  if (q)
    conditions.push(
      or(ilike(invoices.number, likePattern(q)), customerSearch(invoices.customerId, q, { byEmail: false })),
    );
  if (options.stopped !== undefined) {
    conditions.push(options.stopped ? isNotNull(dunningStops.invoiceId) : isNull(dunningStops.invoiceId));
  }
  if (options.level !== undefined) conditions.push(sql`coalesce(${lastLevel}, 0) = ${options.level}`);
  if (options.after) {
    const { dueDate, number } = options.after;
    conditions.push(sql`(${invoices.dueDate}, ${invoices.number}) > (${dueDate}, ${number})`);
  }
  return db
    .select({
      invoiceId: invoices.id,
      number: invoices.number,
      dueDate: invoices.dueDate,
      grossCents: invoices.grossCents,
      paidCents,
      customerId: invoices.customerId,
      customerNumber: customers.customerNumber,
      customerName: customers.name,
      customerCompany: customers.company,
      lastLevel,
      lastSentOn,
      stopReason: dunningStops.reason,
      stopSetAt: dunningStops.setAt,
      stopSetBy: dunningStops.setBy,
      stopSetByName: users.name,
    })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .leftJoin(dunningStops, eq(dunningStops.invoiceId, invoices.id))
    .leftJoin(users, eq(users.id, dunningStops.setBy))
    .where(and(...conditions))
    .orderBy(asc(invoices.dueDate), asc(invoices.number))
    .limit(options.limit);
}
