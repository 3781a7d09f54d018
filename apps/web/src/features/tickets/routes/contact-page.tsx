import { PageHeader } from '../../../components/ui/page-header';
import { useMessages } from '../../../lib/i18n';
import { NewTicketForm } from '../components/new-ticket-form';
import { ProviderContact } from '../components/provider-contact';
import { TicketList } from '../components/ticket-list';
import { ticketMessages } from '../messages';
import '../tickets.css';

/** Kontakt: how to reach the provider, a new ticket, and the ticket overview. */
export function ContactPage() {
  const t = useMessages(ticketMessages);
  return (
    <>
      <PageHeader title={t.title} description={t.intro} />
      <div className="contact-grid">
        <NewTicketForm />
        <ProviderContact />
      </div>
      <TicketList />
    </>
  );
}
