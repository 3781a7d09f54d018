import { invoiceRoutes, type TInvoice } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { invoicesQueryKey } from './get-invoices';

const inFlight = (invoice: TInvoice | undefined) =>
  invoice?.payments.some((payment) => payment.method !== 'bank_transfer' && payment.status === 'pending') ?? false;

export const invoiceQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...invoicesQueryKey, 'detail', id],
    queryFn: ({ signal }) => apiRequest(invoiceRoutes.get, { params: { id }, signal }),
    // While a debit or card payment settles, the page follows it until the invoice is paid.
    refetchInterval: (query) => (inFlight(query.state.data) ? 3_000 : false),
  });

export const useInvoice = (id: string) => useQuery(invoiceQueryOptions(id));
