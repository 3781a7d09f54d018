import { legalRoutes } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

// Both texts come from configuration and change only with a deployment.
const staleTime = 60 * 60 * 1000;

export const imprintQueryOptions = () =>
  queryOptions({
    queryKey: ['legal', 'imprint'],
    queryFn: ({ signal }) => apiRequest(legalRoutes.imprint, { signal }),
    staleTime,
  });

export const privacyQueryOptions = () =>
  queryOptions({
    queryKey: ['legal', 'privacy'],
    queryFn: ({ signal }) => apiRequest(legalRoutes.privacy, { signal }),
    staleTime,
  });

export const useImprint = () => useQuery(imprintQueryOptions());
export const usePrivacyNotice = () => useQuery(privacyQueryOptions());
