import { date, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customerProducts } from './products';
import { users } from './users';

export const cancellationType = pgEnum('cancellation_type', ['ordinary', 'extraordinary']);
export const cancellationChannel = pgEnum('cancellation_channel', ['portal', 'public_form']);
export const publicCancellationStatus = pgEnum('public_cancellation_status', ['applied', 'pending_review']);

/** The cancellation of one contract; the unique product id makes a second one a conflict. */
export const productCancellations = pgTable(
  'product_cancellations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
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
    status: publicCancellationStatus('status').notNull(),
    customerId: uuid('customer_id').references(() => users.id, { onDelete: 'set null' }),
    cancellationId: uuid('cancellation_id').references(() => productCancellations.id, { onDelete: 'set null' }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('public_cancellation_requests_status_idx').on(table.status, table.receivedAt)],
);

export type ProductCancellationRow = typeof productCancellations.$inferSelect;
export type PublicCancellationRequestRow = typeof publicCancellationRequests.$inferSelect;
