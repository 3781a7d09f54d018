import { createHash } from 'node:crypto';
import type { TPayment, TPaymentMethod, TPaymentMethodOption } from '@portal/contracts';
import { eq } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../../db/client';
import { type InvoiceRow, payments, users } from '../../../db/schema/index';
import { AppError } from '../../../lib/app-error';
import { salutation } from '../../../mail/letter';
import { sendEmail } from '../../../mail/mailer';
import { violates } from '../database-errors';
import { formatEuro, formatIban } from '../invoice-format';
import { toPayment } from '../invoice-mapping';
import { lockInvoice, setInvoiceState } from '../invoices.repository';
import { transferInstructionsFor } from '../invoices.service';
import {
  closeOpenTransfers,
  findPaymentByKey,
  insertPayment,
  lockPaymentForProvider,
  settlePayment,
} from '../payments.repository';
import { findSepaMandate } from './mandates';
import type { PaymentProvider, ProviderEvent } from './payment-provider';

/** Without a provider nobody takes card data or collects a debit, so only transfers are offered. */
const NO_PROVIDER = { available: false, reason: 'no_payment_provider' } as const;

export async function paymentMethodsFor(
  db: Database,
  provider: PaymentProvider | null,
  customerId: string,
): Promise<TPaymentMethodOption[]> {
  const mandate = provider ? await findSepaMandate(db, customerId) : undefined;
  return [
    !provider
      ? { method: 'sepa_debit', ...NO_PROVIDER }
      : mandate
        ? { method: 'sepa_debit', available: true }
        : { method: 'sepa_debit', available: false, reason: 'no_sepa_mandate' },
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
  customerId: string;
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
      const row = await insertPayment(tx, {
        invoiceId: invoice.id,
        customerId: input.customerId,
        method: input.method,
        status: 'pending',
        amountCents: invoice.grossCents,
        idempotencyKey: input.idempotencyKey,
        requestHash: hash,
        test: input.method !== 'bank_transfer' && provider?.test === true,
      });
      const started = await startWithProvider(tx, provider, invoice, row.id, input);
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
  paymentId: string,
  input: StartPaymentInput,
) {
  let changes: { status: 'pending' | 'requires_action'; providerReference: string | null; nextAction: unknown };
  if (input.method === 'bank_transfer') {
    const instructions = await transferInstructionsFor(invoice);
    changes = { status: 'pending', providerReference: null, nextAction: { type: 'bank_transfer', instructions } };
  } else {
    const chosen = requireProvider(provider, input.method);
    const mandate = input.method === 'sepa_debit' ? await findSepaMandate(tx, input.customerId) : undefined;
    if (input.method === 'sepa_debit' && !mandate) {
      throw new AppError('unprocessable', 'A SEPA direct debit needs an active mandate (Stammdaten → Bankdaten).', {
        errors: [{ path: 'method', message: 'no active SEPA mandate' }],
      });
    }
    const { status, providerReference, redirectUrl } = await chosen.start({
      id: paymentId,
      method: input.method,
      amountCents: invoice.grossCents,
      reference: invoice.number,
      ...(mandate ? { mandateReference: mandate.reference } : {}),
    });
    changes = { status, providerReference, nextAction: redirectUrl ? { type: 'redirect', url: redirectUrl } : null };
    if (mandate) await preNotifyDebit(tx, invoice, mandate);
  }
  await tx.update(payments).set(changes).where(eq(payments.id, paymentId));
  return changes;
}

/** SEPA requires telling the debtor amount, date, mandate and creditor before each debit. */
async function preNotifyDebit(tx: DbOrTx, invoice: InvoiceRow, mandate: { reference: string; iban: string }) {
  const [customer] = await tx.select({ email: users.email }).from(users).where(eq(users.id, invoice.customerId));
  if (!customer) return;
  await sendEmail(tx, {
    to: customer.email,
    subject: `Vorabankündigung der SEPA-Lastschrift zu Rechnung ${invoice.number}`,
    template: 'payments.sepa-prenotification',
    paragraphs: [
      salutation(invoice.billingAddress.name),
      `wir ziehen ${formatEuro(invoice.grossCents)} für die Rechnung ${invoice.number} in den nächsten Tagen von Ihrem Konto ${formatIban(mandate.iban).slice(0, 7)}… ein.`,
      `Mandatsreferenz: ${mandate.reference}\nGläubiger-ID: ${invoice.provider.creditorId}`,
      `Mit freundlichen Grüßen\n${invoice.provider.name}`,
    ],
  });
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
    if (event.outcome === 'failed' || !invoice || invoice.state !== 'open') {
      await settlePayment(tx, payment.id, {
        status: 'failed',
        failureReason: event.outcome === 'failed' ? (event.failureReason ?? 'declined') : 'invoice_not_open',
        providerReference: event.providerReference,
      });
      return true;
    }
    await settlePayment(tx, payment.id, { status: 'succeeded', providerReference: event.providerReference });
    await markPaid(tx, invoice);
    return true;
  });
}

export async function markPaid(tx: DbOrTx, invoice: InvoiceRow) {
  await setInvoiceState(tx, invoice.id, 'paid');
  await closeOpenTransfers(tx, invoice.id, 'invoice_paid');
  const [customer] = await tx.select({ email: users.email }).from(users).where(eq(users.id, invoice.customerId));
  if (customer) {
    await sendEmail(tx, {
      to: customer.email,
      subject: `Zahlungseingang zu Rechnung ${invoice.number}`,
      template: 'payments.received',
      paragraphs: [
        salutation(invoice.billingAddress.name),
        `vielen Dank: Ihre Zahlung über ${formatEuro(invoice.grossCents)} für die Rechnung ${invoice.number} ist eingegangen.`,
        `Mit freundlichen Grüßen\n${invoice.provider.name}`,
      ],
    });
  }
}
