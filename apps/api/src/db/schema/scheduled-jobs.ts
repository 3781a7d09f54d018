import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per periodic job. An instance runs a job only after winning the row with an atomic
 * UPDATE … WHERE last_started_at is old enough, so across instances each period runs once.
 */
export const scheduledJobs = pgTable('scheduled_jobs', {
  name: text('name').primaryKey(),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }).notNull(),
  lastFinishedAt: timestamp('last_finished_at', { withTimezone: true }),
  lastError: text('last_error'),
});
