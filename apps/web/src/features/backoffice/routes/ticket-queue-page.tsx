import type { TAdminTicketSummary } from '@portal/contracts';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { PagedList } from '../../../components/ui/paged-list';
import { EmptyState } from '../../../components/ui/states';
import { TicketStatusBadge } from '../../../components/ui/status-badges';
import { paths } from '../../../config/paths';
import { useMessages } from '../../../lib/i18n';
import { type QueueQuery, useTicketQueue } from '../api/tickets';
import { ListFilters } from '../components/list-filters';
import { StaffOnly } from '../components/staff-only';
import { useListFilters } from '../lib/use-list-filters';
import { waited } from '../lib/waited';
import { backofficeMessages } from '../messages';

const statusViews = {
  active: ['open', 'in_progress'],
  waiting: ['waiting_for_customer'],
  closed: ['closed'],
} as const satisfies Record<string, QueueQuery['status']>;
type StatusView = keyof typeof statusViews;
type AssigneeView = 'all' | 'me' | 'unassigned';
const choices = {
  status: { options: Object.keys(statusViews) as StatusView[], fallback: 'active' as StatusView },
  assignee: { options: ['all', 'me', 'unassigned'] as AssigneeView[], fallback: 'all' as AssigneeView },
};

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
  const filters = useListFilters(choices);
  const { status, assignee } = filters.values;
  const queue = useTicketQueue({
    status: [...statusViews[status]],
    assignee: assignee === 'all' ? undefined : assignee,
    q: filters.q,
  });

  return (
    <>
      <PageHeader title={t.queueTitle} description={t.queueIntro} />
      <ListFilters
        filters={filters}
        search={{ label: t.search, hint: t.searchHint }}
        selects={[
          { name: 'status', label: t.statusFilter, optionLabel: (view) => t[`status_${view as StatusView}`] },
          { name: 'assignee', label: t.assigneeFilter, optionLabel: (view) => t[`assignee_${view as AssigneeView}`] },
        ]}
      />
      <PagedList query={queue} empty={<EmptyState title={t.noTickets} />} loadMoreLabel={t.loadMore}>
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
      </PagedList>
    </>
  );
}
