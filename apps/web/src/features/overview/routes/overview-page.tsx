import { AnnouncementList } from '../../../components/ui/announcement-list';
import { PageHeader } from '../../../components/ui/page-header';
import { QueryState } from '../../../components/ui/states';
import { useMessages } from '../../../lib/i18n';
import { useOverview } from '../api/get-overview';
import { OpenInvoices } from '../components/open-invoices';
import { OpenTickets } from '../components/open-tickets';
import { overviewMessages } from '../messages';

export function OverviewPage() {
  const t = useMessages(overviewMessages);
  const overview = useOverview();
  return (
    <>
      <PageHeader title={t.title} />
      {/* One answer fills all three parts: shown together, so nothing jumps as it arrives. */}
      <QueryState query={overview}>
        {(data) => (
          <>
            <section aria-labelledby="open-invoices-heading">
              <h2 id="open-invoices-heading">{t.openInvoices}</h2>
              <OpenInvoices invoices={data.openInvoices} openTotal={data.openTotal} />
            </section>
            <section aria-labelledby="open-tickets-heading">
              <h2 id="open-tickets-heading">{t.openTickets}</h2>
              <OpenTickets tickets={data.openTickets} />
            </section>
            <section aria-labelledby="announcements-heading">
              <h2 id="announcements-heading">{t.announcements}</h2>
              <AnnouncementList announcements={data.announcements} />
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}
