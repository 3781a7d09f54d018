import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { type PaymentRow, payments } from '../../db/schema/index';
import type { CustomerId } from '../customers/customer-id';

export type NewPayment = typeof payments.$inferInsert;

export async function findPaymentByKey(db: DbOrTx, customerId: CustomerId, idempotencyKey: string) {
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.customerId, customerId), eq(payments.idempotencyKey, idempotencyKey)));
  return row;
}

export async function findPaymentsOfInvoice(db: DbOrTx, customerId: CustomerId, invoiceId: string) {
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.customerId, customerId), eq(payments.invoiceId, invoiceId)))
    .orderBy(asc(payments.createdAt));
}

export async function insertPayment(tx: DbOrTx, values: NewPayment): Promise<PaymentRow> {
  const [row] = await tx.insert(payments).values(values).returning();
  if (!row) throw new Error('payment insert returned nothing');
  return row;
}

/**
 * The payment provider's view: a signed callback names a payment by id alone. Only the
 * provider's verified callbacks and the settlement job use this; no customer request does.
 */
export async function lockPaymentForProvider(tx: DbOrTx, paymentId: string) {
  const [row] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for('update');
  return row;
}

export async function findPaymentForProvider(db: DbOrTx, paymentId: string) {
  const [row] = await db.select().from(payments).where(eq(payments.id, paymentId));
  return row;
}

export async function settlePayment(
  tx: DbOrTx,
  paymentId: string,
  outcome: { status: 'succeeded' | 'failed'; failureReason?: string | null; providerReference?: string | null },
) {
  const [row] = await tx
    .update(payments)
    .set({
      status: outcome.status,
      failureReason: outcome.failureReason ?? null,
      ...(outcome.providerReference ? { providerReference: outcome.providerReference } : {}),
      nextAction: null,
      settledAt: sql`now()`,
    })
    .where(and(eq(payments.id, paymentId), inArray(payments.status, ['pending', 'requires_action'])))
    .returning();
  return row;
}

/** Transfer instructions still waiting when the invoice gets paid another way are closed. */
export async function closeOpenTransfers(tx: DbOrTx, invoiceId: string, reason: string) {
  await tx
    .update(payments)
    .set({ status: 'failed', failureReason: reason, settledAt: sql`now()` })
    .where(
      and(eq(payments.invoiceId, invoiceId), eq(payments.method, 'bank_transfer'), eq(payments.status, 'pending')),
    );
}

export async function findOpenTransfer(tx: DbOrTx, invoiceId: string) {
  const [row] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.invoiceId, invoiceId), eq(payments.method, 'bank_transfer'), eq(payments.status, 'pending')))
    .limit(1);
  return row;
}

/** The customer abandons a card payment still in flight; answers nothing when it is not (any more). */
export async function cancelCardPayment(db: DbOrTx, customerId: CustomerId, invoiceId: string, paymentId: string) {
  const [row] = await db
    .update(payments)
    .set({ status: 'failed', failureReason: 'cancelled_by_customer', nextAction: null, settledAt: sql`now()` })
    .where(
      and(
        eq(payments.id, paymentId),
        eq(payments.customerId, customerId),
        eq(payments.invoiceId, invoiceId),
        eq(payments.method, 'card'),
        inArray(payments.status, ['pending', 'requires_action']),
      ),
    )
    .returning();
  return row;
}

export async function findPaymentOfCustomer(db: DbOrTx, customerId: CustomerId, invoiceId: string, paymentId: string) {
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.id, paymentId), eq(payments.customerId, customerId), eq(payments.invoiceId, invoiceId)));
  return row;
}
