import type {
  TAdminAnnouncement,
  TAnnouncement,
  TCreateAnnouncementBody,
  TUpdateAnnouncementBody,
} from '@portal/contracts';
import type { Database, DbOrTx } from '../../db/client';
import { AppError } from '../../lib/app-error';
import { startOfBusinessDay, today } from '../../lib/calendar';
import {
  type AnnouncementRow,
  insertAnnouncement,
  lockAnnouncement,
  updateAnnouncement,
} from './announcements.repository';

export function toAnnouncement(row: AnnouncementRow): TAnnouncement {
  return {
    id: row.id,
    severity: row.severity,
    title: { de: row.titleDe, en: row.titleEn },
    body: { de: row.bodyDe, en: row.bodyEn },
    publishedAt: row.publishedAt.toISOString(),
    visibleUntil: row.visibleUntil,
  };
}

export function toAdminAnnouncement(row: AnnouncementRow): TAdminAnnouncement {
  return { ...toAnnouncement(row), audienceCategory: row.audienceCategory };
}

/** The stored start: a future first day begins at its midnight; today, a past day or none: `fallback`. */
export function startFor(visibleFrom: string | undefined, fallback: Date | undefined) {
  return visibleFrom && visibleFrom > today() ? startOfBusinessDay(visibleFrom) : fallback;
}

function columnsOf(body: TCreateAnnouncementBody) {
  return {
    severity: body.severity,
    titleDe: body.title.de,
    titleEn: body.title.en,
    bodyDe: body.body.de,
    bodyEn: body.body.en,
    visibleUntil: body.visibleUntil ?? null,
    audienceCategory: body.audienceCategory ?? null,
  };
}

export async function createAnnouncement(db: DbOrTx, body: TCreateAnnouncementBody, staffUserId: string) {
  const scheduled = startFor(body.visibleFrom, undefined);
  return insertAnnouncement(db, {
    ...columnsOf(body),
    ...(scheduled ? { publishedAt: scheduled } : {}),
    createdBy: staffUserId,
  });
}

/**
 * Edits a scheduled or shown announcement with the rules of writing one (409 once it has expired:
 * the past stays as customers saw it). A shown one keeps its start unless moved to a future day;
 * a scheduled one moved to today or earlier is shown at once.
 */
export async function editAnnouncement(db: Database, id: string, body: TUpdateAnnouncementBody, now = new Date()) {
  return db.transaction(async (tx) => {
    const before = await lockAnnouncement(tx, id);
    if (!before) throw AppError.notFound('announcement');
    if (before.visibleUntil && before.visibleUntil < today(now)) {
      throw new AppError('conflict', 'This announcement has expired; write a new one instead.');
    }
    const shown = before.publishedAt.getTime() <= now.getTime();
    const publishedAt = startFor(body.visibleFrom, shown ? before.publishedAt : now);
    const after = await updateAnnouncement(tx, id, { ...columnsOf(body), publishedAt });
    return { before, after };
  });
}
