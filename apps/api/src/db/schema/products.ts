import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CustomerId } from '../../modules/customers/customer-id';
import { customers } from './customers';

export const productKind = pgEnum('product_kind', [
  'colocation_unit',
  'rack',
  'cloud_server',
  'backup_storage',
  'cross_connect',
  'ip_range',
]);
export const billingInterval = pgEnum('billing_interval', ['monthly', 'quarterly', 'yearly']);
export const productStatus = pgEnum('product_status', ['active', 'cancellation_pending', 'ended']);

/** One technical property of a catalogue product; `key` is translated by the clients. */
export interface ProductSpec {
  key: string;
  value: string;
}

/** What the provider sells; a customer's booking copies price and terms from here. */
export const productCatalog = pgTable('product_catalog', {
  id: uuid('id').primaryKey().defaultRandom(),
  sku: text('sku').notNull().unique(),
  kind: productKind('kind').notNull(),
  name: text('name').notNull(),
  specs: jsonb('specs').$type<ProductSpec[]>().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Contract numbers are human-facing (public cancellation form, documents) and never reused. */
export const contractNumberSeq = pgSequence('contract_number_seq', { startWith: 100001 });

/** A customer's booked product — the contract. Its id is the API's product id. */
export const customerProducts = pgTable(
  'customer_products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .$type<CustomerId>()
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    catalogId: uuid('catalog_id')
      .notNull()
      .references(() => productCatalog.id, { onDelete: 'restrict' }),
    contractNumber: text('contract_number').notNull(),
    /** The customer's label, e.g. "Rack B-07"; defaults to the catalogue name. */
    name: text('name').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    priceCents: integer('price_cents').notNull(),
    billingInterval: billingInterval('billing_interval').notNull(),
    minimumTermMonths: integer('minimum_term_months').notNull(),
    noticePeriodMonths: integer('notice_period_months').notNull(),
    /** 0: indefinite after the minimum term, ending on any day once the notice has run (consumers). */
    renewalMonths: integer('renewal_months').notNull(),
    status: productStatus('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('customer_products_contract_number_unique').on(sql`upper(${table.contractNumber})`),
    index('customer_products_customer_idx').on(table.customerId, table.startDate),
    // The back office's list of every contract, newest start first, with and without a status.
    index('customer_products_start_idx').on(table.startDate, table.id),
    index('customer_products_status_start_idx').on(table.status, table.startDate, table.id),
    // Its search in part of a product name.
    index('customer_products_name_trgm_idx').using('gin', table.name.op('gin_trgm_ops')),
    check('customer_products_price_not_negative', sql`${table.priceCents} >= 0`),
    check(
      'customer_products_terms_valid',
      sql`${table.minimumTermMonths} >= 1 and ${table.renewalMonths} >= 0 and ${table.noticePeriodMonths} >= 0`,
    ),
  ],
);

export type CustomerProductRow = typeof customerProducts.$inferSelect;
export type ProductCatalogRow = typeof productCatalog.$inferSelect;
export type ProductStatusValue = (typeof productStatus.enumValues)[number];
