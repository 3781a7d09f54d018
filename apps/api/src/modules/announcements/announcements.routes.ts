import { adminAnnouncementRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import { registerRoute } from '../../lib/route';
import { insertAnnouncement } from './announcements.repository';
import { toAnnouncement } from './announcements.service';

/** Back office: staff publish announcements that every customer sees on the overview. */
export default async function announcementsModule(app: FastifyInstance) {
  registerRoute(app, adminAnnouncementRoutes.create, async (request) => {
    const { severity, title, body, visibleUntil } = request.body;
    const row = await insertAnnouncement(app.db, {
      severity,
      titleDe: title.de,
      titleEn: title.en,
      bodyDe: body.de,
      bodyEn: body.en,
      visibleUntil: visibleUntil ?? null,
      createdBy: request.auth.userId,
    });
    return { status: 201, body: toAnnouncement(row) };
  });
}
