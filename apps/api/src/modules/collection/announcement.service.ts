import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { type InvoiceRow, payments, type SepaMandateRow } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import { calendarDateOf } from '../../lib/calendar';
import type { CustomerId } from '../customers/customer-id';
import { insertPayment } from '../invoices/payments.repository';
import { sendPreNotification } from './collection-emails';
import {
  findActiveMandateWithSuspension,
  findPendingDebit,
  findRunByDate,
  insertDirectDebit,
  paidCentsOf,
  updateDebit,
  wasInRun,
} from './debits.repository';
import { earliestCollectionDate, nextBusinessDay, onOrAfterBusinessDay } from './rules/target2-calendar';

/** Why the customer's mandate cannot be used now, or the mandate. */
export type MandateUse =
  | { usable: true; mandate: SepaMandateRow }
  | { usable: false; reason: 'no_sepa_mandate' | 'mandate_suspended' };

/** The active mandate, unless two returned debits suspended it until the customer gives bank data again. */
export async function mandateFor(db: DbOrTx, customerId: CustomerId): Promise<MandateUse> {
  const found = await findActiveMandateWithSuspension(db, customerId);
  if (!found) return { usable: false, reason: 'no_sepa_mandate' };
  if (found.suspendedAt) return { usable: false, reason: 'mandate_suspended' };
  return { usable: true, mandate: found.mandate };
}

/**
 * The first date a debit announced today can be collected: the earliest CORE date, unless a run
 * for that date is made already (then the next business day that has none; a run takes only what
 * was announced before it).
 */
export async function nextPossibleCollectionDate(db: DbOrTx, today: string): Promise<string> {
  let date = earliestCollectionDate(today);
  while (await findRunByDate(db, date)) date = nextBusinessDay(date);
  return date;
}

/** A collection date the issue announces: the due date, at least the pre-notification period ahead, on a business day. */
export function collectionDateAtIssue(issueDate: string, dueDate: string): string {
  return onOrAfterBusinessDay(dueDate < issueDate ? issueDate : dueDate);
}

/** `RE-2026-000123-4F9A2C`: the invoice number for people, a random tail for uniqueness (≤ 35). */
export function endToEndIdFor(invoiceNumber: string): string {
  return `${invoiceNumber}-${randomBytes(3).toString('hex').toUpperCase()}`;
}

interface Announcement {
  invoice: InvoiceRow;
  mandate: SepaMandateRow;
  amountCents: number;
  collectionDate: string;
  /** The customer's payment row when the customer started it ("pay now"); else one is made. */
  paymentId?: string;
  /** When the customer was told; default now. */
  announcedAt?: Date;
}

/** Records the debit and its pending payment; the caller sends the pre-notification. */
export async function recordAnnouncement(tx: DbOrTx, input: Announcement) {
  const { invoice, mandate } = input;
  const nextAction = {
    type: 'direct_debit',
    collectionDate: input.collectionDate,
    mandateReference: mandate.reference,
  };
  let paymentId = input.paymentId;
  if (paymentId) {
    await tx.update(payments).set({ nextAction }).where(eq(payments.id, paymentId));
  } else {
    const payment = await insertPayment(tx, {
      invoiceId: invoice.id,
      customerId: invoice.customerId,
      method: 'sepa_debit',
      status: 'pending',
      amountCents: input.amountCents,
      nextAction,
    });
    paymentId = payment.id;
  }
  return insertDirectDebit(tx, {
    invoiceId: invoice.id,
    customerId: invoice.customerId,
    paymentId,
    mandateId: mandate.id,
    mandateReference: mandate.reference,
    mandateSignedOn: calendarDateOf(mandate.signedAt),
    accountHolder: mandate.accountHolder,
    iban: mandate.iban,
    bic: mandate.bic,
    amountCents: input.amountCents,
    collectionDate: input.collectionDate,
    endToEndId: endToEndIdFor(invoice.number),
    ...(input.announcedAt ? { announcedAt: input.announcedAt } : {}),
  });
}

