import { authRoutes, type BodyOf } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { meQueryKey } from './get-me';

export const login = (body: BodyOf<typeof authRoutes.login>) => apiRequest(authRoutes.login, { body });

export const useLogin = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (result) => {
      // Whatever the previous user had cached must not show through.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, result.customer);
    },
  });
};
