import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CustomerId } from '../../modules/customers/customer-id';
import { customers } from './customers';
import { invoices } from './invoices';

export const paymentMethod = pgEnum('payment_method', ['sepa_debit', 'card', 'bank_transfer']);
export const paymentStatus = pgEnum('payment_status', ['pending', 'requires_action', 'succeeded', 'failed']);

/**
 * Payments of invoices. The database, not only the code, guarantees the payment rules:
 * one payment per idempotency key, one card/SEPA payment in flight per invoice, and succeeded
 * payments never add up to more than the invoice (trigger `payments_within_invoice_total`;
 * bank transfers may pay an invoice in parts).
 */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    customerId: uuid('customer_id')
      .$type<CustomerId>()
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    method: paymentMethod('method').notNull(),
    status: paymentStatus('status').notNull(),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull().default('EUR'),
    /** Null for payments the back office records (incoming transfers). */
    idempotencyKey: text('idempotency_key'),
    /** SHA-256 of what the key was first used for; the same key with another request answers 422. */
    requestHash: text('request_hash'),
    providerReference: text('provider_reference'),
    nextAction: jsonb('next_action'),
    failureReason: text('failure_reason'),
    /** Handled by the sandbox provider: its outcome moved no money. */
    test: boolean('test').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('payments_idempotency_unique').on(table.customerId, table.idempotencyKey),
    // Transfer instructions do not block: the customer may still choose to pay by card instead.
    uniqueIndex('payments_one_in_flight')
      .on(table.invoiceId)
      .where(sql`${table.status} in ('pending', 'requires_action') and ${table.method} <> 'bank_transfer'`),
    index('payments_invoice_idx').on(table.invoiceId),
    check('payments_amount_positive', sql`${table.amountCents} > 0`),
  ],
);

export type PaymentRow = typeof payments.$inferSelect;
