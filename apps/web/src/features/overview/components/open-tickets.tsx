import type { TTicketSummary } from '@portal/contracts';
import { Link } from 'react-router';

import { EmptyState } from '../../../components/ui/states';
import { TicketStatusBadge } from '../../../components/ui/status-badges';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { overviewMessages } from '../messages';

/** The customer's tickets that are not closed, latest activity first, linking to each. */
export function OpenTickets({ tickets }: { tickets: TTicketSummary[] }) {
  const t = useMessages(overviewMessages);
  const { language } = useLanguage();
  if (tickets.length === 0) {
    return (
      <EmptyState title={t.noOpenTickets}>
        <Link to={paths.contact}>{t.toContact}</Link>
      </EmptyState>
    );
  }
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t.ticketColumnSubject}</th>
          <th scope="col">{t.ticketColumnStatus}</th>
          <th scope="col">{t.ticketColumnUpdated}</th>
        </tr>
      </thead>
      <tbody>
        {tickets.map((ticket) => (
          <tr key={ticket.id}>
            <td data-label={t.ticketColumnSubject}>
              <Link to={paths.ticket(ticket.id)}>
                #{ticket.number} {ticket.subject}
              </Link>
            </td>
            <td data-label={t.ticketColumnStatus}>
              <TicketStatusBadge status={ticket.status} />
            </td>
            <td data-label={t.ticketColumnUpdated}>{formatDateTime(ticket.updatedAt, language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
