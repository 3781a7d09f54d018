import { productsRoutes } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { productsQueryKey } from './get-products';

export const productQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...productsQueryKey, 'detail', id],
    queryFn: ({ signal }) => apiRequest(productsRoutes.get, { params: { id }, signal }),
  });

export const useProduct = (id: string) => useQuery(productQueryOptions(id));
