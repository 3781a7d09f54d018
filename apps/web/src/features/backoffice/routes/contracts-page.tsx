import { staffRoleMay, type TAdminContractListItem, type TProductStatus, ZProductStatus } from '@portal/contracts';
import { useDeferredValue, useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { PagedList } from '../../../components/ui/paged-list';
import { EmptyState } from '../../../components/ui/states';
import { ProductStatusBadge } from '../../../components/ui/status-badges';
import { paths } from '../../../config/paths';
import { formatDate, formatMoney } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useStaffContracts } from '../api/contracts';
import { BookProductForm } from '../components/book-product-form';
import { SearchField } from '../components/search-field';
import { StaffOnly, useStaffContext } from '../components/staff-only';
import { contractMessages } from '../contract-messages';

/** Verträge: every customer's contracts (billing reads, admins also book). */
export function ContractsPage() {
  const t = useMessages(contractMessages);
  const { staffRole } = useStaffContext();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<TProductStatus | ''>('');
  const q = useDeferredValue(search.trim());
  const contracts = useStaffContracts({ q: q || undefined, status: status || undefined, limit: 50 });
  return (
    <StaffOnly permission="contracts.read">
      <PageHeader title={t.title} description={t.intro} />
      <search className="card filters">
        <SearchField label={t.search} hint={t.searchHint} value={search} onChange={setSearch} />
        <label className="field">
          <span>{t.statusFilter}</span>
          <select value={status} onChange={(event) => setStatus(event.target.value as TProductStatus | '')}>
            <option value="">{t.allStatuses}</option>
            {ZProductStatus.options.map((value) => (
              <option key={value} value={value}>
                {t[`status_${value}`]}
              </option>
            ))}
          </select>
        </label>
      </search>
      <PagedList query={contracts} empty={<EmptyState title={t.noContracts} />} loadMoreLabel={t.loadMore}>
        {(items) => <ContractTable items={items} />}
      </PagedList>
      {staffRoleMay(staffRole, 'contracts.write') && <BookProductForm />}
    </StaffOnly>
  );
}

function ContractTable({ items }: { items: TAdminContractListItem[] }) {
  const t = useMessages(contractMessages);
  const { language } = useLanguage();
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t.columnContract}</th>
          <th scope="col">{t.columnProduct}</th>
          <th scope="col">{t.columnCustomer}</th>
          <th scope="col">{t.columnStart}</th>
          <th scope="col" className="num">
            {t.columnPrice}
          </th>
          <th scope="col">{t.columnStatus}</th>
          <th scope="col">{t.columnEnd}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((contract) => (
          <tr key={contract.id}>
            <td className="number-cell">
              <Link to={paths.backofficeContract(contract.id)}>{contract.contractNumber}</Link>
            </td>
            <td>{contract.name}</td>
            <td>
              {contract.customerCompany ?? contract.customerName}
              {contract.customerNumber && <span className="muted small"> · {contract.customerNumber}</span>}
            </td>
            <td>{formatDate(contract.startDate, language)}</td>
            <td className="num">
              {t.pricePer(formatMoney(contract.price.amount, language), t[`interval_${contract.price.interval}`])}
            </td>
            <td>
              <ProductStatusBadge status={contract.status} />
            </td>
            <td>{contract.endDate ? formatDate(contract.endDate, language) : t.none}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
