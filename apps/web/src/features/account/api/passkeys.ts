import { mfaRoutes, type TRegistrationCredential } from '@portal/contracts';
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useRefreshSecurity } from './second-factors';

export const passkeysQueryKey = ['account', 'passkeys'] as const;

export const passkeysQueryOptions = () =>
  queryOptions({ queryKey: passkeysQueryKey, queryFn: ({ signal }) => apiRequest(mfaRoutes.listPasskeys, { signal }) });

export const usePasskeys = () => useQuery(passkeysQueryOptions());

/**
 * Adds a passkey: the password opens the ceremony, the browser asks the authenticator (loaded
 * only now: the WebAuthn helper stays out of every other page), the server checks its answer.
 */
async function addPasskey(input: { name: string; password: string }) {
  const { options } = await apiRequest(mfaRoutes.startPasskeyRegistration, { body: { password: input.password } });
  const { startRegistration } = await import('@simplewebauthn/browser');
  const answer = await startRegistration({ optionsJSON: options });
  const credential = {
    ...answer,
    clientExtensionResults: { ...answer.clientExtensionResults },
  } as TRegistrationCredential;
  return apiRequest(mfaRoutes.registerPasskey, { body: { name: input.name, credential } });
}

export const useAddPasskey = () => {
  const refresh = useRefreshSecurity();
  return useMutation({ mutationFn: addPasskey, onSuccess: refresh });
};

export const useRenamePasskey = () => {
  const refresh = useRefreshSecurity();
  return useMutation({
    mutationFn: (input: { id: string; name: string }) =>
      apiRequest(mfaRoutes.renamePasskey, { params: { id: input.id }, body: { name: input.name } }),
    onSuccess: refresh,
  });
};

export const useDeletePasskey = () => {
  const refresh = useRefreshSecurity();
  return useMutation({
    mutationFn: (id: string) => apiRequest(mfaRoutes.deletePasskey, { params: { id } }),
    onSuccess: refresh,
  });
};
