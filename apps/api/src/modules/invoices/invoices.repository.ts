import type { TDirectDebitState, TInvoiceStatus } from '@portal/contracts';
import { and, asc, desc, eq, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { preparedFor } from '../../db/prepared';
import {
  directDebits,
  dunningNotices,
  type InvoiceLineRow,
  type InvoiceRow,
  invoiceDocuments,
  invoiceLines,
  invoiceNumberCounters,
  invoices,
  payments,
} from '../../db/schema/index';
import type { CustomerId } from '../customers/customer-id';

export type NewInvoice = typeof invoices.$inferInsert;
export type NewInvoiceLine = Omit<typeof invoiceLines.$inferInsert, 'invoiceId'>;
export type InvoiceWithLines = InvoiceRow & { lines: InvoiceLineRow[] };

/**
 * Next number of a year. The upsert takes the counter row's lock until the caller's transaction
 * ends, so concurrent issuers queue and a rollback returns the number: no gaps, no duplicates.
 */
export async function allocateInvoiceSequence(tx: DbOrTx, year: number): Promise<number> {
  const [row] = await tx
    .insert(invoiceNumberCounters)
    .values({ year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: invoiceNumberCounters.year,
      set: { lastNumber: sql`${invoiceNumberCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: invoiceNumberCounters.lastNumber });
  if (!row) throw new Error('invoice number allocation returned nothing');
  return row.lastNumber;
}

export async function insertInvoice(
  tx: DbOrTx,
  values: NewInvoice,
  lines: NewInvoiceLine[],
): Promise<InvoiceWithLines> {
  const [row] = await tx.insert(invoices).values(values).returning();
  if (!row) throw new Error('invoice insert returned nothing');
  const lineRows = await tx
    .insert(invoiceLines)
    .values(lines.map((line) => ({ ...line, invoiceId: row.id })))
    .returning();
  return { ...row, lines: lineRows.sort((a, b) => a.position - b.position) };
}

/**
 * The invoice's columns written with their table: in a subquery of another table, drizzle's bare
 * "id" of a one-table select would name that table's own column (every payment compared with itself).
 */
const invoiceId = sql`${sql.identifier('invoices')}.${sql.identifier('id')}`;
const invoiceCustomerId = sql`${sql.identifier('invoices')}.${sql.identifier('customer_id')}`;

/** A direct debit of the invoice is announced or submitted: its payment row waits (see modules/collection). */
export const debitPending = sql`exists (select 1 from ${payments} where ${payments.invoiceId} = ${invoiceId}
  and ${payments.method} = 'sepa_debit' and ${payments.status} = 'pending')`;

/**
 * The SQL for one status as customers see it; `overdue` is an open invoice past its due date
 * that no announced or submitted direct debit is about to pay.
 */
export function statusCondition(status: TInvoiceStatus, today: string): SQL {
  switch (status) {
    case 'open':
      return sql`${invoices.state} = 'open' and (${invoices.dueDate} >= ${today} or ${debitPending})`;
    case 'overdue':
      return sql`${invoices.state} = 'open' and ${invoices.dueDate} < ${today} and not ${debitPending}`;
    default:
      return eq(invoices.state, status);
  }
}

export interface InvoiceListOptions {
  statuses?: TInvoiceStatus[] | undefined;
  today: string;
  limit: number;
  /** Keyset: the last item of the previous page. */
  after?: { issueDate: string; number: string } | undefined;
}

export const summaryColumns = {
  id: invoices.id,
  number: invoices.number,
  kind: invoices.kind,
  issueDate: invoices.issueDate,
  dueDate: invoices.dueDate,
  state: invoices.state,
  netCents: invoices.netCents,
  taxCents: invoices.taxCents,
  grossCents: invoices.grossCents,
  paidCents: sql<number>`(select coalesce(sum(${payments.amountCents}), 0)::int from ${payments}
    where ${payments.invoiceId} = ${invoiceId} and ${payments.status} = 'succeeded')`.mapWith(Number),
};

/**
 * What a list shows of collection, in the list's own query (collection-view.ts derives the same
 * for one invoice): the latest direct debit that was not withdrawn, and the highest reminder level.
 */
export const listColumns = {
  ...summaryColumns,
  directDebit: sql<TDirectDebitState | null>`(select json_build_object('status', ${directDebits.status},
    'collectionDate', coalesce(${directDebits.requestedCollectionDate}, ${directDebits.collectionDate}),
    'mandateReference', ${directDebits.mandateReference}, 'returnReason', ${directDebits.returnReason})
    from ${directDebits} where ${directDebits.customerId} = ${invoiceCustomerId} and ${directDebits.invoiceId} = ${invoiceId}
    and ${directDebits.status} <> 'withdrawn' order by ${directDebits.announcedAt} desc limit 1)`,
  dunningLevel: sql<number | null>`(select max(${dunningNotices.level}) from ${dunningNotices}
    where ${dunningNotices.customerId} = ${invoiceCustomerId} and ${dunningNotices.invoiceId} = ${invoiceId})`,
};

/**
 * The first page of the list, unfiltered: what every visit of the page asks. Its SQL is also the
 * benchmark's ceiling of one raw pg trip (bench/bare-server.ts).
 */
export const firstPageOfInvoicesQuery = (db: DbOrTx) =>
  db
    .select(listColumns)
    .from(invoices)
    .where(eq(invoices.customerId, sql.placeholder('customerId')))
    .orderBy(desc(invoices.issueDate), desc(invoices.number))
    .limit(sql.placeholder('limit'));

/** The first page, prepared once. */
const firstPageOfInvoices = preparedFor((db) => firstPageOfInvoicesQuery(db).prepare('invoices_first_page'));

/** One page of the customer's invoices, newest first, with the list's columns only: one query. */
export async function findInvoiceSummaries(db: DbOrTx, customerId: CustomerId, options: InvoiceListOptions) {
  if (!options.statuses?.length && !options.after) {
    return firstPageOfInvoices(db).execute({ customerId, limit: options.limit });
  }
  return db
    .select(listColumns)
    .from(invoices)
    .where(invoiceListConditions(customerId, options))
    .orderBy(desc(invoices.issueDate), desc(invoices.number))
    .limit(options.limit);
}

/** The same page with every column (the data export wants the snapshots too). */
export async function findInvoices(db: DbOrTx, customerId: CustomerId, options: InvoiceListOptions) {
  return db
    .select()
    .from(invoices)
    .where(invoiceListConditions(customerId, options))
    .orderBy(desc(invoices.issueDate), desc(invoices.number))
    .limit(options.limit);
}

function invoiceListConditions(customerId: CustomerId, options: InvoiceListOptions) {
  const conditions: SQL[] = [eq(invoices.customerId, customerId)];
  if (options.statuses?.length) {
    const anyStatus = or(...options.statuses.map((status) => statusCondition(status, options.today)));
    if (anyStatus) conditions.push(anyStatus);
  }
  if (options.after) {
    const { issueDate, number } = options.after;
    const before = or(
      lt(invoices.issueDate, issueDate),
      and(eq(invoices.issueDate, issueDate), lt(invoices.number, number)),
    );
    if (before) conditions.push(before);
  }
  return and(...conditions);
}

export async function findInvoice(
  db: DbOrTx,
  customerId: CustomerId,
  invoiceId: string,
): Promise<InvoiceWithLines | undefined> {
  const [row] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.customerId, customerId), eq(invoices.id, invoiceId)));
  if (!row) return undefined;
  const lines = await db
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, row.id))
    .orderBy(asc(invoiceLines.position));
  return { ...row, lines };
}

/** Locks the invoice row for the rest of the transaction: payments and settlements queue on it. */
export async function lockInvoice(
  tx: DbOrTx,
  customerId: CustomerId,
  invoiceId: string,
): Promise<InvoiceRow | undefined> {
  const [row] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.customerId, customerId), eq(invoices.id, invoiceId)))
    .for('update');
  return row;
}

/** Back office only: staff act on any customer's invoice. */
export async function lockInvoiceForBackOffice(tx: DbOrTx, invoiceId: string): Promise<InvoiceRow | undefined> {
  const [row] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for('update');
  return row;
}

export async function findInvoiceLines(db: DbOrTx, invoiceId: string) {
  return db
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoiceId))
    .orderBy(asc(invoiceLines.position));
}

/** Open or overdue invoices: account deletion's blockers and the overview's list. */
export async function findUnpaidInvoices(
  db: DbOrTx,
  customerId: CustomerId,
): Promise<Array<{ id: string; number: string }>> {
  return db
    .select({ id: invoices.id, number: invoices.number })
    .from(invoices)
    .where(and(eq(invoices.customerId, customerId), eq(invoices.state, 'open')))
    .orderBy(asc(invoices.dueDate));
}

const unpaidInvoiceRows = preparedFor((db) =>
  db
    .select(listColumns)
    .from(invoices)
    .where(and(eq(invoices.customerId, sql.placeholder('customerId')), eq(invoices.state, 'open')))
    .orderBy(asc(invoices.dueDate))
    .limit(sql.placeholder('limit'))
    .prepare('overview_unpaid_invoices'),
);

/** The overview's open invoices, with the list's columns. */
export async function findUnpaidInvoiceRows(db: DbOrTx, customerId: CustomerId, limit = 20) {
  return unpaidInvoiceRows(db).execute({ customerId, limit });
}

/** Which of these invoices have been cancelled, and by which cancellation invoice. */
export async function findCancellationOf(db: DbOrTx, customerId: CustomerId, invoiceId: string) {
  const [row] = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(eq(invoices.customerId, customerId), eq(invoices.cancelsInvoiceId, invoiceId)));
  return row?.id ?? null;
}

/** Paid (at `at`, e.g. the booking date of the bank statement; default now) or cancelled. */
export async function setInvoiceState(tx: DbOrTx, invoiceId: string, state: 'paid' | 'cancelled', at?: Date) {
  const when = at ? sql`${at.toISOString()}::timestamptz` : sql`now()`;
  await tx
    .update(invoices)
    .set(state === 'paid' ? { state, paidAt: when } : { state, cancelledAt: when })
    .where(and(eq(invoices.id, invoiceId), eq(invoices.state, 'open')));
}

/** A returned direct debit makes a paid invoice open again (the database allows only this way back). */
export async function reopenInvoice(tx: DbOrTx, invoiceId: string) {
  await tx
    .update(invoices)
    .set({ state: 'open', paidAt: null })
    .where(and(eq(invoices.id, invoiceId), eq(invoices.state, 'paid')));
}

/** The archived documents of one of the customer's invoices. */
export async function findInvoiceDocument(db: DbOrTx, customerId: CustomerId, invoiceId: string) {
  const [row] = await db
    .select({
      pdf: invoiceDocuments.pdf,
      sha256: invoiceDocuments.sha256,
      facturX: invoiceDocuments.facturX,
      xml: invoiceDocuments.xml,
      xmlSha256: invoiceDocuments.xmlSha256,
    })
    .from(invoiceDocuments)
    .innerJoin(invoices, eq(invoices.id, invoiceDocuments.invoiceId))
    .where(and(eq(invoices.customerId, customerId), eq(invoiceDocuments.invoiceId, invoiceId)));
  return row;
}

/** Which documents are archived, without loading them. */
export async function findDocumentFormats(db: DbOrTx, customerId: CustomerId, invoiceId: string) {
  const [row] = await db
    .select({ facturX: invoiceDocuments.facturX, hasXml: sql<boolean>`${invoiceDocuments.xml} is not null` })
    .from(invoiceDocuments)
    .innerJoin(invoices, eq(invoices.id, invoiceDocuments.invoiceId))
    .where(and(eq(invoices.customerId, customerId), eq(invoiceDocuments.invoiceId, invoiceId)));
  return row;
}

export type NewInvoiceDocuments = typeof invoiceDocuments.$inferInsert;

/** Archives an invoice's documents once; a concurrent back-fill keeps whichever came first. */
export async function insertInvoiceDocuments(tx: DbOrTx, documents: NewInvoiceDocuments) {
  await tx.insert(invoiceDocuments).values(documents).onConflictDoNothing();
}

/** The one change an archived row allows (see the trigger): the XRechnung of a legacy PDF. */
export async function addXmlToLegacyDocument(tx: DbOrTx, invoiceId: string, xml: Buffer, xmlSha256: string) {
  await tx
    .update(invoiceDocuments)
    .set({ xml, xmlSha256 })
    .where(and(eq(invoiceDocuments.invoiceId, invoiceId), isNull(invoiceDocuments.xml)));
}

/** Back office / back-fill: invoices whose documents are missing or lack the XRechnung. */
export async function findInvoicesToArchive(db: DbOrTx, limit: number) {
  return db
    .select({
      id: invoices.id,
      customerId: invoices.customerId,
      hasPdf: sql<boolean>`${invoiceDocuments.invoiceId} is not null`,
    })
    .from(invoices)
    .leftJoin(invoiceDocuments, eq(invoiceDocuments.invoiceId, invoices.id))
    .where(or(isNull(invoiceDocuments.invoiceId), isNull(invoiceDocuments.xml)))
    .orderBy(asc(invoices.issueDate), asc(invoices.number))
    .limit(limit);
}

/** The invoice a cancellation or correction refers to (same customer by construction). */
export async function findPrecedingInvoice(db: DbOrTx, invoice: InvoiceRow) {
  const precedingId = invoice.cancelsInvoiceId ?? invoice.correctsInvoiceId;
  if (!precedingId) return undefined;
  const [row] = await db
    .select({ number: invoices.number, issueDate: invoices.issueDate })
    .from(invoices)
    .where(and(eq(invoices.customerId, invoice.customerId), eq(invoices.id, precedingId)));
  return row;
}
