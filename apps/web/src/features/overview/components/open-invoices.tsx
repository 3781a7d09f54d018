import type { TInvoiceSummary } from '@portal/contracts';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/ui/states';
import { InvoiceStatusBadge } from '../../../components/ui/status-badges';
import { paths } from '../../../config/paths';
import { formatDate, formatMoney } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { overviewMessages } from '../messages';

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
                <InvoiceStatusBadge invoice={invoice} />
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
