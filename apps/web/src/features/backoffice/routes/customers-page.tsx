import { staffRoleMay, type TAdminCustomerListItem } from '@portal/contracts';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { PageHeader } from '../../../components/ui/page-header';
import { PagedList } from '../../../components/ui/paged-list';
import { EmptyState } from '../../../components/ui/states';
import { paths } from '../../../config/paths';
import { useMessages } from '../../../lib/i18n';
import { useCustomerSearch } from '../api/customers';
import { CreateCustomerForm } from '../components/create-customer-form';
import { ListFilters } from '../components/list-filters';
import { StaffOnly, useStaffContext } from '../components/staff-only';
import { useListFilters } from '../lib/use-list-filters';
import { backofficeMessages } from '../messages';

const noSelects = {};

/** Find a customer by number, name, e-mail or company. */
export function CustomersPage() {
  const t = useMessages(backofficeMessages);
  const filters = useListFilters(noSelects);
  const customers = useCustomerSearch(filters.q ?? '');
  const { staffRole } = useStaffContext();
  return (
    <StaffOnly permission="customers.read">
      <PageHeader title={t.customersTitle} description={t.customersIntro} />
      <ListFilters filters={filters} search={{ label: t.customerSearch }} />
      <PagedList query={customers} empty={<EmptyState title={t.noCustomers} />} loadMoreLabel={t.loadMore}>
        {(items: TAdminCustomerListItem[]) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.columnNumber}</th>
                <th scope="col">{t.columnName}</th>
                <th scope="col">{t.columnEmail}</th>
                <th scope="col">{t.columnType}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((customer) => (
                <tr key={customer.id}>
                  <td>
                    <Link to={paths.backofficeCustomer(customer.id)}>{customer.customerNumber}</Link>
                  </td>
                  <td>
                    {customer.company ?? customer.name}
                    {customer.company && <span className="muted small"> · {customer.name}</span>}{' '}
                    {customer.disabled && <Badge tone="warning">{t.blocked}</Badge>}
                  </td>
                  <td>{customer.email}</td>
                  <td>{t[`type_${customer.customerType}`]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedList>
      {staffRoleMay(staffRole, 'customers.write') && <CreateCustomerForm />}
    </StaffOnly>
  );
}
