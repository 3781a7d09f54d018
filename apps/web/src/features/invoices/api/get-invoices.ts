import { invoiceRoutes, type TInvoiceStatus } from '@portal/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const invoicesQueryKey = ['invoices'] as const;

export const invoiceListQueryOptions = (status: TInvoiceStatus[] | undefined) =>
  infiniteQueryOptions({
    queryKey: [...invoicesQueryKey, 'list', status ?? 'all'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiRequest(invoiceRoutes.list, { query: { status, cursor: pageParam }, signal }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useInvoices = (status: TInvoiceStatus[] | undefined) => useInfiniteQuery(invoiceListQueryOptions(status));
