import { apiTokenRoutes, type TApiTokenCreate } from '@portal/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const apiTokensQueryKey = ['account', 'api-tokens'] as const;

/** The member's active tokens: one page, as the sessions (a member has few). */
export const apiTokensQueryOptions = () =>
  queryOptions({ queryKey: apiTokensQueryKey, queryFn: ({ signal }) => apiRequest(apiTokenRoutes.list, { signal }) });
export const useApiTokens = () => useQuery(apiTokensQueryOptions());

export const useCreateApiToken = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TApiTokenCreate) => apiRequest(apiTokenRoutes.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensQueryKey }),
  });
};

export const useRevokeApiToken = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(apiTokenRoutes.revoke, { params: { id } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiTokensQueryKey }),
  });
};
