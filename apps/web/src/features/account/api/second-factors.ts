import { mfaRoutes } from '@portal/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { meQueryKey } from '../../auth/api/me-query-key';

export const secondFactorsQueryKey = ['account', 'second-factors'] as const;

export const secondFactorsQueryOptions = () =>
  queryOptions({
    queryKey: secondFactorsQueryKey,
    queryFn: ({ signal }) => apiRequest(mfaRoutes.getSecondFactors, { signal }),
  });

export const useSecondFactors = () => useQuery(secondFactorsQueryOptions());

/**
 * Every change of a factor changes the summary and the passkey list, and /me (whether the
 * account's rule to use an authenticator app is met).
 */
export const useRefreshSecurity = () => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: secondFactorsQueryKey }),
      queryClient.invalidateQueries({ queryKey: ['account', 'passkeys'] }),
      queryClient.invalidateQueries({ queryKey: meQueryKey }),
    ]);
};

export const useStartTotpEnrolment = () => useMutation({ mutationFn: () => apiRequest(mfaRoutes.startTotpEnrolment) });

export const useConfirmTotpEnrolment = () => {
  const refresh = useRefreshSecurity();
  return useMutation({
    mutationFn: (code: string) => apiRequest(mfaRoutes.confirmTotpEnrolment, { body: { code } }),
    onSuccess: refresh,
  });
};

export const useDisableTotp = () => {
  const refresh = useRefreshSecurity();
  return useMutation({
    mutationFn: (body: { password: string; code: string }) => apiRequest(mfaRoutes.disableTotp, { body }),
    onSuccess: refresh,
  });
};

export const useRegenerateRecoveryCodes = () => {
  const refresh = useRefreshSecurity();
  return useMutation({
    mutationFn: (password: string) => apiRequest(mfaRoutes.regenerateRecoveryCodes, { body: { password } }),
    onSuccess: refresh,
  });
};
