import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CustomerId } from '../../modules/customers/customer-id';
import { bytea } from './columns';
import { customers } from './customers';

/**
 * Every e-mail the portal sends is written here first, inside the transaction of the change it
 * reports. Without SMTP this table is the mailbox (tests read it); with SMTP a sender delivers
 * the rows and stamps `sent_at`.
 */
export const outboxEmails = pgTable(
  'outbox_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    /**
     * The customer the mail was sent to, at the time of sending: exports and erasure find mails by
     * this, never by the current address (which may have changed since). Null for strangers.
     */
    customerId: uuid('customer_id')
      .$type<CustomerId>()
      .references(() => customers.id, { onDelete: 'set null' }),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    /** Which template produced it, e.g. `cancellation.received`; lets tests and support find mails. */
    template: text('template').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (table) => [
    index('outbox_emails_unsent_idx').on(table.createdAt).where(sql`sent_at is null`),
    index('outbox_emails_customer_idx').on(table.customerId, table.createdAt),
    index('outbox_emails_created_at_idx').on(table.createdAt),
  ],
);

/** Files sent with an outbox e-mail (an invoice's archived PDF and XRechnung), byte for byte. */
export const outboxEmailAttachments = pgTable(
  'outbox_email_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    emailId: uuid('email_id')
      .notNull()
      .references(() => outboxEmails.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    content: bytea('content').notNull(),
  },
  (table) => [index('outbox_email_attachments_email_idx').on(table.emailId)],
);
