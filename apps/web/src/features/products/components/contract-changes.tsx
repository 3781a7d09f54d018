import type { TContractChange } from '@portal/contracts';
import { formatDate } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { productsMessages } from '../messages';
import { ProductPrice } from './product-price';

/** The provider's changes of price or terms, newest first: from when, what before and after, why. */
export function ContractChanges({ changes }: { changes: TContractChange[] }) {
  const t = useMessages(productsMessages);
  const { language } = useLanguage();
  if (changes.length === 0) return null;
  return (
    <section className="card" aria-labelledby="product-changes">
      <h2 id="product-changes">{t.changesTitle}</h2>
      {changes.map((change) => (
        <article key={change.id} className="contract-change">
          <h3>{t.changeHeading(formatDate(change.effectiveDate, language), change.inEffect)}</h3>
          <dl className="facts">
            <dt>{t.changePrice}</dt>
            <dd>
              <ProductPrice price={change.after.price} />
            </dd>
            <dt>{t.changeBefore}</dt>
            <dd>
              <ProductPrice price={change.before.price} />
            </dd>
            <dt>{t.changeTerms}</dt>
            <dd>
              {t.changeTermsValue(t.months(change.after.minimumTermMonths), t.months(change.after.noticePeriodMonths))}
            </dd>
            <dt>{t.changeReason}</dt>
            <dd className="pre-wrap">{change.reason}</dd>
          </dl>
          <p className="muted small">{t.changeDocumentHint}</p>
        </article>
      ))}
    </section>
  );
}
