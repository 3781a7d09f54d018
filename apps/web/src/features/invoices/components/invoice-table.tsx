import type { TInvoiceSummary } from '@portal/contracts';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { InvoiceStatusBadge } from '../../../components/ui/status-badges';
import { paths } from '../../../config/paths';
import { formatDate, formatMoney } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import { invoiceMessages } from '../messages';
import { PdfDownloadButton } from './pdf-download-button';

/** Unpaid, and no direct debit waiting for the bank (that pays it already). */
export const isPayable = (invoice: TInvoiceSummary) =>
  invoice.kind === 'invoice' &&
  (invoice.status === 'open' || invoice.status === 'overdue') &&
  invoice.directDebit?.status !== 'announced' &&
  invoice.directDebit?.status !== 'submitted';

/** Number, dates, amount and status per invoice; unpaid rows stand out and offer "Bezahlen". */
export function InvoiceTable({
  invoices,
  onPay,
}: {
  invoices: TInvoiceSummary[];
  onPay: (invoice: TInvoiceSummary) => void;
}) {
  const t = useMessages(invoiceMessages);
  const { language } = useLanguage();
  const can = useCan();
  return (
    <table className="table invoice-table">
      <thead>
        <tr>
          <th scope="col">{t.columnNumber}</th>
          <th scope="col">{t.columnDate}</th>
          <th scope="col">{t.columnDue}</th>
          <th scope="col" className="num">
            {t.columnAmount}
          </th>
          <th scope="col">{t.columnStatus}</th>
          <th scope="col">
            <span className="sr-only">{t.columnActions}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {invoices.map((invoice) => (
          <tr key={invoice.id} className={isPayable(invoice) ? `row-unpaid row-${invoice.status}` : undefined}>
            <td data-label={t.columnNumber}>
              <Link to={paths.invoice(invoice.id)}>{invoice.number}</Link>
              {invoice.kind === 'cancellation' && <span className="small muted"> · {t.cancellationInvoice}</span>}
            </td>
            <td data-label={t.columnDate} className="invoice-date">
              {formatDate(invoice.issueDate, language)}
            </td>
            <td data-label={t.columnDue} className="invoice-date invoice-due">
              {invoice.kind === 'invoice' ? formatDate(invoice.dueDate, language) : '–'}
            </td>
            <td data-label={t.columnAmount} className="num">
              {formatMoney(invoice.amounts.gross, language)}
            </td>
            <td data-label={t.columnStatus} className="invoice-status">
              <InvoiceStatusBadge invoice={invoice} />
            </td>
            <td data-label={t.columnActions} className="invoice-actions">
              <div className="button-row">
                <PdfDownloadButton id={invoice.id} number={invoice.number} />
                {isPayable(invoice) && can('invoices:pay') && (
                  <Button aria-label={t.payOf(invoice.number)} onClick={() => onPay(invoice)}>
                    {t.pay}
                  </Button>
                )}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
