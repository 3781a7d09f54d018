import { authRoutes } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const logout = () => apiRequest(authRoutes.logout);

/**
 * Signs out. `leave` moves away from the signed-in pages first; only then is the cache emptied,
 * so no page still on screen refetches and bounces through "session expired".
 */
export const useLogout = (leave: () => Promise<void> | void) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: async () => {
      await leave();
      queryClient.clear();
    },
  });
};
