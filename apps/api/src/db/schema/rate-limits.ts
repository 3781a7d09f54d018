import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Throttling counters shared by every API instance (fixed windows). A row is reused once its
 * window has passed; a periodic job deletes rows whose window ended long ago.
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('rate_limit_counters_expires_idx').on(table.expiresAt)],
);
