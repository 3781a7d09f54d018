import { overviewRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import { today } from '../../lib/calendar';
import { registerRoute } from '../../lib/route';
import { findVisibleAnnouncements } from '../announcements/announcements.repository';
import { toAnnouncement } from '../announcements/announcements.service';

export default async function overviewModule(app: FastifyInstance) {
  registerRoute(app, overviewRoutes.get, async () => {
    const announcements = await findVisibleAnnouncements(app.db, today());
    return {
      status: 200,
      body: { openInvoices: [], openTickets: [], announcements: announcements.map(toAnnouncement) },
    };
  });
}
