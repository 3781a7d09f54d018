import type { TAdminTicketSummary } from '@portal/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { TicketStatusBadge } from '../../../components/ui/status-badges';
import { paths } from '../../../config/paths';
import { useMessages } from '../../../lib/i18n';
import { type QueueQuery, useTicketQueue } from '../api/tickets';
import { ListState } from '../components/list-state';
import { SearchField } from '../components/search-field';
import { StaffOnly } from '../components/staff-only';
import { waited } from '../lib/waited';
import { backofficeMessages } from '../messages';

const statusViews = {
  active: ['open', 'in_progress'],
  waiting: ['waiting_for_customer'],
  closed: ['closed'],
} as const satisfies Record<string, QueueQuery['status']>;
type StatusView = keyof typeof statusViews;
type AssigneeView = 'all' | 'me' | 'unassigned';

/** The support queue: open, waiting or closed; mine or unassigned; oldest first; search. */
export function TicketQueuePage() {
  return (
    <StaffOnly permission="tickets">
      <TicketQueue />
    </StaffOnly>
  );
}

function TicketQueue() {
  const t = useMessages(backofficeMessages);
  const [status, setStatus] = useState<StatusView>('active');
  const [assignee, setAssignee] = useState<AssigneeView>('all');
  const [search, setSearch] = useState('');
  const queue = useTicketQueue({
    status: [...statusViews[status]],
    assignee: assignee === 'all' ? undefined : assignee,
    q: search.trim() || undefined,
  });

  return (
    <>
      <PageHeader title={t.queueTitle} description={t.queueIntro} />
      <search className="card filters">
        <label className="field">
          <span>{t.statusFilter}</span>
          <select value={status} onChange={(event) => setStatus(event.target.value as StatusView)}>
            {(Object.keys(statusViews) as StatusView[]).map((view) => (
              <option key={view} value={view}>
                {t[`status_${view}`]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t.assigneeFilter}</span>
          <select value={assignee} onChange={(event) => setAssignee(event.target.value as AssigneeView)}>
            {(['all', 'me', 'unassigned'] as const).map((view) => (
              <option key={view} value={view}>
                {t[`assignee_${view}`]}
              </option>
            ))}
          </select>
        </label>
        <SearchField label={t.search} hint={t.searchHint} value={search} onChange={setSearch} />
      </search>
      <ListState list={queue} empty={t.noTickets}>
        {(items: TAdminTicketSummary[]) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.columnTicket}</th>
                <th scope="col">{t.columnCustomer}</th>
                <th scope="col">{t.columnStatus}</th>
                <th scope="col">{t.columnAge}</th>
                <th scope="col">{t.columnAssignee}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((ticket) => {
                const age = waited(ticket.updatedAt);
                return (
                  <tr key={ticket.id}>
                    <td>
                      <Link to={paths.backofficeTicket(ticket.id)}>{t.ticketTitle(ticket.number, ticket.subject)}</Link>
                    </td>
                    <td>
                      {ticket.customer.company ?? ticket.customer.name}
                      <span className="muted small"> {ticket.customer.customerNumber}</span>
                    </td>
                    <td>
                      <TicketStatusBadge status={ticket.status} />
                    </td>
                    <td>{t.age(age.days, age.hours)}</td>
                    <td>{ticket.assignee?.name ?? t.nobody}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </ListState>
    </>
  );
}
