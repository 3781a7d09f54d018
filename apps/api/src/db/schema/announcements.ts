import { date, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { productKind } from './products';
import { users } from './users';

export const announcementSeverity = pgEnum('announcement_severity', ['info', 'maintenance', 'incident']);

/** General announcements shown to every customer on the overview; written in both languages. */
export const announcements = pgTable(
  'announcements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    severity: announcementSeverity('severity').notNull().default('info'),
    titleDe: text('title_de').notNull(),
    titleEn: text('title_en').notNull(),
    bodyDe: text('body_de').notNull(),
    bodyEn: text('body_en').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    /** Last calendar day on which it is shown; null shows it until withdrawn. */
    visibleUntil: date('visible_until', { mode: 'string' }),
    /** Shown only to customers with a running contract of this category; null: every customer. */
    audienceCategory: productKind('audience_category'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [index('announcements_published_at_idx').on(table.publishedAt)],
);
