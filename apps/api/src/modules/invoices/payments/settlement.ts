import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { type PaymentRow, payments } from '../../../db/schema/index';
import { AppError } from '../../../lib/app-error';
import { lockInvoiceForBackOffice } from '../invoices.repository';
import { findOpenTransfer, findPaymentForProvider, findPendingDebits, insertPayment } from '../payments.repository';
import type { PaymentProvider } from './payment-provider';
import { applyProviderEvent, markPaid } from './payments.service';

export const SETTLE_DEBITS_JOB = 'payments.settle-sepa-debits';

/** Scheduled: asks the provider about every pending direct debit and settles what it reports. */
export async function settlePendingDebits(db: Database, provider: PaymentProvider): Promise<number> {
  let settled = 0;
  for (const { id } of await findPendingDebits(db)) {
    const payment = await findPaymentForProvider(db, id);
    if (!payment) continue;
    const event = await provider.collectDebit({ id: payment.id, providerReference: payment.providerReference });
    if (event && (await applyProviderEvent(db, event))) settled++;
  }
  return settled;
}

/**
 * Back office: an incoming bank transfer arrived. It settles the customer's transfer payment if
 * they asked for instructions, else a new succeeded transfer payment is recorded; either way the
 * invoice turns paid in the same transaction. Money that arrived is always booked: a card payment
 * still in flight then fails as `invoice_not_open` (and is refunded). Partial payments are not booked here.
 */
export async function recordIncomingTransfer(
  db: Database,
  invoiceId: string,
  transfer: { amount: number; receivedOn: string; reference?: string | undefined },
): Promise<PaymentRow> {
  return db.transaction(async (tx) => {
    const invoice = await lockInvoiceForBackOffice(tx, invoiceId);
    if (!invoice) throw AppError.notFound('invoice');
    if (invoice.kind !== 'invoice' || invoice.state !== 'open') {
      throw new AppError('conflict', `Invoice ${invoice.number} is ${invoice.state}.`);
    }
    if (transfer.amount !== invoice.grossCents) {
      throw new AppError('unprocessable', 'The amount differs from the invoice total.', {
        errors: [{ path: 'amount', message: `expected ${invoice.grossCents}` }],
      });
    }
    const reference = transfer.reference ?? invoice.number;
    const open = await findOpenTransfer(tx, invoice.id);
    let payment: PaymentRow;
    if (open) {
      const [updated] = await tx
        .update(payments)
        .set({
          status: 'succeeded',
          providerReference: reference,
          nextAction: null,
          settledAt: new Date(`${transfer.receivedOn}T12:00:00Z`),
        })
        .where(eq(payments.id, open.id))
        .returning();
      if (!updated) throw new Error('transfer payment vanished');
      payment = updated;
    } else {
      payment = await insertPayment(tx, {
        invoiceId: invoice.id,
        customerId: invoice.customerId,
        method: 'bank_transfer',
        status: 'succeeded',
        amountCents: transfer.amount,
        providerReference: reference,
        settledAt: new Date(`${transfer.receivedOn}T12:00:00Z`),
      });
    }
    await markPaid(tx, invoice);
    return payment;
  });
}
