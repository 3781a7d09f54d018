import { staffRoleMay, type TAdminInvoiceDetail } from '@portal/contracts';
import { Fragment } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { InvoiceStatusBadge } from '../../../components/ui/status-badges';
import { paths } from '../../../config/paths';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { staffInvoicePdfUrl, useStaffInvoice } from '../api/invoices';
import { InvoiceRowActions } from '../components/invoice-row-actions';
import { StaffOnly, useStaffContext } from '../components/staff-only';
import { invoiceMessages } from '../invoice-messages';

type Props = { invoice: TAdminInvoiceDetail };

/** One invoice for billing: facts, lines with taxes, payments, documents, and cancel or correct. */
export function InvoicePage() {
  const t = useMessages(invoiceMessages);
  const { id = '' } = useParams();
  const invoice = useStaffInvoice(id);
  return (
    <StaffOnly permission="invoices">
      <p>
        <Link to={paths.backofficeInvoices}>← {t.backToInvoices}</Link>
      </p>
      <QueryState query={invoice} asPage problems={{ not_found: t.invoiceNotFound }}>
        {(data) => (
          <>
            <PageHeader
              title={t.invoiceTitle(t[`kind_${data.kind}`], data.number)}
              actions={<InvoiceStatusBadge invoice={data} />}
            />
            <div className="form-actions">
              <InvoiceRowActions
                invoice={{
                  ...data,
                  customerNumber: data.billingAddress.customerNumber,
                  customerName: data.billingAddress.name,
                  customerCompany: data.billingAddress.company,
                }}
              />
            </div>
            <Facts invoice={data} />
            <Lines invoice={data} />
            <Payments invoice={data} />
            <Documents invoice={data} />
          </>
        )}
      </QueryState>
    </StaffOnly>
  );
}

function Facts({ invoice }: Props) {
  const t = useMessages(invoiceMessages);
  const { language } = useLanguage();
  const { staffRole } = useStaffContext();
  const address = invoice.billingAddress;
  const related = [
    [t.cancels, invoice.cancelsInvoiceId],
    [t.cancelledBy, invoice.cancelledByInvoiceId],
    [t.corrects, invoice.correctsInvoiceId],
  ] as const;
  return (
    <section aria-labelledby="invoice-facts" className="card">
      <h2 id="invoice-facts">{t.factsHeading}</h2>
      <dl className="facts">
        <dt>{t.billedTo}</dt>
        <dd>
          {staffRoleMay(staffRole, 'customers.read') ? (
            <Link to={paths.backofficeCustomer(invoice.customerId)}>{address.company ?? address.name}</Link>
          ) : (
            (address.company ?? address.name)
          )}
          <span className="muted small">
            {' '}
            · {address.customerNumber} · {address.street}, {address.postalCode} {address.city}, {address.country}
            {address.vatId && ` · ${address.vatId}`}
          </span>
        </dd>
        <dt>{t.issueDate}</dt>
        <dd>{formatDate(invoice.issueDate, language)}</dd>
        <dt>{t.servicePeriod}</dt>
        <dd>
          {t.period(formatDate(invoice.servicePeriod.start, language), formatDate(invoice.servicePeriod.end, language))}
        </dd>
        <dt>{t.dueDate}</dt>
        <dd>{formatDate(invoice.dueDate, language)}</dd>
        <dt>{t.vatTreatment}</dt>
        <dd>
          {t[`vat_${invoice.vatTreatment}`]}
          {invoice.taxNote && <span className="muted small"> · {invoice.taxNote}</span>}
        </dd>
        {related.map(([label, id]) =>
          id ? (
            <Fragment key={label}>
              <dt>{t.related}</dt>
              <dd>
                {label}: <Link to={paths.backofficeInvoice(id)}>{t.openRelated}</Link>
              </dd>
            </Fragment>
          ) : null,
        )}
      </dl>
    </section>
  );
}

function Lines({ invoice }: Props) {
  const t = useMessages(invoiceMessages);
  const { language } = useLanguage();
  const money = (cents: number) => formatMoney(cents, language, invoice.currency);
  return (
    <section aria-labelledby="invoice-lines" className="card">
      <h2 id="invoice-lines">{t.linesHeading}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t.description}</th>
            <th scope="col" className="num">
              {t.quantity}
            </th>
            <th scope="col">{t.unit}</th>
            <th scope="col" className="num">
              {t.unitPrice}
            </th>
            <th scope="col" className="num">
              {t.taxRate}
            </th>
            <th scope="col" className="num">
              {t.net}
            </th>
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((line, index) => (
            // Lines have no id of their own; their position is stable in an issued invoice.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={index}>
              <td>{line.description}</td>
              <td className="num">{formatNumber(line.quantity, language)}</td>
              <td>{line.unit}</td>
              <td className="num">{money(line.unitPrice)}</td>
              <td className="num">{formatNumber(line.taxRate, language)}</td>
              <td className="num">{money(line.net)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="facts">
        <dt>{t.net}</dt>
        <dd>{money(invoice.amounts.net)}</dd>
        {invoice.taxes.map((tax) => (
          <Fragment key={tax.taxRate}>
            <dt>{t.tax(tax.taxRate)}</dt>
            <dd>{money(tax.tax)}</dd>
          </Fragment>
        ))}
        <dt>{t.gross}</dt>
        <dd>
          <strong>{money(invoice.amounts.gross)}</strong>
        </dd>
        <dt>{t.openAmount}</dt>
        <dd>{money(invoice.openAmount)}</dd>
      </dl>
    </section>
  );
}

function Payments({ invoice }: Props) {
  const t = useMessages(invoiceMessages);
  const { language } = useLanguage();
  return (
    <section aria-labelledby="invoice-payments" className="card">
      <h2 id="invoice-payments">{t.paymentsHeading}</h2>
      {invoice.payments.length === 0 ? (
        <EmptyState title={t.noPayments} />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t.columnDate}</th>
              <th scope="col">{t.columnMethod}</th>
              <th scope="col">{t.columnStatus}</th>
              <th scope="col" className="num">
                {t.columnAmount}
              </th>
            </tr>
          </thead>
          <tbody>
            {invoice.payments.map((payment) => (
              <tr key={payment.id}>
                <td>{formatDateTime(payment.settledAt ?? payment.createdAt, language)}</td>
                <td>{t[`method_${payment.method}`]}</td>
                <td>{t[`payment_${payment.status}`]}</td>
                <td className="num">{formatMoney(payment.amount, language, payment.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Documents({ invoice }: Props) {
  const t = useMessages(invoiceMessages);
  return (
    <section aria-labelledby="invoice-documents" className="card">
      <h2 id="invoice-documents">{t.documentsHeading}</h2>
      <p>
        <a href={staffInvoicePdfUrl(invoice.id)} target="_blank" rel="noopener" aria-label={t.pdfOf(invoice.number)}>
          {t.pdf}
        </a>
      </p>
      <p className="muted small">
        {t.formatsAvailable}: {invoice.formats.map((format) => t[`format_${format}`]).join(', ')}
      </p>
    </section>
  );
}
