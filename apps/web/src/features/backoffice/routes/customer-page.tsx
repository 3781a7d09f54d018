import { staffRoleMay, type TAdminCustomerDetail } from '@portal/contracts';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { PageHeader } from '../../../components/ui/page-header';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { InvoiceStatusBadge, ProductStatusBadge, TicketStatusBadge } from '../../../components/ui/status-badges';
import { paths } from '../../../config/paths';
import { useErrorTexts } from '../../../lib/form-errors';
import { formatDate, formatMoney } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useStaffCustomer } from '../api/customers';
import { useVerifyVatId } from '../api/invoices';
import { CustomerSecurityLog } from '../components/customer-security-log';
import { InvoiceActions } from '../components/invoice-actions';
import { StaffOnly, useStaffContext } from '../components/staff-only';
import { backofficeMessages } from '../messages';

/** A customer for staff: master data, contracts, latest invoices and tickets, the security log. */
export function CustomerPage() {
  const t = useMessages(backofficeMessages);
  const { id = '' } = useParams();
  const customer = useStaffCustomer(id);
  const { staffRole } = useStaffContext();
  const billing = staffRoleMay(staffRole, 'invoices') || staffRoleMay(staffRole, 'collections');
  return (
    <StaffOnly permission="customers.read">
      <p>
        <Link to={paths.backofficeCustomers}>← {t.backToCustomers}</Link>
      </p>
      <QueryState query={customer} asPage problems={{ not_found: t.customerNotFound }}>
        {(data) => (
          <>
            <PageHeader
              title={data.company ?? data.name}
              description={t.customerNumber(data.customerNumber)}
              actions={data.disabled ? <Badge tone="warning">{t.blocked}</Badge> : undefined}
            />
            <Profile customer={data} />
            <Contracts customer={data} />
            <Invoices customer={data} />
            {billing && <InvoiceActions customer={data} />}
            <Tickets customer={data} />
            <CustomerSecurityLog customerId={data.id} />
          </>
        )}
      </QueryState>
    </StaffOnly>
  );
}

function Profile({ customer }: { customer: TAdminCustomerDetail }) {
  const t = useMessages(backofficeMessages);
  const texts = useErrorTexts();
  const { staffRole } = useStaffContext();
  const verify = useVerifyVatId(customer.id);
  const vatId = customer.vatId;
  return (
    <section aria-labelledby="profile-heading" className="card">
      <h2 id="profile-heading">{t.profileHeading}</h2>
      <dl className="facts">
        <dt>{t.columnName}</dt>
        <dd>{customer.name}</dd>
        <dt>{t.columnEmail}</dt>
        <dd>
          <a href={`mailto:${customer.email}`}>{customer.email}</a>
        </dd>
        <dt>{t.columnType}</dt>
        <dd>{t[`type_${customer.customerType}`]}</dd>
        <dt>{t.address}</dt>
        <dd>
          {customer.address
            ? `${customer.address.street}, ${customer.address.postalCode} ${customer.address.city}, ${customer.address.country}`
            : t.nobody}
        </dd>
        <dt>{t.phone}</dt>
        <dd>{customer.phone ?? t.nobody}</dd>
        <dt>{t.vatId}</dt>
        <dd>
          {vatId ?? t.nobody} {customer.vatIdVerifiedAt && <Badge tone="success">{t.vatIdVerified}</Badge>}
        </dd>
      </dl>
      {verify.isSuccess && <Alert tone="success">{t.vatIdMarked}</Alert>}
      {verify.error && <Alert tone="error">{texts.problem(verify.error)}</Alert>}
      {vatId && !customer.vatIdVerifiedAt && staffRoleMay(staffRole, 'customers.vat_id') && (
        <div className="form-actions">
          <Button variant="secondary" busy={verify.isPending} onClick={() => verify.mutate({ vatId })}>
            {t.verifyVatId}
          </Button>
        </div>
      )}
    </section>
  );
}

function Contracts({ customer }: { customer: TAdminCustomerDetail }) {
  const t = useMessages(backofficeMessages);
  const { language } = useLanguage();
  const { staffRole } = useStaffContext();
  const linked = staffRoleMay(staffRole, 'contracts.read');
  return (
    <section aria-labelledby="contracts-heading" className="card">
      <h2 id="contracts-heading">{t.contractsHeading}</h2>
      {customer.products.length === 0 ? (
        <EmptyState title={t.noContracts} />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t.columnContract}</th>
              <th scope="col">{t.columnProduct}</th>
              <th scope="col">{t.columnStatus}</th>
              <th scope="col">{t.columnStart}</th>
              <th scope="col">{t.columnEnd}</th>
            </tr>
          </thead>
          <tbody>
            {customer.products.map((product) => (
              <tr key={product.id}>
                <td>
                  {linked ? (
                    <Link to={paths.backofficeContract(product.id)}>{product.contractNumber}</Link>
                  ) : (
                    product.contractNumber
                  )}
                </td>
                <td>{product.name}</td>
                <td>
                  <ProductStatusBadge status={product.status} />
                </td>
                <td>{formatDate(product.startDate, language)}</td>
                <td>{product.endDate ? formatDate(product.endDate, language) : t.nobody}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Invoices({ customer }: { customer: TAdminCustomerDetail }) {
  const t = useMessages(backofficeMessages);
  const { language } = useLanguage();
  return (
    <section aria-labelledby="invoices-heading" className="card">
      <h2 id="invoices-heading">{t.invoicesHeading}</h2>
      {customer.invoices.length === 0 ? (
        <EmptyState title={t.noInvoices} />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t.columnInvoice}</th>
              <th scope="col">{t.columnIssued}</th>
              <th scope="col">{t.columnStatus}</th>
              <th scope="col" className="num">
                {t.columnTotal}
              </th>
              <th scope="col" className="num">
                {t.columnOpen}
              </th>
            </tr>
          </thead>
          <tbody>
            {customer.invoices.map((invoice) => (
              <tr key={invoice.id}>
                <td>{invoice.number}</td>
                <td>{formatDate(invoice.issueDate, language)}</td>
                <td>
                  <InvoiceStatusBadge invoice={invoice} />
                </td>
                <td className="num">{formatMoney(invoice.amounts.gross, language, invoice.currency)}</td>
                <td className="num">{formatMoney(invoice.openAmount, language, invoice.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Tickets({ customer }: { customer: TAdminCustomerDetail }) {
  const t = useMessages(backofficeMessages);
  const { language } = useLanguage();
  return (
    <section aria-labelledby="tickets-heading" className="card">
      <h2 id="tickets-heading">{t.ticketsHeading}</h2>
      {customer.tickets.length === 0 ? (
        <EmptyState title={t.noCustomerTickets} />
      ) : (
        <ul className="plain-list">
          {customer.tickets.map((ticket) => (
            <li key={ticket.id}>
              <Link to={paths.backofficeTicket(ticket.id)}>{t.ticketTitle(ticket.number, ticket.subject)}</Link>{' '}
              <TicketStatusBadge status={ticket.status} />{' '}
              <span className="muted small">{formatDate(ticket.updatedAt.slice(0, 10), language)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
