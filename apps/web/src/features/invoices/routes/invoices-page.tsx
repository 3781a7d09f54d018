import type { TInvoiceStatus, TInvoiceSummary } from '@portal/contracts';
import { useState } from 'react';
import { SelectField } from '../../../components/ui/field';
import { PageHeader } from '../../../components/ui/page-header';
import { PagedList } from '../../../components/ui/paged-list';
import { EmptyState } from '../../../components/ui/states';
import { useMessages } from '../../../lib/i18n';
import { useInvoices } from '../api/get-invoices';
import { InvoiceTable } from '../components/invoice-table';
import { LazyPaymentDialog } from '../components/lazy-payment-dialog';
import { invoiceMessages } from '../messages';
import '../invoices.css';

const filters = {
  all: undefined,
  unpaid: ['open', 'overdue'],
  paid: ['paid'],
  cancelled: ['cancelled'],
} satisfies Record<string, TInvoiceStatus[] | undefined>;
type Filter = keyof typeof filters;

export function InvoicesPage() {
  const t = useMessages(invoiceMessages);
  const [filter, setFilter] = useState<Filter>('all');
  const [paying, setPaying] = useState<TInvoiceSummary | null>(null);
  const invoices = useInvoices(filters[filter]);

  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      <div className="invoices-filter">
        <SelectField label={t.filter} value={filter} onChange={(event) => setFilter(event.target.value as Filter)}>
          <option value="all">{t.filterAll}</option>
          <option value="unpaid">{t.filterUnpaid}</option>
          <option value="paid">{t.filterPaid}</option>
          <option value="cancelled">{t.filterCancelled}</option>
        </SelectField>
      </div>
      <PagedList query={invoices} empty={<EmptyState title={t.noInvoices} />} loadMoreLabel={t.loadMore}>
        {(items) => <InvoiceTable invoices={items} onPay={setPaying} />}
      </PagedList>
      {paying && <LazyPaymentDialog invoice={paying} onClose={() => setPaying(null)} />}
    </>
  );
}
