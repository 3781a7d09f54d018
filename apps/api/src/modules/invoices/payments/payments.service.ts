import { createHash } from 'node:crypto';
import type { TPayment, TPaymentMethod, TPaymentMethodOption } from '@portal/contracts';
import { eq } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../../db/client';
import { type InvoiceRow, type PaymentRow, payments, users } from '../../../db/schema/index';
import { AppError } from '../../../lib/app-error';
import { today } from '../../../lib/calendar';
import { sendEmail } from '../../../mail/mailer';
import { paymentReceived } from '../../../mail/templates/invoices';
import { announceOnRequest, fitAnnouncedDebit, mandateFor } from '../../collection/announcement.service';
import { paidCentsOf } from '../../collection/debits.repository';
import type { CustomerId } from '../../customers/customer-id';
import { publishEvent } from '../../webhooks/webhooks.service';
import { violates } from '../database-errors';
import { toPayment } from '../invoice-mapping';
import { lockInvoice, setInvoiceState } from '../invoices.repository';
import { transferInstructionsFor } from '../invoices.service';
import {
  cancelCardPayment,
  closeOpenTransfers,
  findPaymentByKey,
  findPaymentOfCustomer,
  insertPayment,
  lockPaymentForProvider,
  settlePayment,
} from '../payments.repository';
import type { PaymentProvider, ProviderEvent } from './payment-provider';

/** Without a provider nobody takes card data or collects a debit, so only transfers are offered. */
const NO_PROVIDER = { available: false, reason: 'no_payment_provider' } as const;

export async function paymentMethodsFor(
  db: Database,
  provider: PaymentProvider | null,
  customerId: CustomerId,
): Promise<TPaymentMethodOption[]> {
  // Direct debits go to the provider's own bank as pain.008 files: no payment provider involved.
  const mandate = await mandateFor(db, customerId);
  return [
    mandate.usable
      ? { method: 'sepa_debit', available: true }
      : { method: 'sepa_debit', available: false, reason: mandate.reason },
    provider ? { method: 'card', available: true } : { method: 'card', ...NO_PROVIDER },
    { method: 'bank_transfer', available: true },
  ];
}

function requireProvider(provider: PaymentProvider | null, method: TPaymentMethod): PaymentProvider {
  if (provider) return provider;
  throw new AppError('unprocessable', `Paying by ${method} is not offered: no payment provider is configured.`, {
    errors: [{ path: 'method', message: 'not offered' }],
    reason: 'no_payment_provider',
  });
}

const requestHashOf = (invoiceId: string, method: TPaymentMethod) =>
  createHash('sha256').update(`${invoiceId}\n${method}`).digest('hex');

/** The stored payment for a key: same request → the same payment again; another request → 422. */
function replay(existing: { requestHash: string | null } & Parameters<typeof toPayment>[0], hash: string): TPayment {
  if (existing.requestHash !== hash) {
    throw new AppError('unprocessable', 'This Idempotency-Key was already used for another request.');
  }
  return toPayment(existing);
}

export interface StartPaymentInput {
  customerId: CustomerId;
  invoiceId: string;
  method: TPaymentMethod;
  idempotencyKey: string;
}

/**
 * Starts a payment. The database decides the races: the invoice row is locked for the
 * transaction, the key is unique per customer, and a partial unique index allows one card or
 * debit payment in flight per invoice (a trigger refuses payments of invoices that are not open).
 */
export async function startPayment(
  db: Database,
  provider: PaymentProvider | null,
  input: StartPaymentInput,
): Promise<TPayment> {
  const hash = requestHashOf(input.invoiceId, input.method);
  const earlier = await findPaymentByKey(db, input.customerId, input.idempotencyKey);
  if (earlier) return replay(earlier, hash);
  try {
    return await db.transaction(async (tx) => {
      const invoice = await lockInvoice(tx, input.customerId, input.invoiceId);
      if (!invoice) throw AppError.notFound('invoice');
      // A concurrent request with the same key may have committed while we waited for the lock.
      const raced = await findPaymentByKey(tx, input.customerId, input.idempotencyKey);
      if (raced) return replay(raced, hash);
      if (invoice.state !== 'open' || invoice.kind !== 'invoice') {
        throw new AppError('conflict', `Invoice ${invoice.number} is ${invoice.state} and cannot be paid.`);
      }
      // Partial payments may have arrived: what is open is what is paid now.
      const openCents = invoice.grossCents - (await paidCentsOf(tx, invoice.id));
      const row = await insertPayment(tx, {
        invoiceId: invoice.id,
        customerId: input.customerId,
        method: input.method,
        status: 'pending',
        amountCents: openCents,
        idempotencyKey: input.idempotencyKey,
        requestHash: hash,
        test: input.method === 'card' && provider?.test === true,
      });
      const started = await startWithProvider(tx, provider, invoice, row, input);
      return toPayment({ ...row, ...started });
    });
  } catch (error) {
    if (violates(error, 'payments_idempotency_unique')) {
      const winner = await findPaymentByKey(db, input.customerId, input.idempotencyKey);
      if (winner) return replay(winner, hash);
    }
    if (violates(error, 'payments_one_in_flight')) {
      throw new AppError('conflict', 'Another payment of this invoice is in progress.');
    }
    if (violates(error, 'payments_need_open_invoice')) throw new AppError('conflict', 'The invoice is not open.');
    throw error;
  }
}

