import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { QueryState } from '../../../components/ui/states';
import { ProductStatusBadge } from '../../../components/ui/status-badges';
import { paths } from '../../../config/paths';
import { useMessages } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import { useProduct } from '../api/get-product';
import { CancellationConfirmation } from '../components/cancellation-confirmation';
import { CancellationForm } from '../components/cancellation-form';
import { ProductDocuments } from '../components/product-documents';
import { ProductOverview } from '../components/product-overview';
import { Tabs } from '../components/tabs';
import { productsMessages } from '../messages';
import '../products.css';

const TAB_KEYS = ['overview', 'contract', 'cancellation'] as const;
type TabKey = (typeof TAB_KEYS)[number];

export function ProductPage() {
  const t = useMessages(productsMessages);
  const can = useCan();
  const { id = '' } = useParams();
  const product = useProduct(id);
  const [search, setSearch] = useSearchParams();
  const requested = search.get('tab');
  const tab: TabKey = TAB_KEYS.find((key) => key === requested) ?? 'overview';
  const selectTab = (key: TabKey) => setSearch(key === 'overview' ? {} : { tab: key }, { replace: true });

  return (
    <>
      <p className="no-print">
        <Link to={paths.products}>← {t.backToList}</Link>
      </p>
      <QueryState query={product} asPage problems={{ not_found: t.notFound }}>
        {(data) => (
          <>
            <PageHeader
              title={data.name}
              description={data.contractNumber}
              actions={<ProductStatusBadge status={data.status} />}
            />
            <Tabs
              label={t.tabsLabel}
              selected={tab}
              onSelect={selectTab}
              tabs={[
                { key: 'overview', label: t.tabOverview, panel: () => <ProductOverview product={data} /> },
                {
                  key: 'contract',
                  label: t.tabContract,
                  panel: () => <ProductDocuments productId={data.id} contractNumber={data.contractNumber} />,
                },
                // Cancelling is the owner's (ADR 0020); other members see the state only.
                {
                  key: 'cancellation',
                  label: t.tabCancellation,
                  panel: () =>
                    data.cancellation ? (
                      <CancellationConfirmation product={data} cancellation={data.cancellation} />
                    ) : can('products:cancel') ? (
                      <CancellationForm product={data} />
                    ) : (
                      <p className="muted">{t.cancellationOwnerOnly}</p>
                    ),
                },
              ]}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
