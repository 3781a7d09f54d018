import { providerRoutes } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

/** The provider's identity: the creditor named in the mandate text. It changes only with a deploy. */
export const providerQueryOptions = () =>
  queryOptions({
    queryKey: ['provider'],
    queryFn: ({ signal }) => apiRequest(providerRoutes.contact, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useProvider = () => useQuery(providerQueryOptions());
