import { z } from 'zod';
import { ZAnnouncement } from './announcements';
import { ZCents } from './common';
import { defineRoute } from './http';
import { ZInvoiceSummary } from './invoices';
import { authProblems, ZProblem } from './problem';
import { ZTicketSummary } from './tickets';

/**
 * The overview page. `openInvoices` and `openTickets` are filled by their sections;
 * their item shapes are owned by the invoices and tickets contracts.
 */
export const ZOverview = z.object({
  openInvoices: z.array(ZInvoiceSummary),
  /** What is still to pay, without invoices already submitted to the bank for collection. */
  openTotal: ZCents,
  openTickets: z.array(ZTicketSummary),
  announcements: z.array(ZAnnouncement),
});
export type TOverview = z.infer<typeof ZOverview>;

export const overviewRoutes = {
  get: defineRoute({
    method: 'GET',
    operationId: 'getOverview',
    path: '/overview',
    summary: 'Current invoices, open tickets and announcements',
    tags: ['overview'],
    access: 'user',
    permission: 'account:read',
    responses: {
      200: ZOverview,
      ...authProblems,
      403: ZProblem,
    },
  }),
} as const;
