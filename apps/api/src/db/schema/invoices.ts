import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CustomerId } from '../../modules/customers/customer-id';
import { bytea } from './columns';
import { customers } from './customers';

/** Stored payment state; `overdue` is derived from `open` and the due date when read. */
export const invoiceState = pgEnum('invoice_state', ['open', 'paid', 'cancelled']);
export const invoiceKind = pgEnum('invoice_kind', ['invoice', 'cancellation', 'correction']);

/**
 * How VAT applies, derived from the customer at issue (see modules/invoices/vat/vat-treatment.ts):
 * German VAT, reverse charge for a verified EU business, the consumer's EU country rate, or not
 * taxable in Germany (customer outside the EU).
 */
export const vatTreatment = pgEnum('vat_treatment', ['domestic', 'reverse_charge', 'eu_consumer', 'non_eu']);

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
  /** BT-10: the Leitweg-ID when the customer has one, else the customer number. */
  buyerReference?: string;
  /** BT-49: where invoices go (the invoice e-mail address, else the sign-in address). */
  email?: string;
}

/** How the invoice is to be paid, as promised on the document at issue. */
export type PaymentMeansSnapshot =
  | { method: 'transfer' }
  | {
      method: 'sepa_debit';
      mandateReference: string;
      iban: string;
      creditorId: string;
      /** The day the amount is collected (the due date). */
      collectionDate: string;
    };

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
      .$type<CustomerId>()
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    number: text('number').notNull(),
    kind: invoiceKind('kind').notNull().default('invoice'),
    cancelsInvoiceId: uuid('cancels_invoice_id'),
    /** A correction invoice (credit, BT-25) refers to the invoice it corrects. */
    correctsInvoiceId: uuid('corrects_invoice_id'),
    vatTreatment: vatTreatment('vat_treatment').notNull().default('domestic'),
    /** Null on invoices issued before e-invoicing: they were paid by transfer. */
    paymentMeans: jsonb('payment_means').$type<PaymentMeansSnapshot>(),
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
    // The back office's list of every customer's invoices, newest first (keyset).
    index('invoices_issue_date_number_idx').on(table.issueDate, table.number),
    // Its status filters `open` and `overdue`: the few open invoices, not every paid one.
    index('invoices_open_issue_date_number_idx').on(table.issueDate, table.number).where(sql`${table.state} = 'open'`),
    // The dunning job and the back office's dunning overview: overdue invoices, oldest due date first (keyset).
    index('invoices_overdue_due_date_number_idx')
      .on(table.dueDate, table.number)
      .where(sql`${table.state} = 'open' and ${table.kind} = 'invoice'`),
    // Its search in part of an invoice number.
    index('invoices_number_trgm_idx').using('gin', table.number.op('gin_trgm_ops')),
    check('invoices_amounts_add_up', sql`${table.netCents} + ${table.taxCents} = ${table.grossCents}`),
    check(
      'invoices_cancellation_refers',
      sql`(${table.kind} = 'cancellation') = (${table.cancelsInvoiceId} is not null)`,
    ),
    // Compared as text: a new enum value cannot be used in the migration that adds it.
    check(
      'invoices_correction_refers',
      sql`(${table.kind}::text = 'correction') = (${table.correctsInvoiceId} is not null)`,
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
    /** Percent with at most one decimal (Finland: 25.5). */
    taxRate: numeric('tax_rate', { precision: 4, scale: 1, mode: 'number' }).notNull(),
    netCents: integer('net_cents').notNull(),
  },
  (table) => [uniqueIndex('invoice_lines_position_unique').on(table.invoiceId, table.position)],
);

/**
 * The documents of an invoice, made and archived in the issuing transaction (GoBD): the PDF
 * (a ZUGFeRD/Factur-X PDF/A-3 carrying the CII XML) and the XRechnung, each with its SHA-256.
 * Every download serves these bytes. Rows never change and cannot be deleted inside the
 * retention period (database triggers); `xml` is null only on PDFs archived before e-invoicing,
 * and is filled once by the back-fill.
 */
export const invoiceDocuments = pgTable('invoice_documents', {
  invoiceId: uuid('invoice_id')
    .primaryKey()
    .references(() => invoices.id, { onDelete: 'restrict' }),
  pdf: bytea('pdf').notNull(),
  sha256: text('sha256').notNull(),
  /** True when `pdf` is a Factur-X (EN 16931) PDF/A-3 with `factur-x.xml` embedded. */
  facturX: boolean('factur_x').notNull().default(false),
  /** The XRechnung (CII syntax). */
  xml: bytea('xml'),
  xmlSha256: text('xml_sha256'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
