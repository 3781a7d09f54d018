import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CustomerId } from '../../modules/customers/customer-id';
import { contractDocuments } from './contract-documents';
import { customers } from './customers';
import { billingInterval, customerProducts } from './products';
import { users } from './users';

/** The price and terms of a contract as they stood before or after a change. */
export interface ContractTermsSnapshot {
  priceCents: number;
  billingInterval: 'monthly' | 'quarterly' | 'yearly';
  minimumTermMonths: number;
  noticePeriodMonths: number;
  renewalMonths: number;
}

/**
 * A change of price or terms the provider made to a running contract (issue 20). The contract row
 * holds the terms in force; a change takes effect on its date (at once when that is today, else
 * by the hourly job), and its document is a new version of the order confirmation.
 */
export const contractChanges = pgTable(
  'contract_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .$type<CustomerId>()
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => customerProducts.id, { onDelete: 'restrict' }),
    /** 2 for the first change: version 1 is the booking's order confirmation. */
    version: integer('version').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    priceCents: integer('price_cents').notNull(),
    billingInterval: billingInterval('billing_interval').notNull(),
    minimumTermMonths: integer('minimum_term_months').notNull(),
    noticePeriodMonths: integer('notice_period_months').notNull(),
    renewalMonths: integer('renewal_months').notNull(),
    previous: jsonb('previous').$type<ContractTermsSnapshot>().notNull(),
    reason: text('reason').notNull(),
    documentId: uuid('document_id').references(() => contractDocuments.id, { onDelete: 'restrict' }),
    /** When the contract row took the new terms; null while the change waits for its date. */
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('contract_changes_product_idx').on(table.customerId, table.productId, table.version),
    index('contract_changes_due_idx').on(table.effectiveDate).where(sql`${table.appliedAt} is null`),
  ],
);

export type ContractChangeRow = typeof contractChanges.$inferSelect;
