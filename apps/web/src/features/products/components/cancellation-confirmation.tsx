import type { TProductDetail } from '@portal/contracts';
import { Button } from '../../../components/ui/button';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { cancellationMessages } from '../cancellation-messages';

type Cancellation = NonNullable<TProductDetail['cancellation']>;

/** The confirmation of a cancellation: what, when received, when it ends — printable as a record. */
export function CancellationConfirmation({
  product,
  cancellation,
}: {
  product: TProductDetail;
  cancellation: Cancellation;
}) {
  const t = useMessages(cancellationMessages);
  const { language } = useLanguage();
  return (
    <section className="card printable" aria-labelledby="cancellation-confirmed">
      <h2 id="cancellation-confirmed">
        {product.status === 'ended'
          ? t.endedHeading
          : cancellation.byProvider
            ? t.providerEndHeading
            : t.confirmedHeading}
      </h2>
      <p>{cancellation.byProvider ? t.providerEndIntro : t.confirmedIntro}</p>
      <dl className="facts">
        <dt>{t.reviewProduct}</dt>
        <dd>
          {product.name} ({product.contractNumber})
        </dd>
        <dt>{t.reviewType}</dt>
        <dd>{cancellation.type === 'ordinary' ? t.typeOrdinary : t.typeExtraordinary}</dd>
        {cancellation.reason && (
          <>
            <dt>{t.reviewReason}</dt>
            <dd className="pre-wrap">{cancellation.reason}</dd>
          </>
        )}
        <dt>{t.receivedAt}</dt>
        <dd data-testid="cancellation-received-at">{formatDateTime(cancellation.receivedAt, language)}</dd>
        <dt>{t.effectiveDate}</dt>
        <dd>
          <strong data-testid="cancellation-effective-date">{formatDate(cancellation.effectiveDate, language)}</strong>
        </dd>
      </dl>
      <Button variant="secondary" className="no-print" onClick={() => window.print()}>
        {t.print}
      </Button>
    </section>
  );
}
