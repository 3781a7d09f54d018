import type { TInvoiceSummary } from '@portal/contracts';
import { Link } from 'react-router';

import { EmptyState } from '../../../components/ui/states';
import { InvoiceStatusBadge } from '../../../components/ui/status-badges';
import { paths } from '../../../config/paths';
import { formatDate, formatMoney } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { overviewMessages } from '../messages';

/** Open and overdue invoices with their total, each linking to the invoice to pay it. */
export function OpenInvoices({ invoices }: { invoices: TInvoiceSummary[] }) {
  const t = useMessages(overviewMessages);
  const { language } = useLanguage();
  if (invoices.length === 0) {
    return (
      <EmptyState title={t.noOpenInvoices}>
        <Link to={paths.invoices}>{t.toInvoices}</Link>
      </EmptyState>
    );
  }
  const total = invoices.reduce((sum, invoice) => sum + invoice.amounts.gross, 0);
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
                {formatMoney(invoice.amounts.gross, language)}
              </td>
              <td data-label={t.invoiceColumnStatus}>
                <InvoiceStatusBadge status={invoice.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="open-invoices-total">
        <strong>{t.openInvoicesTotal(formatMoney(total, language))}</strong> ·{' '}
        <Link to={paths.invoices}>{t.toInvoices}</Link>
      </p>
    </>
  );
}
