import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { type DirectDebitRow, type InvoiceRow, payments } from '../../db/schema/index';
import { sendEmail } from '../../mail/mailer';
import { languageOfCustomer } from '../../mail/recipient-language';
import { paymentReceived } from '../../mail/templates/invoices';
import type { CustomerId } from '../customers/customer-id';
import { lockInvoiceForBackOffice, reopenInvoice, setInvoiceState } from '../invoices/invoices.repository';
import { closeOpenTransfers, insertPayment } from '../invoices/payments.repository';
import { fitAnnouncedDebit } from './announcement.service';
import { billingAddressOf, sendReturnNotice } from './collection-emails';
import { countReturnsOfMandate, paidCentsOf, suspendMandate, updateDebit } from './debits.repository';
import { allocate } from './rules/remittance';
import { insertAccountEntry } from './statements.repository';

/** Bookings happen on the statement's booking date; stored at noon UTC so the date reads the same everywhere. */
export const bookedAt = (date: string) => new Date(`${date}T12:00:00Z`);

export interface Booking {
  bookingDate: string;
  /** The bank's reference, on every payment booked from it. */
  reference: string;
  bankEntryId: string | null;
}

export async function openCentsOf(tx: DbOrTx, invoice: InvoiceRow): Promise<number> {
  if (invoice.state !== 'open' || invoice.kind !== 'invoice') return 0;
  return invoice.grossCents - (await paidCentsOf(tx, invoice.id));
}

async function settleIfPaid(tx: DbOrTx, invoice: InvoiceRow, bookingDate: string) {
  if ((await openCentsOf(tx, invoice)) > 0) {
    await fitAnnouncedDebit(tx, invoice);
    return;
  }
  await setInvoiceState(tx, invoice.id, 'paid', bookedAt(bookingDate));
  await closeOpenTransfers(tx, invoice.id, 'invoice_paid');
  await fitAnnouncedDebit(tx, { ...invoice, state: 'paid' });
  const to = await billingAddressOf(tx, invoice.customerId);
  if (!to) return;
  await sendEmail(tx, {
    to,
    customerId: invoice.customerId,
    language: await languageOfCustomer(tx, invoice.customerId, to),
    template: paymentReceived,
    params: { name: invoice.billingAddress.name, number: invoice.number, grossCents: invoice.grossCents },
  });
}

async function creditAccount(tx: DbOrTx, customerId: CustomerId, cents: number, booking: Booking, invoiceId?: string) {
  if (cents <= 0) return;
  await insertAccountEntry(tx, {
    customerId,
    kind: 'overpayment',
    amountCents: cents,
    invoiceId: invoiceId ?? null,
    bankEntryId: booking.bankEntryId,
    bookedOn: booking.bookingDate,
  });
}

/**
 * Money received by transfer for invoices of one customer (locked by the caller), in the order
 * named: each invoice gets up to what is open (a partial payment leaves the rest open), what is
 * left over becomes a credit on the customer's account.
 */
export async function bookReceipt(
  tx: DbOrTx,
  customerId: CustomerId,
  invoices: InvoiceRow[],
  amount: number,
  booking: Booking,
) {
  const open = await Promise.all(
    invoices.map(async (invoice) => ({ id: invoice.id, openCents: await openCentsOf(tx, invoice) })),
  );
  const { payments: shares, creditCents } = allocate(amount, open);
  for (const share of shares) {
    const invoice = invoices.find((candidate) => candidate.id === share.invoiceId);
    if (!invoice) continue;
    await insertPayment(tx, {
      invoiceId: invoice.id,
      customerId,
      method: 'bank_transfer',
      status: 'succeeded',
      amountCents: share.amountCents,
      providerReference: booking.reference,
      settledAt: bookedAt(booking.bookingDate),
    });
    await settleIfPaid(tx, invoice, booking.bookingDate);
  }
  await creditAccount(tx, customerId, creditCents, booking, shares.length === 0 ? invoices[0]?.id : undefined);
}

/** A debit the bank collected: its payment succeeds on the booking date (beyond what was open: a credit). */
export async function settleCollected(tx: DbOrTx, debit: DirectDebitRow, booking: Booking) {
  const invoice = await lockInvoiceForBackOffice(tx, debit.invoiceId);
  if (!invoice) return;
  const share = Math.min(debit.amountCents, await openCentsOf(tx, invoice));
  await tx
    .update(payments)
    .set(
      share > 0
        ? {
            status: 'succeeded',
            amountCents: share,
            providerReference: debit.endToEndId,
            nextAction: null,
            settledAt: bookedAt(booking.bookingDate),
          }
        : {
            status: 'failed',
            failureReason: 'invoice_not_open',
            nextAction: null,
            settledAt: bookedAt(booking.bookingDate),
          },
    )
    .where(eq(payments.id, debit.paymentId));
  await updateDebit(tx, debit.id, { status: 'collected', collectedOn: booking.bookingDate });
  await creditAccount(tx, debit.customerId, debit.amountCents - share, booking, invoice.id);
  if (share > 0) await settleIfPaid(tx, invoice, booking.bookingDate);
}

/**
 * A debit the customer's bank returned (R-transaction): the invoice is open again as
 * "Rücklastschrift", the reason and the bank's fee are recorded (the fee is charged to the
 * customer's account), the customer is told; after the second return under a mandate it is
 * not used again until the customer gives their bank data anew.
 */
export async function applyReturn(
  tx: DbOrTx,
  debit: DirectDebitRow,
  booking: Booking,
  details: { reason: string | null; feeCents: number },
) {
  const invoice = await lockInvoiceForBackOffice(tx, debit.invoiceId);
  if (!invoice) return;
  await updateDebit(tx, debit.id, {
    status: 'returned',
    returnedOn: booking.bookingDate,
    returnReason: details.reason,
    returnFeeCents: details.feeCents,
  });
  await tx
    .update(payments)
    .set({
      status: 'failed',
      failureReason: `returned:${details.reason ?? 'unknown'}`,
      nextAction: null,
      settledAt: bookedAt(booking.bookingDate),
    })
    .where(eq(payments.id, debit.paymentId));
  await reopenInvoice(tx, invoice.id);
  if (details.feeCents > 0) {
    await insertAccountEntry(tx, {
      customerId: debit.customerId,
      kind: 'return_fee',
      amountCents: -details.feeCents,
      invoiceId: invoice.id,
      bankEntryId: booking.bankEntryId,
      bookedOn: booking.bookingDate,
    });
  }
  const suspended = (await countReturnsOfMandate(tx, debit.mandateId)) >= 2;
  if (suspended) await suspendMandate(tx, debit.customerId, debit.mandateId);
  await sendReturnNotice(tx, invoice, {
    amountCents: debit.amountCents,
    reason: details.reason,
    feeCents: details.feeCents,
    mandateSuspended: suspended,
  });
}
