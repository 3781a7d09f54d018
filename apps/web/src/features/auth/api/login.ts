import type { authRoutes, BodyOf } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { meQueryKey } from './me-query-key';

type LoginBody = BodyOf<typeof authRoutes.login>;

/** Fetches the request module (and with it zod and the contracts) once the page is up. */
export const loadLoginRequest = () => import('./login-request');

export const login = async (body: LoginBody) => (await loadLoginRequest()).login(body);

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
