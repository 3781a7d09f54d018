import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The security log: sign-ins, sign-outs, changes of credentials and bank data, cancellations,
 * deletions and refused requests. No foreign key on the user: an entry outlives the account it
 * names until the retention job removes it. `details` never holds a secret (no passwords, tokens
 * or full IBANs).
 */
export const securityEvents = pgTable(
  'security_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    type: text('type').notNull(),
    /** The customer or staff member concerned; null when unknown (sign-in with an unknown e-mail). */
    userId: uuid('user_id'),
    requestId: text('request_id'),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (table) => [
    index('security_events_user_idx').on(table.userId, table.occurredAt.desc(), table.id.desc()),
    index('security_events_occurred_at_idx').on(table.occurredAt),
  ],
);

export type SecurityEventRow = typeof securityEvents.$inferSelect;
