import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { PageHeader } from '../../../components/ui/page-header';
import { QueryState } from '../../../components/ui/states';
import { TicketStatusBadge } from '../../../components/ui/status-badges';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useProductChoices } from '../api/get-products';
import { useTicket } from '../api/get-ticket';
import { ReplyForm } from '../components/reply-form';
import { TicketThread } from '../components/ticket-thread';
import { ticketMessages } from '../messages';
import '../tickets.css';

/** One ticket: its status, the thread, and a reply box while it is not closed. */
export function TicketPage() {
  const t = useMessages(ticketMessages);
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const ticket = useTicket(id);
  const products = useProductChoices();
  const productName = (productId: string | null) => {
    const product = products.data?.items.find((item) => item.id === productId);
    return product ? t.productChoice(product.name, product.contractNumber) : null;
  };

  return (
    <>
      <p>
        <Link to={paths.contact}>← {t.backToContact}</Link>
      </p>
      <QueryState query={ticket} asPage problems={{ not_found: t.notFound }}>
        {(data) => (
          <>
            <PageHeader
              title={t.ticketTitle(data.number, data.subject)}
              description={[
                t[`category_${data.category}`],
                productName(data.productId),
                t.openedOn(formatDateTime(data.createdAt, language)),
              ]
                .filter(Boolean)
                .join(' · ')}
              actions={<TicketStatusBadge status={data.status} />}
            />
            <TicketThread ticket={data} />
            {data.status === 'closed' ? (
              <Alert tone="info" title={t.closedNote}>
                <p>{t.closedWayOn}</p>
                <div className="form-actions">
                  <Link className="btn btn-primary" to={`${paths.contact}#new-ticket-heading`}>
                    {t.newTicket}
                  </Link>
                  <Link className="btn btn-secondary" to={paths.contact}>
                    {t.backToContact}
                  </Link>
                </div>
              </Alert>
            ) : (
              <ReplyForm ticketId={data.id} />
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
