import type { TLanguage } from '@portal/contracts';
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CustomerId } from '../../modules/customers/customer-id';
import { customers } from './customers';
import { customerProducts } from './products';
import { users } from './users';

export const cancellationType = pgEnum('cancellation_type', ['ordinary', 'extraordinary']);
/**
 * `letter` and `email`: a declaration staff recorded from the post or the support mailbox;
 * `provider`: the provider ended the contract (an admin in the back office).
 */
export const cancellationChannel = pgEnum('cancellation_channel', [
  'portal',
  'public_form',
  'letter',
  'email',
  'provider',
]);
/**
 * `received`: stored and answered, not yet matched (the job does that after the answer);
 * `applied`: a contract was cancelled by it (automatically or linked by staff);
 * `pending_review`: waits for staff; `rejected`: staff refused it and told the declarant why.
 */
export const publicCancellationStatus = pgEnum('public_cancellation_status', [
  'applied',
  'pending_review',
  'received',
  'rejected',
]);

/** The cancellation of one contract; the unique product id makes a second one a conflict. */
export const productCancellations = pgTable(
  'product_cancellations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .$type<CustomerId>()
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => customerProducts.id, { onDelete: 'restrict' }),
    type: cancellationType('type').notNull(),
    reason: text('reason'),
    /** What the customer asked for; null means "the earliest possible date". */
    requestedEndDate: date('requested_end_date', { mode: 'string' }),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    channel: cancellationChannel('channel').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('product_cancellations_product_unique').on(table.productId),
    index('product_cancellations_customer_idx').on(table.customerId),
  ],
);

/**
 * Declarations from the §312k BGB form, kept as received whether or not they matched a
 * contract; unmatched ones wait for the back office.
 */
export const publicCancellationRequests = pgTable(
  'public_cancellation_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    type: cancellationType('type').notNull(),
    reason: text('reason'),
    name: text('name').notNull(),
    customerNumber: text('customer_number'),
    email: text('email').notNull(),
    contract: text('contract').notNull(),
    requestedEndDate: date('requested_end_date', { mode: 'string' }),
    /** The language the form was filled in: the receipt and a rejection go out in it. */
    language: text('language').$type<TLanguage>().notNull().default('de'),
    status: publicCancellationStatus('status').notNull(),
    /** Whether the receipt went out; false once the per-recipient or per-client daily cap was reached. */
    receiptSent: boolean('receipt_sent').notNull().default(true),
    /** The customer the declaration names (by contract, else by customer number); set by the matching. */
    customerId: uuid('customer_id')
      .$type<CustomerId>()
      .references(() => customers.id, { onDelete: 'set null' }),
    /** The contract the declaration names, or the one staff linked it to. */
    productId: uuid('product_id').references(() => customerProducts.id, { onDelete: 'set null' }),
    cancellationId: uuid('cancellation_id').references(() => productCancellations.id, { onDelete: 'set null' }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    /** Staff's decision (link or reject): who, when, and the reason sent to the declarant. */
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason'),
  },
  (table) => [
    index('public_cancellation_requests_status_idx').on(table.status, table.receivedAt),
    check('public_cancellation_requests_language_known', sql`${table.language} in ('de', 'en')`),
  ],
);

export type ProductCancellationRow = typeof productCancellations.$inferSelect;
export type PublicCancellationRequestRow = typeof publicCancellationRequests.$inferSelect;
