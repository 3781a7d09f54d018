import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CustomerId } from '../../modules/customers/customer-id';
import { users } from './users';

/**
 * Consumers (§13 BGB) and businesses (§14 BGB) get different contract terms (§309 Nr. 9 BGB),
 * prices (gross for consumers, PAngV) and VAT treatment (reverse charge for EU businesses).
 */
export const customerType = pgEnum('customer_type', ['consumer', 'business']);

/** How a customer receives invoices: e-mail with the PDF, with the XRechnung too, or the portal only. */
export const invoiceDelivery = pgEnum('invoice_delivery', ['email_pdf', 'email_pdf_xrechnung', 'portal']);

/** Customer numbers are human-facing and never reused. */
export const customerNumberSeq = pgSequence('customer_number_seq', { startWith: 10001 });

/**
 * The customer account (ADR 0020): the company or person that contracts, invoices, tickets,
 * bank data, mandates and debits belong to. People sign in as `users` and act for a customer
 * through a `customer_members` row. Accounts that existed before teams kept their ids: a
 * customer's id equals its first owner's user id, so ids in URLs and foreign keys stayed valid.
 */
export const customers = pgTable(
  'customers',
  {
    id: uuid('id').$type<CustomerId>().primaryKey().defaultRandom(),
    customerNumber: text('customer_number').notNull(),
    customerType: customerType('customer_type').notNull(),
    /** The contracting party's name (the person for consumers, the contact for businesses). */
    name: text('name').notNull(),
    company: text('company'),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    /** ISO 3166-1 alpha-2. */
    country: text('country'),
    phone: text('phone'),
    vatId: text('vat_id'),
    /** A VAT ID counts for reverse charge only once staff checked it (VIES): when and who. */
    vatIdVerifiedAt: timestamp('vat_id_verified_at', { withTimezone: true }),
    vatIdVerifiedBy: uuid('vat_id_verified_by'),
    invoiceDelivery: invoiceDelivery('invoice_delivery').notNull().default('email_pdf'),
    /** Where invoices go when set (accounting department); else the owner's sign-in address. */
    invoiceEmail: text('invoice_email'),
    /** Leitweg-ID of a public-sector buyer (BT-10 of their e-invoices), check digit verified. */
    leitwegId: text('leitweg_id'),
    /** The owner requires every member to sign in with a second factor. */
    mfaRequired: boolean('mfa_required').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Set when the owner deleted the account: the profile is anonymised, the row stays only as
     * the owner of retained records (invoices) until the retention job purges it.
     */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('customers_customer_number_unique').on(table.customerNumber),
    // The back office's customer list, newest first (keyset), and its search in part of a name
    // or company (trigrams: ILIKE '%…%', migration 0031 loads pg_trgm).
    index('customers_created_id_idx').on(table.createdAt, table.id),
    index('customers_name_trgm_idx').using('gin', table.name.op('gin_trgm_ops')),
    index('customers_company_trgm_idx').using('gin', table.company.op('gin_trgm_ops')),
  ],
);

export type CustomerRow = typeof customers.$inferSelect;

/** What a member may do for the customer (packages/contracts/src/permissions.ts). */
export const memberRole = pgEnum('member_role', ['owner', 'billing', 'technical', 'readonly']);

/** Who signs in for which customer, and in which role. A user belongs to at most one customer. */
export const customerMembers = pgTable(
  'customer_members',
  {
    customerId: uuid('customer_id')
      .$type<CustomerId>()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: memberRole('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.customerId, table.userId] }),
    uniqueIndex('customer_members_user_unique').on(table.userId),
    index('customer_members_customer_idx').on(table.customerId, table.role),
  ],
);

export type CustomerMemberRow = typeof customerMembers.$inferSelect;

/**
 * The address customer mail goes to: the first owner's sign-in address. For selects that have
 * `customers` in their FROM clause (unaliased). The outer column is written out: drizzle leaves
 * columns of single-table selects unqualified, which inside this subquery would name `u.id`.
 */
export const customerContactEmail = sql<string>`(select u.email from customer_members m join users u on u.id = m.user_id where m.customer_id = "customers"."id" and m.role = 'owner' order by m.created_at, m.user_id limit 1)`;
