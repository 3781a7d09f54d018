import { accountRoutes, type BodyOf, type TProfile } from '@portal/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const profileQueryKey = ['account', 'profile'] as const;

export const getProfile = (signal?: AbortSignal) => apiRequest(accountRoutes.getProfile, signal ? { signal } : {});

export const profileQueryOptions = () =>
  queryOptions({ queryKey: profileQueryKey, queryFn: ({ signal }) => getProfile(signal) });

export const useProfile = () => useQuery(profileQueryOptions());

export const updateProfile = (body: BodyOf<typeof accountRoutes.updateProfile>) =>
  apiRequest(accountRoutes.updateProfile, { body });

export const useUpdateProfile = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (profile: TProfile) => {
      queryClient.setQueryData(profileQueryKey, profile);
      // Name and company show in the frame.
      void queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
};

export const confirmEmail = (token: string) => apiRequest(accountRoutes.confirmEmail, { body: { token } });

export const useConfirmEmail = () => useMutation({ mutationFn: confirmEmail });
