import { PageHeader } from '../../../components/ui/page-header';
import { QueryState } from '../../../components/ui/states';
import { useMessages } from '../../../lib/i18n';
import { useOverview } from '../api/get-overview';
import { AnnouncementList } from '../components/announcement-list';
import { OpenInvoices } from '../components/open-invoices';
import { OpenTickets } from '../components/open-tickets';
import { overviewMessages } from '../messages';

export function OverviewPage() {
  const t = useMessages(overviewMessages);
  const overview = useOverview();
  return (
    <>
      <PageHeader title={t.title} />
      <section aria-labelledby="open-invoices-heading">
        <h2 id="open-invoices-heading">{t.openInvoices}</h2>
        <QueryState query={overview}>{(data) => <OpenInvoices invoices={data.openInvoices} />}</QueryState>
      </section>
      <section aria-labelledby="open-tickets-heading">
        <h2 id="open-tickets-heading">{t.openTickets}</h2>
        <QueryState query={overview}>{(data) => <OpenTickets tickets={data.openTickets} />}</QueryState>
      </section>
      <section aria-labelledby="announcements-heading">
        <h2 id="announcements-heading">{t.announcements}</h2>
        <QueryState query={overview}>{(data) => <AnnouncementList announcements={data.announcements} />}</QueryState>
      </section>
    </>
  );
}
