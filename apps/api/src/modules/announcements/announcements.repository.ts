import { and, desc, eq, gte, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { announcements, customerProducts, productCatalog } from '../../db/schema/index';
import type { CustomerId } from '../customers/customer-id';

export type AnnouncementRow = typeof announcements.$inferSelect;
export type NewAnnouncement = typeof announcements.$inferInsert;

/**
 * Announcements a customer sees on a calendar day: published, not past their last day, and
 * addressed to everyone or to a category the customer has a contract of that has not ended.
 */
export async function findVisibleAnnouncements(db: DbOrTx, today: string, customerId: CustomerId, limit = 10) {
  const hasCategory = sql`exists (
    select 1 from ${customerProducts}
    join ${productCatalog} on ${productCatalog.id} = ${customerProducts.catalogId}
    where ${customerProducts.customerId} = ${customerId}
      and ${productCatalog.kind} = ${announcements.audienceCategory}
      and ${customerProducts.status} <> 'ended')`;
  return db
    .select()
    .from(announcements)
    .where(
      and(
        lte(announcements.publishedAt, sql`now()`),
        or(isNull(announcements.visibleUntil), gte(announcements.visibleUntil, today)),
        or(isNull(announcements.audienceCategory), hasCategory),
      ),
    )
    .orderBy(desc(announcements.publishedAt))
    .limit(limit);
}

/** Every announcement for staff, latest start first, after the entry with id `afterId`. */
export async function findAnnouncementsForStaff(db: DbOrTx, limit: number, after?: { publishedAt: Date; id: string }) {
  return db
    .select()
    .from(announcements)
    .where(
      after
        ? or(
            lt(announcements.publishedAt, after.publishedAt),
            and(eq(announcements.publishedAt, after.publishedAt), lt(announcements.id, after.id)),
          )
        : undefined,
    )
    .orderBy(desc(announcements.publishedAt), desc(announcements.id))
    .limit(limit);
}

export async function findAnnouncement(db: DbOrTx, id: string) {
  const [row] = await db.select().from(announcements).where(eq(announcements.id, id));
  return row;
}

export async function insertAnnouncement(db: DbOrTx, values: NewAnnouncement) {
  const [row] = await db.insert(announcements).values(values).returning();
  if (!row) throw new Error('announcement insert returned nothing');
  return row;
}

export async function deleteAnnouncement(db: DbOrTx, id: string) {
  const [row] = await db.delete(announcements).where(eq(announcements.id, id)).returning();
  return row;
}

/** Locks one announcement for an edit, so a withdrawal or a second edit waits for it. */
export async function lockAnnouncement(db: DbOrTx, id: string) {
  const [row] = await db.select().from(announcements).where(eq(announcements.id, id)).for('update');
  return row;
}

export async function updateAnnouncement(db: DbOrTx, id: string, values: Partial<NewAnnouncement>) {
  const [row] = await db.update(announcements).set(values).where(eq(announcements.id, id)).returning();
  if (!row) throw new Error('announcement update returned nothing');
  return row;
}