async function startWithProvider(
  tx: DbOrTx,
  provider: PaymentProvider | null,
  invoice: InvoiceRow,
  payment: PaymentRow,
  input: StartPaymentInput,
) {
  let changes: {
    status: 'pending' | 'requires_action';
    providerReference: string | null;
    nextAction: unknown;
    amountCents: number;
  };
  if (input.method === 'bank_transfer') {
    const instructions = await transferInstructionsFor(invoice, payment.amountCents);
    changes = {
      status: 'pending',
      providerReference: null,
      nextAction: { type: 'bank_transfer', instructions },
      amountCents: payment.amountCents,
    };
  } else if (input.method === 'sepa_debit') {
    // Announced for the next possible date and pre-notified; the bank collects it in a run.
    const announced = await announceOnRequest(tx, invoice, payment.id, today());
    changes = {
      status: 'pending',
      providerReference: null,
      nextAction: {
        type: 'direct_debit',
        collectionDate: announced.collectionDate,
        mandateReference: announced.mandateReference,
      },
      amountCents: announced.amountCents,
    };
  } else {
    const chosen = requireProvider(provider, input.method);
    const { status, providerReference, redirectUrl } = await chosen.start({
      id: payment.id,
      method: input.method,
      amountCents: payment.amountCents,
      reference: invoice.number,
    });
    changes = {
      status,
      providerReference,
      nextAction: redirectUrl ? { type: 'redirect', url: redirectUrl } : null,
      amountCents: payment.amountCents,
    };
  }
  await tx.update(payments).set(changes).where(eq(payments.id, payment.id));
  return changes;
}

/**
 * Applies a provider's verified outcome. Idempotent: a repeated callback for a settled payment
 * changes nothing. A success on an invoice that meanwhile got paid or cancelled is recorded as
 * failed (the provider refunds), so an invoice is never paid twice.
 */
export async function applyProviderEvent(db: Database, event: ProviderEvent): Promise<boolean> {
  return db.transaction(async (tx) => {
    const payment = await lockPaymentForProvider(tx, event.paymentId);
    if (!payment) return false;
    if (payment.status !== 'pending' && payment.status !== 'requires_action') return true;
    const invoice = await lockInvoice(tx, payment.customerId, payment.invoiceId);
    const fits = invoice ? (await paidCentsOf(tx, invoice.id)) + payment.amountCents <= invoice.grossCents : false;
    if (event.outcome === 'failed' || !invoice || invoice.state !== 'open' || !fits) {
      await settlePayment(tx, payment.id, {
        status: 'failed',
        failureReason: event.outcome === 'failed' ? (event.failureReason ?? 'declined') : 'invoice_not_open',
        providerReference: event.providerReference,
      });
      if (event.outcome === 'failed' && invoice)
        await publishEvent(tx, payment.customerId, 'invoice.payment_failed', {
          invoiceId: invoice.id,
          number: invoice.number,
          paymentId: payment.id,
          reason: event.failureReason ?? 'declined',
        });
      return true;
    }
    await settlePayment(tx, payment.id, { status: 'succeeded', providerReference: event.providerReference });
    await markPaid(tx, invoice);
    return true;
  });
}

/** The invoice is paid in full now (a card payment, a booked transfer): state, open transfers, e-mail. */
export async function markPaid(tx: DbOrTx, invoice: InvoiceRow) {
  if ((await paidCentsOf(tx, invoice.id)) < invoice.grossCents) return;
  await setInvoiceState(tx, invoice.id, 'paid');
  await publishEvent(tx, invoice.customerId, 'invoice.paid', {
    invoiceId: invoice.id,
    number: invoice.number,
    total: { amount: invoice.grossCents, currency: 'EUR' },
  });
  await fitAnnouncedDebit(tx, { ...invoice, state: 'paid' });
  await closeOpenTransfers(tx, invoice.id, 'invoice_paid');
  // The first owner's user id is the customer id (ADR 0020).
  const [owner] = await tx
    .select({ email: users.email, language: users.language })
    .from(users)
    .where(eq(users.id, invoice.customerId));
  if (owner) {
    await sendEmail(tx, {
      to: owner.email,
      language: owner.language,
      template: paymentReceived,
      params: { name: invoice.billingAddress.name, number: invoice.number, grossCents: invoice.grossCents },
    });
  }
}

/**
 * Abandons a started card payment (Stripe's "cancel a PaymentIntent"): the customer left the card
 * page or wants another method. A provider callback arriving later finds it settled and is
 * ignored. Direct debits are withdrawn through the mandate, transfers need no cancelling: 409.
 */
export async function cancelPayment(db: Database, customerId: CustomerId, invoiceId: string, paymentId: string) {
  const cancelled = await cancelCardPayment(db, customerId, invoiceId, paymentId);
  if (cancelled) return toPayment(cancelled);
  const payment = await findPaymentOfCustomer(db, customerId, invoiceId, paymentId);
  if (!payment) throw AppError.notFound('payment');
  throw new AppError(
    'conflict',
    `The payment is ${payment.status} and by ${payment.method}; only a started card payment can be cancelled.`,
  );
}
