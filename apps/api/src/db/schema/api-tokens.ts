import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CustomerId } from '../../modules/customers/customer-id';
import { customers } from './customers';
import { users } from './users';

/**
 * Personal API tokens (ADR 0023): a member's `pat_…` for scripts and integrations. Only the
 * SHA-256 of the token is stored (it carries 256 random bits, so no slow hash is needed); the
 * token acts for its member in their customer account, never beyond their role.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .$type<CustomerId>()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    scopes: text('scopes').array().notNull(),
    tokenHash: text('token_hash').notNull(),
    /** `pat_` and the next six characters, shown in lists to recognise the token. */
    prefix: text('prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('api_tokens_token_hash_unique').on(table.tokenHash),
    index('api_tokens_user_idx').on(table.userId),
    index('api_tokens_customer_idx').on(table.customerId),
  ],
);

export type ApiTokenRow = typeof apiTokens.$inferSelect;
