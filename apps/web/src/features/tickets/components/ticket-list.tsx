import type { TTicketStatus } from '@portal/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { SelectField } from '../../../components/ui/field';
import { PagedList } from '../../../components/ui/paged-list';
import { EmptyState } from '../../../components/ui/states';
import { TicketStatusBadge } from '../../../components/ui/status-badges';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useTickets } from '../api/get-tickets';
import { ticketMessages } from '../messages';

const filters = {
  active: ['open', 'in_progress', 'waiting_for_customer'],
  all: undefined,
  closed: ['closed'],
} satisfies Record<string, TTicketStatus[] | undefined>;
type Filter = keyof typeof filters;

/** The ticket overview: every ticket with its status, newest first, filtered by status. */
export function TicketList() {
  const t = useMessages(ticketMessages);
  const { language } = useLanguage();
  const [filter, setFilter] = useState<Filter>('all');
  const tickets = useTickets(filters[filter]);

  return (
    <section aria-labelledby="ticket-list-heading">
      <div className="tickets-list-head">
        <h2 id="ticket-list-heading">{t.listHeading}</h2>
        <SelectField label={t.filter} value={filter} onChange={(event) => setFilter(event.target.value as Filter)}>
          <option value="all">{t.filterAll}</option>
          <option value="active">{t.filterActive}</option>
          <option value="closed">{t.filterClosed}</option>
        </SelectField>
      </div>
      <PagedList query={tickets} empty={<EmptyState title={t.noTickets} />} loadMoreLabel={t.loadMore}>
        {(items) => (
          <>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t.columnNumber}</th>
                  <th scope="col">{t.columnSubject}</th>
                  <th scope="col">{t.columnCategory}</th>
                  <th scope="col">{t.columnStatus}</th>
                  <th scope="col">{t.columnUpdated}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((ticket) => (
                  <tr key={ticket.id}>
                    <td data-label={t.columnNumber}>#{ticket.number}</td>
                    <td data-label={t.columnSubject}>
                      <Link to={paths.ticket(ticket.id)}>{ticket.subject}</Link>
                    </td>
                    <td data-label={t.columnCategory}>{t[`category_${ticket.category}`]}</td>
                    <td data-label={t.columnStatus}>
                      <TicketStatusBadge status={ticket.status} />
                    </td>
                    <td data-label={t.columnUpdated}>{formatDateTime(ticket.updatedAt, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </PagedList>
    </section>
  );
}
