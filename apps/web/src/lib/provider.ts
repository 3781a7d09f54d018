import { providerRoutes } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from './api-client';

/**
 * The provider's identity and contact details (GET /provider): the frame's and the tab title's
 * name, the creditor in the mandate text, the contact card, the §312k page's letterhead.
 * It comes from configuration and changes only with a deployment.
 */
export const providerQueryOptions = () =>
  queryOptions({
    queryKey: ['provider'],
    queryFn: ({ signal }) => apiRequest(providerRoutes.contact, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useProvider = () => useQuery(providerQueryOptions());
