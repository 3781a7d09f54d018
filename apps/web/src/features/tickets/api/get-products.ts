import { productsRoutes } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

/** The customer's products, for choosing the one a ticket concerns (100 covers real customers). */
export const productChoicesQueryOptions = () =>
  queryOptions({
    queryKey: ['products', 'choices'],
    queryFn: ({ signal }) => apiRequest(productsRoutes.list, { query: { limit: 100 }, signal }),
  });

export const useProductChoices = () => useQuery(productChoicesQueryOptions());