/** At issue: the invoice's debit is announced for its due date (the invoice e-mail carries the notice). */
export async function announceAtIssue(tx: DbOrTx, invoice: InvoiceRow, mandate: SepaMandateRow) {
  if (invoice.paymentMeans?.method !== 'sepa_debit') return null;
  // Back-dated invoices (the demo's) were announced on the day they were issued.
  const backDated = invoice.issueDate < calendarDateOf(new Date());
  const issuedAt = new Date(`${invoice.issueDate}T12:00:00Z`);
  return recordAnnouncement(tx, {
    invoice,
    mandate,
    amountCents: invoice.grossCents,
    collectionDate: invoice.paymentMeans.collectionDate,
    ...(backDated ? { announcedAt: issuedAt } : {}),
  });
}

/**
 * "Pay now by direct debit" on an open invoice: announces the debit of what is open for the next
 * possible date and pre-notifies the customer. The invoice stays open until the bank collects.
 * An invoice that was in a run already is never collected again (its debit came back): transfer.
 */
export async function announceOnRequest(
  tx: DbOrTx,
  invoice: InvoiceRow,
  paymentId: string,
  today: string,
): Promise<{ collectionDate: string; mandateReference: string; amountCents: number }> {
  const use = await mandateFor(tx, invoice.customerId);
  if (!use.usable) {
    throw new AppError('unprocessable', 'A SEPA direct debit needs an active mandate (Stammdaten → Bankdaten).', {
      errors: [
        {
          path: 'method',
          message: use.reason === 'mandate_suspended' ? 'mandate suspended' : 'no active SEPA mandate',
        },
      ],
      reason: use.reason,
    });
  }
  if (await wasInRun(tx, invoice.customerId, invoice.id)) {
    throw new AppError(
      'conflict',
      `The direct debit of invoice ${invoice.number} was returned; please pay by transfer.`,
      {
        reason: 'debit_returned',
      },
    );
  }
  const amountCents = invoice.grossCents - (await paidCentsOf(tx, invoice.id));
  const collectionDate = await nextPossibleCollectionDate(tx, today);
  const { mandate } = use;
  await tx.update(payments).set({ amountCents }).where(eq(payments.id, paymentId));
  await recordAnnouncement(tx, { invoice, mandate, amountCents, collectionDate, paymentId });
  await sendPreNotification(tx, invoice, {
    amountCents,
    collectionDate,
    mandateReference: mandate.reference,
    iban: mandate.iban,
    creditorId: mandate.creditorId,
  });
  return { collectionDate, mandateReference: mandate.reference, amountCents };
}

/**
 * Before a debit is submitted, money may have arrived another way: an announced debit shrinks to
 * what is open, or is withdrawn when nothing is. Answers what happened.
 */
export async function fitAnnouncedDebit(tx: DbOrTx, invoice: InvoiceRow): Promise<'none' | 'reduced' | 'withdrawn'> {
  const debit = await findPendingDebit(tx, invoice.customerId, invoice.id);
  if (debit?.status !== 'announced') return 'none';
  const open = invoice.state === 'open' ? invoice.grossCents - (await paidCentsOf(tx, invoice.id)) : 0;
  if (open >= debit.amountCents) return 'none';
  if (open > 0) {
    await updateDebit(tx, debit.id, { amountCents: open });
    await tx.update(payments).set({ amountCents: open }).where(eq(payments.id, debit.paymentId));
    return 'reduced';
  }
  await withdrawDebit(tx, debit, 'invoice_paid');
  return 'withdrawn';
}

export async function withdrawDebit(tx: DbOrTx, debit: { id: string; paymentId: string }, reason: string) {
  await updateDebit(tx, debit.id, { status: 'withdrawn', withdrawnReason: reason });
  await tx
    .update(payments)
    .set({ status: 'failed', failureReason: `debit_withdrawn:${reason}`, nextAction: null, settledAt: new Date() })
    .where(eq(payments.id, debit.paymentId));
}

/** The invoice's announced (not yet submitted) debit ends, e.g. with the invoice's cancellation. */
export async function withdrawAnnouncedDebit(tx: DbOrTx, invoice: InvoiceRow, reason: string) {
  const debit = await findPendingDebit(tx, invoice.customerId, invoice.id);
  if (debit?.status === 'announced') await withdrawDebit(tx, debit, reason);
}
