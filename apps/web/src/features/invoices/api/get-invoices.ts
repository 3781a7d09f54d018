import { invoiceRoutes, type TInvoiceStatus } from '@portal/contracts';
import { apiRequest } from '../../../lib/api-client';
import { listQueryOptions, useListQuery } from '../../../lib/list-query';

export const invoicesQueryKey = ['invoices'] as const;

export const invoiceListQueryOptions = (status: TInvoiceStatus[] | undefined) =>
  listQueryOptions([...invoicesQueryKey, 'list', status ?? 'all'], (cursor, signal) =>
    apiRequest(invoiceRoutes.list, { query: { status, cursor }, signal }),
  );

export const useInvoices = (status: TInvoiceStatus[] | undefined) => useListQuery(invoiceListQueryOptions(status));
