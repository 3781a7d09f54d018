import { overviewRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import { today } from '../../lib/calendar';
import { registerRoute } from '../../lib/route';
import { findVisibleAnnouncements } from '../announcements/announcements.repository';
import { toAnnouncement } from '../announcements/announcements.service';
import { toListedInvoice } from '../invoices/invoice-mapping';
import { findUnpaidInvoiceRows } from '../invoices/invoices.repository';
import { toTicketSummary } from '../tickets/tickets.mapping';
import { findOpenTicketsOfCustomer } from '../tickets/tickets.repository';

export default async function overviewModule(app: FastifyInstance) {
  registerRoute(app, overviewRoutes.get, async (request) => {
    const announcements = await findVisibleAnnouncements(app.db, today(), request.auth.customerId);
    const unpaidInvoices = await findUnpaidInvoiceRows(app.db, request.auth.customerId);
    const openTickets = await findOpenTicketsOfCustomer(app.db, request.auth.customerId);
    const openInvoices = unpaidInvoices.map((row) => toListedInvoice(row, today()));
    return {
      status: 200,
      body: {
        openInvoices,
        // What the customer still has to pay: a debit submitted to the bank is being paid already.
        openTotal: openInvoices
          .filter((invoice) => invoice.directDebit?.status !== 'submitted')
          .reduce((sum, invoice) => sum + invoice.openAmount, 0),
        openTickets: openTickets.map(toTicketSummary),
        announcements: announcements.map(toAnnouncement),
      },
    };
  });
}
