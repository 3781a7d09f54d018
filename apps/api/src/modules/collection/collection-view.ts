import type { TDirectDebitState, TInvoiceEvent } from '@portal/contracts';
import type { DbOrTx } from '../../db/client';
import type { DirectDebitRow, InvoiceRow, PaymentRow } from '../../db/schema/index';
import { calendarDateOf } from '../../lib/calendar';
import type { CustomerId } from '../customers/customer-id';
import { findDebitsOfInvoices } from './debits.repository';
import { findNoticesOfInvoices } from './dunning.repository';

/** What the portal shows of collection on an invoice (list items and detail). */
export interface CollectionFacts {
  directDebit: TDirectDebitState | null;
  /** A debit is announced or submitted: the invoice is not overdue, nobody dunns it. */
  debitPending: boolean;
  dunningLevel: number | null;
}

const NONE: CollectionFacts = { directDebit: null, debitPending: false, dunningLevel: null };

function stateOf(debit: DirectDebitRow): TDirectDebitState | null {
  if (debit.status === 'withdrawn') return null;
  return {
    status: debit.status,
    collectionDate: debit.requestedCollectionDate ?? debit.collectionDate,
    mandateReference: debit.mandateReference,
    returnReason: debit.returnReason,
  };
}

/** The customer's invoices' collection facts, by invoice id (one query each for debits and notices). */
export async function collectionFactsOf(
  db: DbOrTx,
  customerId: CustomerId,
  invoiceIds: string[],
): Promise<(invoiceId: string) => CollectionFacts> {
  const [debits, notices] = await Promise.all([
    findDebitsOfInvoices(db, customerId, invoiceIds),
    findNoticesOfInvoices(db, customerId, invoiceIds),
  ]);
  const facts = new Map<string, CollectionFacts>();
  for (const debit of debits) {
    const state = stateOf(debit);
    if (!state) continue;
    const entry = facts.get(debit.invoiceId) ?? { ...NONE };
    // Debits come oldest first: the latest one that was not withdrawn is what the invoice shows.
    entry.directDebit = state;
    entry.debitPending = debit.status === 'announced' || debit.status === 'submitted';
    facts.set(debit.invoiceId, entry);
  }
  for (const notice of notices) {
    const entry = facts.get(notice.invoiceId) ?? { ...NONE };
    entry.dunningLevel = Math.max(entry.dunningLevel ?? 0, notice.level);
    facts.set(notice.invoiceId, entry);
  }
  return (invoiceId) => facts.get(invoiceId) ?? NONE;
}

/** The invoice's history, oldest first: issue, each debit's steps, other payments, reminders. */
export async function invoiceHistory(
  db: DbOrTx,
  invoice: InvoiceRow,
  paymentRows: PaymentRow[],
): Promise<TInvoiceEvent[]> {
  const [debits, notices] = await Promise.all([
    findDebitsOfInvoices(db, invoice.customerId, [invoice.id]),
    findNoticesOfInvoices(db, invoice.customerId, [invoice.id]),
  ]);
  const events: TInvoiceEvent[] = [{ type: 'issued', date: invoice.issueDate }];
  const debitPayments = new Set(debits.map((debit) => debit.paymentId));
  for (const debit of debits) {
    events.push({
      type: 'debit_announced',
      date: calendarDateOf(debit.announcedAt),
      collectionDate: debit.collectionDate,
      amount: debit.amountCents,
    });
    if (debit.status === 'withdrawn') {
      events.push({
        type: 'debit_withdrawn',
        date: calendarDateOf(debit.announcedAt),
        reason: debit.withdrawnReason ?? '',
      });
      continue;
    }
    if (debit.submittedAt) {
      events.push({
        type: 'debit_submitted',
        date: calendarDateOf(debit.submittedAt),
        collectionDate: debit.requestedCollectionDate ?? debit.collectionDate,
      });
    }
    if (debit.collectedOn) events.push({ type: 'debit_collected', date: debit.collectedOn, amount: debit.amountCents });
    if (debit.returnedOn) {
      events.push({
        type: 'debit_returned',
        date: debit.returnedOn,
        reason: debit.returnReason,
        fee: debit.returnFeeCents ?? 0,
      });
    }
  }
  for (const payment of paymentRows) {
    if (debitPayments.has(payment.id) || payment.status !== 'succeeded' || !payment.settledAt) continue;
    events.push({
      type: 'payment_received',
      date: calendarDateOf(payment.settledAt),
      amount: payment.amountCents,
      method: payment.method,
    });
  }
  for (const notice of notices) {
    events.push({ type: 'reminder', date: notice.sentOn, level: notice.level, fee: notice.feeCents });
  }
  // Stable by date; same-day events keep the order they were added in (announced before submitted).
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.date.localeCompare(b.event.date) || a.index - b.index)
    .map(({ event }) => event);
}
