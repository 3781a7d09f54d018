import { adminAnnouncementRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../lib/app-error';
import { startOfBusinessDay, today } from '../../lib/calendar';
import { cursorError, decodeIdCursor, encodeIdCursor, pageOf } from '../../lib/pagination';
import { registerRoute } from '../../lib/route';
import { noteStaffChange } from '../staff/staff-audit';
import {
  deleteAnnouncement,
  findAnnouncement,
  findAnnouncementsForStaff,
  insertAnnouncement,
} from './announcements.repository';
import { toAdminAnnouncement } from './announcements.service';

/** Back office: staff publish announcements for the customers' overview, schedule and withdraw them. */
export default async function announcementsModule(app: FastifyInstance) {
  registerRoute(app, adminAnnouncementRoutes.list, async (request) => {
    const { limit, cursor } = request.query;
    let after: { publishedAt: Date; id: string } | undefined;
    if (cursor) {
      after = await findAnnouncement(app.db, decodeIdCursor(cursor));
      if (!after) throw cursorError();
    }
    const rows = await findAnnouncementsForStaff(app.db, limit + 1, after);
    const page = pageOf(rows, limit, (last) => encodeIdCursor(last.id));
    return {
      status: 200,
      body: { items: page.rows.map(toAdminAnnouncement), nextCursor: page.nextCursor, hasMore: page.hasMore },
    };
  });

  registerRoute(app, adminAnnouncementRoutes.create, async (request) => {
    const { severity, title, body, visibleFrom, visibleUntil, audienceCategory } = request.body;
    // A first day in the future starts at its midnight; today or a past day means at once.
    const scheduled = visibleFrom && visibleFrom > today() ? startOfBusinessDay(visibleFrom) : undefined;
    const row = await insertAnnouncement(app.db, {
      severity,
      titleDe: title.de,
      titleEn: title.en,
      bodyDe: body.de,
      bodyEn: body.en,
      ...(scheduled ? { publishedAt: scheduled } : {}),
      visibleUntil: visibleUntil ?? null,
      audienceCategory: audienceCategory ?? null,
      createdBy: request.auth.userId,
    });
    noteStaffChange(request, { subjectId: row.id });
    return { status: 201, body: toAdminAnnouncement(row) };
  });

  registerRoute(app, adminAnnouncementRoutes.delete, async (request) => {
    const row = await deleteAnnouncement(app.db, request.params.id);
    if (!row) throw AppError.notFound('announcement');
    noteStaffChange(request, {
      subjectId: row.id,
      before: { title: row.titleDe, publishedAt: row.publishedAt.toISOString(), visibleUntil: row.visibleUntil },
    });
    return { status: 204, body: null };
  });
}
