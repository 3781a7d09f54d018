import { sql } from 'drizzle-orm';
import {
  check,
  date,
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
import { bytea } from './columns';
import { users } from './users';

/** Stored payment state; `overdue` is derived from `open` and the due date when read. */
export const invoiceState = pgEnum('invoice_state', ['open', 'paid', 'cancelled']);
export const invoiceKind = pgEnum('invoice_kind', ['invoice', 'cancellation']);

/** Snapshot of the customer's address on the issue date (§14 Abs. 4 Nr. 1 UStG). */
export interface BillingAddressSnapshot {
  name: string;
  company: string | null;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  vatId: string | null;
  customerNumber: string;
}

/** Snapshot of the provider's identity on the issue date: later config changes never rewrite it. */
export interface ProviderSnapshot {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  phone: string;
  email: string;
  website: string;
  vatId: string;
  taxNumber: string;
  register: string;
  managingDirectors: string;
  bankName: string;
  iban: string;
  bic: string;
  creditorId: string;
}

export interface TaxBreakdownRow {
  taxRate: number;
  net: number;
  tax: number;
  gross: number;
}

/**
 * One counter row per year, incremented inside the issuing transaction: the row lock serialises
 * concurrent issuers and a rolled-back invoice rolls its number back, so numbers have no gaps.
 */
export const invoiceNumberCounters = pgTable('invoice_number_counters', {
  year: integer('year').primaryKey(),
  lastNumber: integer('last_number').notNull(),
});

/** Issued invoices. Only `state`, `paid_at` and `cancelled_at` ever change after the insert. */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Retention (§147 AO) outlives the account, so a customer with invoices cannot be hard-deleted.
    customerId: uuid('customer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    number: text('number').notNull(),
    kind: invoiceKind('kind').notNull().default('invoice'),
    cancelsInvoiceId: uuid('cancels_invoice_id'),
    state: invoiceState('state').notNull().default('open'),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    servicePeriodStart: date('service_period_start', { mode: 'string' }).notNull(),
    servicePeriodEnd: date('service_period_end', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    currency: text('currency').notNull().default('EUR'),
    netCents: integer('net_cents').notNull(),
    taxCents: integer('tax_cents').notNull(),
    grossCents: integer('gross_cents').notNull(),
    taxes: jsonb('taxes').$type<TaxBreakdownRow[]>().notNull(),
    taxNote: text('tax_note'),
    billingAddress: jsonb('billing_address').$type<BillingAddressSnapshot>().notNull(),
    provider: jsonb('provider').$type<ProviderSnapshot>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('invoices_number_unique').on(table.number),
    // An invoice is cancelled at most once.
    uniqueIndex('invoices_cancels_unique').on(table.cancelsInvoiceId),
    index('invoices_customer_keyset_idx').on(table.customerId, table.issueDate, table.number),
    check('invoices_amounts_add_up', sql`${table.netCents} + ${table.taxCents} = ${table.grossCents}`),
    check(
      'invoices_cancellation_refers',
      sql`(${table.kind} = 'cancellation') = (${table.cancelsInvoiceId} is not null)`,
    ),
  ],
);

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    /** Thousandths, so quantities like 1.5 h stay exact integers. */
    quantityMilli: integer('quantity_milli').notNull(),
    unit: text('unit').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
    taxRate: integer('tax_rate').notNull(),
    netCents: integer('net_cents').notNull(),
  },
  (table) => [uniqueIndex('invoice_lines_position_unique').on(table.invoiceId, table.position)],
);

/** The first rendering of an invoice, archived: every later download serves these bytes. */
export const invoiceDocuments = pgTable('invoice_documents', {
  invoiceId: uuid('invoice_id')
    .primaryKey()
    .references(() => invoices.id, { onDelete: 'restrict' }),
  pdf: bytea('pdf').notNull(),
  sha256: text('sha256').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
