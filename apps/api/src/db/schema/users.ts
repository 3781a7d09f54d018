import type { TLanguage } from '@portal/contracts';
import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const userRole = pgEnum('user_role', ['customer', 'staff']);

/** What a staff member may do in the back office (packages/contracts staff-permissions.ts). */
export const staffRole = pgEnum('staff_role', ['support', 'billing', 'admin']);

/**
 * Everyone who can sign in: members of a customer account (`customer_members`, ADR 0020) and
 * back-office staff, who belong to no customer.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    role: userRole('role').notNull().default('customer'),
    /** Set exactly for staff (check below). */
    staffRole: staffRole('staff_role'),
    email: text('email').notNull(),
    /** Null until the user has set a first password through the welcome or invitation link. */
    passwordHash: text('password_hash'),
    name: text('name').notNull(),
    /** The language of the portal and of every e-mail to this user (ADR 0025). */
    language: text('language').$type<TLanguage>().notNull().default('de'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when sign-in is disabled (account deleted, member removed, or locked by the back office). */
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('users_email_unique').on(sql`lower(${table.email})`),
    // The back office finds customers and tickets by part of an owner's e-mail.
    index('users_email_trgm_idx').using('gin', table.email.op('gin_trgm_ops')),
    // The staff list: a few rows among every customer's users.
    index('users_staff_name_idx').on(table.name, table.id).where(sql`${table.role} = 'staff'`),
    check('users_language_known', sql`${table.language} in ('de', 'en')`),
    check('users_staff_role_for_staff', sql`(${table.role} = 'staff') = (${table.staffRole} is not null)`),
  ],
);

export type UserRow = typeof users.$inferSelect;
