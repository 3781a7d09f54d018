import { type TMemberRole, type TTeamInvite, teamRoutes } from '@portal/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { meQueryKey } from '../../auth/api/me-query-key';

export const teamQueryKey = ['account', 'team'] as const;

/** The members of the customer account: one page (a team is small). */
export const teamQueryOptions = () =>
  queryOptions({ queryKey: teamQueryKey, queryFn: ({ signal }) => apiRequest(teamRoutes.list, { signal }) });
export const useTeam = () => useQuery(teamQueryOptions());

const useTeamMutation = <Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: teamQueryKey }) });
};

export const useInviteMember = () => useTeamMutation((body: TTeamInvite) => apiRequest(teamRoutes.invite, { body }));
export const useChangeMemberRole = () =>
  useTeamMutation(({ id, role }: { id: string; role: TMemberRole }) =>
    apiRequest(teamRoutes.changeRole, { params: { id }, body: { role } }),
  );
export const useResendInvitation = () =>
  useTeamMutation((id: string) => apiRequest(teamRoutes.resendInvitation, { params: { id } }));
export const useSetMfaRequirement = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mfaRequired: boolean) => apiRequest(teamRoutes.setMfaRequirement, { body: { mfaRequired } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
};

export const useRemoveMember = () => useTeamMutation((id: string) => apiRequest(teamRoutes.remove, { params: { id } }));
