import { adminAnnouncementRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../lib/app-error';
import { cursorError, decodeIdCursor, encodeIdCursor, pageOf } from '../../lib/pagination';
import { registerRoute } from '../../lib/route';
import { noteStaffChange } from '../staff/staff-audit';
import {
  type AnnouncementRow,
  deleteAnnouncement,
  findAnnouncement,
  findAnnouncementsForStaff,
} from './announcements.repository';
import { createAnnouncement, editAnnouncement, toAdminAnnouncement } from './announcements.service';

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
    const row = await createAnnouncement(app.db, request.body, request.auth.userId);
    noteStaffChange(request, { subjectId: row.id });
    return { status: 201, body: toAdminAnnouncement(row) };
  });

  registerRoute(app, adminAnnouncementRoutes.update, async (request) => {
    const { before, after } = await editAnnouncement(app.db, request.params.id, request.body);
    noteStaffChange(request, { subjectId: after.id, before: auditView(before), after: auditView(after) });
    return { status: 200, body: toAdminAnnouncement(after) };
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

/** What the audit log keeps of an announcement before and after an edit. */
const auditView = (row: AnnouncementRow) => ({
  severity: row.severity,
  title: { de: row.titleDe, en: row.titleEn },
  body: { de: row.bodyDe, en: row.bodyEn },
  publishedAt: row.publishedAt.toISOString(),
  visibleUntil: row.visibleUntil,
  audienceCategory: row.audienceCategory,
});
