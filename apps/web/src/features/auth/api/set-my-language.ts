import { authRoutes, type TLanguage, type TMe } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { meQueryKey } from './me-query-key';

export const setMyLanguage = (language: TLanguage) => apiRequest(authRoutes.setMyLanguage, { body: { language } });

/** Saves the signed-in user's language: the portal starts in it next time, and e-mails follow it. */
export const useSetMyLanguage = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setMyLanguage,
    onSuccess: (_answer, language) =>
      queryClient.setQueryData<TMe>(meQueryKey, (me) => (me ? { ...me, language } : me)),
  });
};
