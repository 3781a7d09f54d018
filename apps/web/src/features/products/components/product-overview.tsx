import type { TProductDetail } from '@portal/contracts';
import { Fragment } from 'react';
import { ProductStatusBadge } from '../../../components/ui/status-badges';
import { useCustomerType } from '../../../lib/customer-type';
import { formatDate } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { productsMessages } from '../messages';
import { ContractChanges } from './contract-changes';
import { ProductPrice } from './product-price';

/** The "Übersicht" tab: the product's key facts, specs and contract term. */
export function ProductOverview({ product }: { product: TProductDetail }) {
  const t = useMessages(productsMessages);
  const { language } = useLanguage();
  const customerType = useCustomerType();
  const specLabel = (key: string, fallback: string) =>
    (t as unknown as Record<string, string | undefined>)[`spec_${key}`] ?? fallback;
  const { contract } = product;
  // Renewal 0: indefinite after the minimum term (the terms a consumer contract has).
  const indefinite = contract.renewalMonths === 0;
  return (
    <div className="product-overview">
      <section className="card" aria-labelledby="product-facts">
        <h2 id="product-facts" className="sr-only">
          {t.tabOverview}
        </h2>
        <dl className="facts">
          <dt>{t.contractNumber}</dt>
          <dd>{product.contractNumber}</dd>
          <dt>{t.category}</dt>
          <dd>{t[`category_${product.category}`]}</dd>
          <dt>{t.status}</dt>
          <dd>
            <ProductStatusBadge status={product.status} />
          </dd>
          <dt>{t.startDate}</dt>
          <dd>{formatDate(product.startDate, language)}</dd>
          <dt>{t.price}</dt>
          <dd>
            <ProductPrice price={product.price} />
          </dd>
          {product.endDate && (
            <>
              <dt>{t.contractEnd}</dt>
              <dd>
                <strong>{formatDate(product.endDate, language)}</strong>
              </dd>
            </>
          )}
        </dl>
      </section>
      <ContractChanges changes={product.changes} />
      {product.specs.length > 0 && (
        <section className="card" aria-labelledby="product-specs">
          <h2 id="product-specs">{t.details}</h2>
          <dl className="facts">
            {product.specs.map((spec) => (
              <Fragment key={spec.key}>
                <dt>{specLabel(spec.key, spec.label)}</dt>
                <dd>{spec.value}</dd>
              </Fragment>
            ))}
          </dl>
        </section>
      )}
      <section className="card" aria-labelledby="product-terms">
        <h2 id="product-terms">{t.terms}</h2>
        <dl className="facts">
          <dt>{t.minimumTerm}</dt>
          <dd>{t.months(contract.minimumTermMonths)}</dd>
          <dt>{t.noticePeriod}</dt>
          <dd>
            {indefinite
              ? t.noticeValueIndefinite(t.months(contract.noticePeriodMonths))
              : t.noticeValue(t.months(contract.noticePeriodMonths))}
          </dd>
          <dt>{t.renewal}</dt>
          <dd>{indefinite ? t.renewalIndefinite : t.renewalValue(t.months(contract.renewalMonths))}</dd>
          <dt>{product.endDate ? t.contractEnd : t.currentTermEnd}</dt>
          <dd>{product.runsIndefinitely ? t.runsIndefinitely : formatDate(contract.termEndsOn, language)}</dd>
          {contract.earliestEndDate && (
            <>
              <dt>{t.earliestEndDate}</dt>
              <dd>{formatDate(contract.earliestEndDate, language)}</dd>
            </>
          )}
          {contract.noticeDeadline && (
            <>
              <dt>{t.noticeDeadline}</dt>
              <dd>{formatDate(contract.noticeDeadline, language)}</dd>
            </>
          )}
        </dl>
        {(indefinite || customerType === 'consumer') && (
          <div className="consumer-terms">
            <h3>{t.consumerTermsTitle}</h3>
            <p>{t.consumerTerms}</p>
          </div>
        )}
      </section>
    </div>
  );
}
