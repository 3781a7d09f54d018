import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/** What an e-mailed link lets its holder do. */
export const accountTokenPurpose = pgEnum('account_token_purpose', [
  'password_reset',
  'welcome',
  'invite',
  'email_change',
]);

/**
 * Single-use links sent by e-mail. Only the SHA-256 of the token is stored, so a leaked
 * database does not hand out working links.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: accountTokenPurpose('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** Only for `email_change`: the address that is confirmed by following the link. */
    newEmail: text('new_email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('account_tokens_token_hash_unique').on(table.tokenHash),
    index('account_tokens_user_id_idx').on(table.userId),
  ],
);

export type AccountTokenRow = typeof accountTokens.$inferSelect;
