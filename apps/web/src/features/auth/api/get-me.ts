import { authRoutes } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { meQueryKey } from './me-query-key';

export { meQueryKey } from './me-query-key';

export const meQueryOptions = () =>
  queryOptions({ queryKey: meQueryKey, queryFn: ({ signal }) => apiRequest(authRoutes.me, { signal }) });

export const useMe = () => useQuery(meQueryOptions());
