import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * The back office's one way to change something: the call, then every back-office query
 * refreshes (a reply moves the queue, a role change the audit log; staff lists are short).
 */
export function useStaffMutation<B, R>(mutationFn: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['backoffice'] }) });
}
