import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CustomerId } from '../../modules/customers/customer-id';
import { bytea } from './columns';
import { customers } from './customers';
import { customerProducts } from './products';
import { users } from './users';

export const ticketStatus = pgEnum('ticket_status', ['open', 'in_progress', 'waiting_for_customer', 'closed']);
export const ticketCategory = pgEnum('ticket_category', ['technical', 'billing', 'contract', 'remote_hands', 'other']);
export const ticketAuthor = pgEnum('ticket_author', ['customer', 'staff']);

/** Ticket numbers are what customers quote on the phone; never reused. */
export const ticketNumberSeq = pgSequence('ticket_number_seq', { startWith: 100001 });

export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: integer('number').notNull().default(sql`nextval('ticket_number_seq')`),
    customerId: uuid('customer_id')
      .$type<CustomerId>()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    /** The product the request concerns; checked against the customer's products on creation. */
    productId: uuid('product_id').references(() => customerProducts.id, { onDelete: 'set null' }),
    subject: text('subject').notNull(),
    category: ticketCategory('category').notNull(),
    status: ticketStatus('status').notNull().default('open'),
    /** The staff member who looks after it; null: unassigned. */
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Moves with every message and status change: what "latest activity" means to both sides. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('tickets_number_unique').on(table.number),
    index('tickets_customer_number_idx').on(table.customerId, table.number),
    index('tickets_status_number_idx').on(table.status, table.number),
    // The back office's "mine" and "unassigned" queues.
    index('tickets_assignee_status_number_idx').on(table.assigneeId, table.status, table.number),
    // The back office's search in part of a subject.
    index('tickets_subject_trgm_idx').using('gin', table.subject.op('gin_trgm_ops')),
  ],
);

export const ticketMessages = pgTable(
  'ticket_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    author: ticketAuthor('author').notNull(),
    /** Who wrote it; staff names stay internal, the customer sees only "staff". */
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Plain text, stored verbatim; every renderer treats it as text. */
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('ticket_messages_ticket_idx').on(table.ticketId, table.createdAt)],
);

/** Internal notes of the provider's staff on a ticket: never part of what the customer sees. */
export const ticketNotes = pgTable(
  'ticket_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('ticket_notes_ticket_idx').on(table.ticketId, table.createdAt)],
);

export const ticketAttachments = pgTable(
  'ticket_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => ticketMessages.id, { onDelete: 'cascade' }),
    /** Denormalised so a download checks ownership with one join. */
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    /** Detected from the bytes, never taken from the client. */
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('ticket_attachments_message_idx').on(table.messageId),
    index('ticket_attachments_ticket_idx').on(table.ticketId),
  ],
);

export type TicketRow = typeof tickets.$inferSelect;
export type TicketMessageRow = typeof ticketMessages.$inferSelect;
export type TicketAttachmentRow = typeof ticketAttachments.$inferSelect;
