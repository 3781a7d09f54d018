import { and, desc, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { announcements } from '../../db/schema/index';

export type AnnouncementRow = typeof announcements.$inferSelect;
export type NewAnnouncement = typeof announcements.$inferInsert;

/** Announcements visible on a calendar day: published, and not past their last day. */
export async function findVisibleAnnouncements(db: DbOrTx, today: string, limit = 10) {
  return db
    .select()
    .from(announcements)
    .where(
      and(
        lte(announcements.publishedAt, sql`now()`),
        or(isNull(announcements.visibleUntil), gte(announcements.visibleUntil, today)),
      ),
    )
    .orderBy(desc(announcements.publishedAt))
    .limit(limit);
}

export async function insertAnnouncement(db: DbOrTx, values: NewAnnouncement) {
  const [row] = await db.insert(announcements).values(values).returning();
  if (!row) throw new Error('announcement insert returned nothing');
  return row;
}
