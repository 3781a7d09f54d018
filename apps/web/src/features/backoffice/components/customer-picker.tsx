import { useDeferredValue, useState } from 'react';
import { SelectInput } from '../../../components/ui/form';
import { useMessages } from '../../../lib/i18n';
import { useCustomerSearch } from '../api/customers';
import { invoiceMessages } from '../invoice-messages';
import { SearchField } from './search-field';

/** Staff type part of a customer's number, name or e-mail and choose among the matches. */
export function CustomerPicker() {
  const t = useMessages(invoiceMessages);
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const customers = useCustomerSearch(q);
  return (
    <div className="backoffice-fields">
      <SearchField label={t.customerSearch} hint={t.customerSearchHint} value={search} onChange={setSearch} />
      <SelectInput name="customerId" label={t.customer} required>
        <option value="">{t.chooseCustomer}</option>
        {customers.items.map((customer) => (
          <option key={customer.id} value={customer.id}>
            {customer.customerNumber} · {customer.company ?? customer.name}
          </option>
        ))}
      </SelectInput>
    </div>
  );
}
