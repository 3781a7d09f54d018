import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The back office's audit log: every change a staff member made, who, what, when, and before/after
 * where the route says so. No foreign keys: an entry outlives the staff member and the customer it
 * names (it is the provider's record of what its staff did).
 */
export const staffAuditEvents = pgTable(
  'staff_audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    staffUserId: uuid('staff_user_id').notNull(),
    /** The contract's operationId, e.g. `adminReplyToTicket`. */
    action: text('action').notNull(),
    /** The route's `:id`, when it names an object. */
    subjectId: text('subject_id'),
    /** The customer whose data changed, when known; their security log has an entry too. */
    customerId: uuid('customer_id'),
    requestId: text('request_id'),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
  },
  (table) => [
    index('staff_audit_events_occurred_idx').on(table.occurredAt.desc(), table.id.desc()),
    index('staff_audit_events_staff_idx').on(table.staffUserId, table.occurredAt.desc()),
    // A customer's entries (`?customerId=`), in the list's order.
    index('staff_audit_events_customer_idx').on(table.customerId, table.occurredAt.desc(), table.id.desc()),
  ],
);

export type StaffAuditEventRow = typeof staffAuditEvents.$inferSelect;
