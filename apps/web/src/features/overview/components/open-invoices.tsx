import type { TInvoiceSummary } from '@portal/contracts';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { EmptyState } from '../../../components/ui/states';
import { paths } from '../../../config/paths';
import { formatDate, formatMoney } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { overviewMessages } from '../messages';

/** The state an unpaid invoice is in: a direct debit announced or at the bank says so. */
function StatusBadge({ invoice }: { invoice: TInvoiceSummary }) {
  const t = useMessages(overviewMessages);
  const { language } = useLanguage();
  const debit = invoice.directDebit;
  if (debit?.status === 'announced') {
    return <Badge tone="info">{t.invoiceDebitAnnounced(formatDate(debit.collectionDate, language))}</Badge>;
  }
  if (debit?.status === 'submitted') return <Badge tone="info">{t.invoiceDebitSubmitted}</Badge>;
  if (debit?.status === 'returned') return <Badge tone="danger">{t.invoiceDebitReturned}</Badge>;
  return (
    <Badge tone={invoice.status === 'overdue' ? 'danger' : 'info'}>
      {invoice.status === 'overdue' ? t.invoiceOverdue : t.invoiceOpen}
    </Badge>
  );
}

/**
 * Open and overdue invoices, each linking to the invoice to pay it, and what is still to pay
 * (the API's total: without debits submitted to the bank).
 */
export function OpenInvoices({ invoices, openTotal }: { invoices: TInvoiceSummary[]; openTotal: number }) {
  const t = useMessages(overviewMessages);
  const { language } = useLanguage();
  if (invoices.length === 0) {
    return (
      <EmptyState title={t.noOpenInvoices}>
        <Link to={paths.invoices}>{t.toInvoices}</Link>
      </EmptyState>
    );
  }
  return (
    <>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t.invoiceColumnNumber}</th>
            <th scope="col">{t.invoiceColumnDue}</th>
            <th scope="col" className="num">
              {t.invoiceColumnAmount}
            </th>
            <th scope="col">{t.invoiceColumnStatus}</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => (
            <tr key={invoice.id}>
              <td data-label={t.invoiceColumnNumber}>
                <Link to={paths.invoice(invoice.id)}>{invoice.number}</Link>
              </td>
              <td data-label={t.invoiceColumnDue}>{formatDate(invoice.dueDate, language)}</td>
              <td data-label={t.invoiceColumnAmount} className="num">
                {formatMoney(invoice.openAmount, language)}
              </td>
              <td data-label={t.invoiceColumnStatus}>
                <StatusBadge invoice={invoice} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="open-invoices-total">
        <strong>{t.openInvoicesTotal(formatMoney(openTotal, language))}</strong> ·{' '}
        <Link to={paths.invoices}>{t.toInvoices}</Link>
      </p>
    </>
  );
}
