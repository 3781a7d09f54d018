import { sql } from 'drizzle-orm';
import { check, pgEnum, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const userRole = pgEnum('user_role', ['customer', 'staff']);

/** What a staff member may do in the back office (packages/contracts staff-permissions.ts). */
export const staffRole = pgEnum('staff_role', ['support', 'billing', 'admin']);

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
 * Everyone who can sign in: customers (owners of all customer data, `customer_number` set)
 * and back-office staff. Profile columns stay null for staff.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    role: userRole('role').notNull().default('customer'),
    /** Set exactly for staff (check below). */
    staffRole: staffRole('staff_role'),
    customerNumber: text('customer_number'),
    email: text('email').notNull(),
    /** Null until the customer has set a first password through the welcome link. */
    passwordHash: text('password_hash'),
    name: text('name').notNull(),
    company: text('company'),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    /** ISO 3166-1 alpha-2. */
    country: text('country'),
    phone: text('phone'),
    vatId: text('vat_id'),
    /** Null for staff. Existing customers were businesses (the portal sold B2B terms only). */
    customerType: customerType('customer_type'),
    /** A VAT ID counts for reverse charge only once staff checked it (VIES): when and who. */
    vatIdVerifiedAt: timestamp('vat_id_verified_at', { withTimezone: true }),
    vatIdVerifiedBy: uuid('vat_id_verified_by'),
    invoiceDelivery: invoiceDelivery('invoice_delivery').notNull().default('email_pdf'),
    /** Where invoices go when set (accounting department); else the sign-in address. */
    invoiceEmail: text('invoice_email'),
    /** Leitweg-ID of a public-sector buyer (BT-10 of their e-invoices), check digit verified. */
    leitwegId: text('leitweg_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when sign-in is disabled (account deleted or locked by the back office). */
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /**
     * Set when the customer deleted their account: the profile is anonymised, the row stays only
     * as the owner of retained records (invoices) until the retention job purges it.
     */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('users_email_unique').on(sql`lower(${table.email})`),
    uniqueIndex('users_customer_number_unique').on(table.customerNumber),
    check('users_customer_type_for_customers', sql`(${table.role} = 'customer') = (${table.customerType} is not null)`),
    check('users_staff_role_for_staff', sql`(${table.role} = 'staff') = (${table.staffRole} is not null)`),
    check(
      'users_customer_number_for_customers',
      sql`(${table.role} = 'customer') = (${table.customerNumber} is not null)`,
    ),
  ],
);

export type UserRow = typeof users.$inferSelect;
