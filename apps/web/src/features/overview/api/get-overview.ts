import { overviewRoutes } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const overviewQueryOptions = () =>
  queryOptions({ queryKey: ['overview'], queryFn: ({ signal }) => apiRequest(overviewRoutes.get, { signal }) });

export const useOverview = () => useQuery(overviewQueryOptions());
