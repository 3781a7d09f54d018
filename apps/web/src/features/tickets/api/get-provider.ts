import { providerRoutes } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const providerQueryOptions = () =>
  queryOptions({
    queryKey: ['provider'],
    queryFn: ({ signal }) => apiRequest(providerRoutes.contact, { signal }),
    // The provider's details come from configuration and change only with a deployment.
    staleTime: 60 * 60 * 1000,
  });

export const useProvider = () => useQuery(providerQueryOptions());
