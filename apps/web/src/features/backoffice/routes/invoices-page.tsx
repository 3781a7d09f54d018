import { invoiceStatuses, type TAdminInvoiceListItem, type TInvoiceStatus } from '@portal/contracts';
import { Link } from 'react-router';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { PageHeader } from '../../../components/ui/page-header';
import { PagedList } from '../../../components/ui/paged-list';
import { EmptyState } from '../../../components/ui/states';
import { paths } from '../../../config/paths';
import { formatDate, formatMoney } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { staffInvoicePdfUrl, useStaffInvoices } from '../api/invoices';
import { InvoiceRowActions } from '../components/invoice-row-actions';
import { IssueInvoiceForm } from '../components/issue-invoice-form';
import { ListFilters, searchAndStatus } from '../components/list-filters';
import { StaffOnly } from '../components/staff-only';
import { invoiceMessages } from '../invoice-messages';
import { useListFilters } from '../lib/use-list-filters';

const choices = { status: { options: invoiceStatuses } };

const tones: Record<TInvoiceStatus, BadgeTone> = {
  open: 'info',
  overdue: 'danger',
  paid: 'success',
  cancelled: 'neutral',
};

/** Billing: every customer's invoices (find, open the PDF, cancel, correct) and issuing a new one. */
export function InvoicesPage() {
  const t = useMessages(invoiceMessages);
  const filters = useListFilters(choices);
  const invoices = useStaffInvoices({ q: filters.q, status: filters.values.status, limit: 50 });
  return (
    <StaffOnly permission="invoices">
      <PageHeader title={t.title} description={t.intro} />
      <ListFilters filters={filters} {...searchAndStatus(t, (value) => t[`status_${value as TInvoiceStatus}`])} />
      <PagedList query={invoices} empty={<EmptyState title={t.noInvoices} />} loadMoreLabel={t.loadMore}>
        {(items) => <InvoiceTable items={items} />}
      </PagedList>
      <IssueInvoiceForm />
    </StaffOnly>
  );
}

function InvoiceTable({ items }: { items: TAdminInvoiceListItem[] }) {
  const t = useMessages(invoiceMessages);
  const { language } = useLanguage();
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t.columnNumber}</th>
          <th scope="col">{t.columnCustomer}</th>
          <th scope="col">{t.columnIssued}</th>
          <th scope="col">{t.columnDue}</th>
          <th scope="col" className="num">
            {t.columnGross}
          </th>
          <th scope="col" className="num">
            {t.columnOpen}
          </th>
          <th scope="col">{t.columnStatus}</th>
          <th scope="col">{t.columnActions}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((invoice) => (
          <tr key={invoice.id}>
            <td>
              <Link to={paths.backofficeInvoice(invoice.id)}>{invoice.number}</Link>
              {invoice.kind !== 'invoice' && <span className="muted small"> · {t[`kind_${invoice.kind}`]}</span>}
            </td>
            <td>
              {invoice.customerCompany ?? invoice.customerName}
              <span className="muted small"> · {invoice.customerNumber}</span>
            </td>
            <td>{formatDate(invoice.issueDate, language)}</td>
            <td>{formatDate(invoice.dueDate, language)}</td>
            <td className="num">{formatMoney(invoice.amounts.gross, language, invoice.currency)}</td>
            <td className="num">{formatMoney(invoice.openAmount, language, invoice.currency)}</td>
            <td>
              <Badge tone={tones[invoice.status]}>{t[`status_${invoice.status}`]}</Badge>
            </td>
            <td>
              <div className="row-actions">
                <a
                  href={staffInvoicePdfUrl(invoice.id)}
                  target="_blank"
                  rel="noopener"
                  aria-label={t.pdfOf(invoice.number)}
                >
                  {t.pdf}
                </a>
                <InvoiceRowActions invoice={invoice} />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
