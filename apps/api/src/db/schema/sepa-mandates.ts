import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CustomerId } from '../../modules/customers/customer-id';
import { bytea } from './columns';
import { customers } from './customers';

/**
 * SEPA direct-debit mandates. Saving bank data issues a new mandate and revokes the previous
 * one, so the row that is not revoked is the customer's current bank account; revoked rows stay
 * as evidence of what was authorised when, 14 months after the last collection (SEPA rulebook).
 */
export const sepaMandates = pgTable(
  'sepa_mandates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .$type<CustomerId>()
      .notNull()
      // Kept 14 months after the last collection even after the account is deleted.
      .references(() => customers.id, { onDelete: 'restrict' }),
    /** Mandate reference (max. 35 characters in SEPA), quoted on every direct debit. */
    reference: text('reference').notNull(),
    accountHolder: text('account_holder').notNull(),
    /** Electronic format: upper case, no spaces. */
    iban: text('iban').notNull(),
    bic: text('bic'),
    /** Creditor identifier at the time of signing, so later changes in config do not rewrite history. */
    creditorId: text('creditor_id').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('sepa_mandates_reference_unique').on(table.reference),
    index('sepa_mandates_customer_id_idx').on(table.customerId),
    // At most one active mandate per customer, even under concurrent saves.
    uniqueIndex('sepa_mandates_one_active_per_customer').on(table.customerId).where(sql`${table.revokedAt} is null`),
  ],
);

export type SepaMandateRow = typeof sepaMandates.$inferSelect;

/**
 * The mandate's PDF as issued, archived in the transaction that issues the mandate (like invoices),
 * so a download hands out stored bytes instead of rendering again. Gone with its mandate.
 */
export const sepaMandateDocuments = pgTable('sepa_mandate_documents', {
  mandateId: uuid('mandate_id')
    .primaryKey()
    .references(() => sepaMandates.id, { onDelete: 'cascade' }),
  customerId: uuid('customer_id')
    .$type<CustomerId>()
    .notNull()
    .references(() => customers.id, { onDelete: 'cascade' }),
  pdf: bytea('pdf').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
