import { invoiceRoutes } from '@portal/contracts';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PageHeader } from '../../../components/ui/page-header';
import { QueryState } from '../../../components/ui/states';
import { InvoiceStatusBadge } from '../../../components/ui/status-badges';
import { paths } from '../../../config/paths';
import { contractUrl } from '../../../lib/api-client';
import { formatMoney } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import { useInvoice } from '../api/get-invoice';
import { InvoiceDetails } from '../components/invoice-details';
import { InvoiceHistory } from '../components/invoice-history';
import { isPayable } from '../components/invoice-table';
import { LazyPaymentDialog } from '../components/lazy-payment-dialog';
import { PaymentList } from '../components/payment-list';
import { PdfDownloadButton } from '../components/pdf-download-button';
import { TransferInstructions } from '../components/transfer-instructions';
import { invoiceMessages } from '../messages';
import '../invoices.css';

export function InvoicePage() {
  const t = useMessages(invoiceMessages);
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const invoice = useInvoice(id);
  const [paying, setPaying] = useState(false);
  const can = useCan();
  // Back from the provider's hosted page: report how the payment ended.
  const returnedPayment = search.get('payment');

  return (
    <QueryState query={invoice} asPage problems={{ not_found: t.notFound }}>
      {(data) => {
        const returned = data.payments.find((payment) => payment.id === returnedPayment);
        return (
          <>
            <p>
              <Link to={paths.invoices}>← {t.back}</Link>
            </p>
            <PageHeader
              title={
                data.kind === 'cancellation' ? `${t.cancellationInvoice} ${data.number}` : t.invoiceTitle(data.number)
              }
              description={<InvoiceStatusBadge invoice={data} />}
              actions={
                <>
                  <PdfDownloadButton id={data.id} number={data.number} />
                  {data.formats.includes('xrechnung') && (
                    <a
                      className="btn btn-secondary"
                      href={contractUrl(invoiceRoutes.xrechnung, { params: { id: data.id } })}
                      download={`${data.number}-xrechnung.xml`}
                      aria-label={t.xrechnungOf(data.number)}
                    >
                      {t.xrechnung}
                    </a>
                  )}
                  {isPayable(data) && can('invoices:pay') && <Button onClick={() => setPaying(true)}>{t.pay}</Button>}
                </>
              }
            />
            {returned && (
              <div aria-live="polite">
                {returned.status === 'succeeded' && <Alert tone="success">{t.paymentSucceeded}</Alert>}
                {returned.status === 'failed' && <Alert tone="error">{t.paymentFailed}</Alert>}
                {(returned.status === 'pending' || returned.status === 'requires_action') && (
                  <Alert tone="info">{t.paymentProcessing}</Alert>
                )}
              </div>
            )}
            <InvoiceDetails invoice={data} />
            {data.openAmount > 0 && data.openAmount < data.amounts.gross && (
              <p>
                <strong>{t.openAmount(formatMoney(data.openAmount, language))}</strong>
              </p>
            )}
            <section aria-labelledby="history-heading">
              <h2 id="history-heading">{t.history}</h2>
              <InvoiceHistory events={data.history} />
            </section>
            <section aria-labelledby="payments-heading">
              <h2 id="payments-heading">{t.payments}</h2>
              <PaymentList payments={data.payments} />
              {data.transferInstructions && (
                <>
                  <p>{t.transferIntro}</p>
                  <TransferInstructions instructions={data.transferInstructions} />
                </>
              )}
            </section>
            {paying && <LazyPaymentDialog invoice={data} onClose={() => setPaying(false)} />}
          </>
        );
      }}
    </QueryState>
  );
}
