import type { authRoutes, BodyOf, TSignedIn } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { meQueryKey } from './me-query-key';

type LoginBody = BodyOf<typeof authRoutes.login>;

/** Fetches the request module (and with it zod and the contracts) once the page is up. */
export const loadLoginRequest = () => import('./login-request');

export const login = async (body: LoginBody) => (await loadLoginRequest()).login(body);

/** Whatever the previous user had cached must not show through; the new user is known at once. */
function useSignedIn() {
  const queryClient = useQueryClient();
  return (result: TSignedIn) => {
    queryClient.clear();
    queryClient.setQueryData(meQueryKey, result.customer);
  };
}

/** The password step: signed in, or asked for the second factor (`mfaRequired`). */
export const useLogin = () => {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: login,
    onSuccess: (result) => {
      if ('customer' in result) signedIn(result);
    },
  });
};

export const useSecondFactor = () => {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: async (input: { challengeToken: string; code?: string }) => {
      const requests = await loadLoginRequest();
      return input.code === undefined
        ? requests.completeSecondFactorWithPasskey(input.challengeToken)
        : requests.completeSecondFactor({ challengeToken: input.challengeToken, code: input.code });
    },
    onSuccess: signedIn,
  });
};

export const usePasskeySignIn = () => {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: async () => (await loadLoginRequest()).signInWithPasskey(),
    onSuccess: signedIn,
  });
};
