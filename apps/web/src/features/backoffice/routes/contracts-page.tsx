import { staffRoleMay, type TAdminContractListItem, type TProductStatus, ZProductStatus } from '@portal/contracts';
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
import { ListFilters, searchAndStatus } from '../components/list-filters';
import { StaffOnly, useStaffContext } from '../components/staff-only';
import { contractMessages } from '../contract-messages';
import { useListFilters } from '../lib/use-list-filters';

const choices = { status: { options: ZProductStatus.options } };

/** Verträge: every customer's contracts (billing reads, admins also book). */
export function ContractsPage() {
  const t = useMessages(contractMessages);
  const { staffRole } = useStaffContext();
  const filters = useListFilters(choices);
  const contracts = useStaffContracts({ q: filters.q, status: filters.values.status, limit: 50 });
  return (
    <StaffOnly permission="contracts.read">
      <PageHeader title={t.title} description={t.intro} />
      <ListFilters filters={filters} {...searchAndStatus(t, (value) => t[`status_${value as TProductStatus}`])} />
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
