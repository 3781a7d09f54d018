import type { TInvoice } from '@portal/contracts';
import { formatDate, formatMoney, formatNumber, formatPeriod, formatQuantity } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { invoiceMessages } from '../messages';

/** The invoice's content as issued: dates, address, items and the amounts per tax rate. */
export function InvoiceDetails({ invoice }: { invoice: TInvoice }) {
  const t = useMessages(invoiceMessages);
  const { language } = useLanguage();
  const money = (cents: number) => formatMoney(cents, language);
  const address = invoice.billingAddress;
  return (
    <>
      <div className="invoice-meta">
        <dl>
          <dt>{t.issueDate}</dt>
          <dd>{formatDate(invoice.issueDate, language)}</dd>
          <dt>{invoice.servicePeriod.start === invoice.servicePeriod.end ? t.serviceDate : t.servicePeriod}</dt>
          <dd>{formatPeriod(invoice.servicePeriod, language)}</dd>
          {invoice.kind === 'invoice' && (
            <>
              <dt>{t.dueDate}</dt>
              <dd>{formatDate(invoice.dueDate, language)}</dd>
            </>
          )}
          <dt>{t.customerNumber}</dt>
          <dd>{address.customerNumber}</dd>
        </dl>
        <section aria-labelledby="billing-address-heading">
          <h2 id="billing-address-heading">{t.billingAddress}</h2>
          <address>
            {address.company && <div>{address.company}</div>}
            <div>{address.name}</div>
            <div>{address.street}</div>
            <div>
              {address.postalCode} {address.city}
            </div>
          </address>
        </section>
      </div>
      <h2>{t.lines}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t.lineDescription}</th>
            <th scope="col" className="num">
              {t.lineQuantity}
            </th>
            <th scope="col" className="num">
              {t.lineUnitPrice}
            </th>
            <th scope="col" className="num">
              {t.lineTaxRate}
            </th>
            <th scope="col" className="num">
              {t.lineNet}
            </th>
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((line, index) => (
            // Lines have no identity of their own; their position is stable on an issued invoice.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={index}>
              <td data-label={t.lineDescription}>{line.description}</td>
              <td data-label={t.lineQuantity} className="num">
                {formatQuantity(line.quantity, line.unit, language)}
              </td>
              <td data-label={t.lineUnitPrice} className="num">
                {money(line.unitPrice)}
              </td>
              <td data-label={t.lineTaxRate} className="num">
                {formatNumber(line.taxRate, language)} %
              </td>
              <td data-label={t.lineNet} className="num">
                {money(line.net)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="invoice-totals">
        {/* One tax rate: net, its VAT, total. Several: each rate's net and VAT, then the sums. */}
        {invoice.taxes.length === 1 && invoice.taxes[0] ? (
          <div>
            <dt>{t.totalNet}</dt>
            <dd>{money(invoice.amounts.net)}</dd>
            <dt>{t.taxAt(formatNumber(invoice.taxes[0].taxRate, language))}</dt>
            <dd>{money(invoice.amounts.tax)}</dd>
          </div>
        ) : (
          <>
            {invoice.taxes.map((row) => (
              <div key={row.taxRate}>
                <dt>{t.netAt(formatNumber(row.taxRate, language))}</dt>
                <dd>{money(row.net)}</dd>
                <dt>{t.taxAt(formatNumber(row.taxRate, language))}</dt>
                <dd>{money(row.tax)}</dd>
              </div>
            ))}
            <div>
              <dt>{t.totalNet}</dt>
              <dd>{money(invoice.amounts.net)}</dd>
              <dt>{t.totalTax}</dt>
              <dd>{money(invoice.amounts.tax)}</dd>
            </div>
          </>
        )}
        <div className="invoice-gross">
          <dt>{t.totalGross}</dt>
          <dd>{money(invoice.amounts.gross)}</dd>
        </div>
      </dl>
      {invoice.taxNote && <p className="muted">{invoice.taxNote}</p>}
    </>
  );
}
