import type { TAdminAnnouncement, TAnnouncement } from '@portal/contracts';
import type { AnnouncementRow } from './announcements.repository';

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
