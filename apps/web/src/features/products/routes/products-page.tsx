import { Link } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { PagedList } from '../../../components/ui/paged-list';
import { EmptyState } from '../../../components/ui/states';
import { ProductStatusBadge } from '../../../components/ui/status-badges';
import { paths } from '../../../config/paths';
import { useCustomerType } from '../../../lib/customer-type';
import { formatDate } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useProducts } from '../api/get-products';
import { ProductPrice } from '../components/product-price';
import { productsMessages } from '../messages';

export function ProductsPage() {
  const t = useMessages(productsMessages);
  const { language } = useLanguage();
  const customerType = useCustomerType();
  const products = useProducts();
  return (
    <>
      <PageHeader title={t.title} description={t.intro} />
      {customerType === 'consumer' && (
        <section className="card consumer-terms" aria-labelledby="consumer-terms">
          <h2 id="consumer-terms">{t.consumerTermsTitle}</h2>
          <p>{t.consumerTerms}</p>
        </section>
      )}
      <PagedList query={products} empty={<EmptyState title={t.empty} />} loadMoreLabel={t.loadMore}>
        {(items) => (
          <>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t.colName}</th>
                  <th scope="col">{t.colCategory}</th>
                  <th scope="col">{t.colStatus}</th>
                  <th scope="col" className="num">
                    {t.colPrice}
                  </th>
                  <th scope="col">{t.colTermEnd}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((product) => (
                  <tr key={product.id}>
                    <td data-label={t.colName}>
                      <span className="product-name">
                        <Link to={paths.product(product.id)}>{product.name}</Link>{' '}
                        <span className="muted small">{t.contractNumberOf(product.contractNumber)}</span>
                      </span>
                    </td>
                    <td data-label={t.colCategory}>{t[`category_${product.category}`]}</td>
                    <td data-label={t.colStatus}>
                      <ProductStatusBadge status={product.status} />
                    </td>
                    <td data-label={t.colPrice} className="num">
                      <ProductPrice price={product.price} />
                    </td>
                    <td data-label={t.colTermEnd}>
                      {product.endDate
                        ? t.endsOn(formatDate(product.endDate, language))
                        : product.runsIndefinitely
                          ? t.runsIndefinitely
                          : formatDate(product.termEndsOn, language)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </PagedList>
    </>
  );
}
