import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { type PaymentRow, payments } from '../../../db/schema/index';
import { AppError } from '../../../lib/app-error';
import { paidCentsOf } from '../../collection/debits.repository';
import { lockInvoiceForBackOffice } from '../invoices.repository';
import { findOpenTransfer, insertPayment } from '../payments.repository';
import { markPaid } from './payments.service';

/**
 * Back office: an incoming bank transfer arrived. It settles the customer's transfer payment if
 * they asked for instructions, else a new succeeded transfer payment is recorded; either way the
 * invoice turns paid in the same transaction. Money that arrived is always booked: a card payment
 * still in flight then fails as `invoice_not_open` (and is refunded). Partial payments come from
 * the bank statement import (modules/collection); here the amount is what is open.
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
    const openCents = invoice.grossCents - (await paidCentsOf(tx, invoice.id));
    if (transfer.amount !== openCents) {
      throw new AppError('unprocessable', 'The amount differs from what is open of the invoice.', {
        errors: [{ path: 'amount', message: `expected ${openCents}` }],
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
