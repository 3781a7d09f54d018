import { productsRoutes } from '@portal/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const productsQueryKey = ['products'] as const;

export const productsQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: [...productsQueryKey, 'list'],
    queryFn: ({ signal, pageParam }) =>
      apiRequest(productsRoutes.list, { query: pageParam ? { cursor: pageParam } : {}, signal }),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useProducts = () => useInfiniteQuery(productsQueryOptions());
