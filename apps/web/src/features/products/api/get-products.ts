import { productsRoutes } from '@portal/contracts';
import { apiRequest } from '../../../lib/api-client';
import { listQueryOptions, useListQuery } from '../../../lib/list-query';

export const productsQueryKey = ['products'] as const;

export const productsQueryOptions = () =>
  listQueryOptions([...productsQueryKey, 'list'], (cursor, signal) =>
    apiRequest(productsRoutes.list, { query: cursor ? { cursor } : {}, signal }),
  );

export const useProducts = () => useListQuery(productsQueryOptions());
