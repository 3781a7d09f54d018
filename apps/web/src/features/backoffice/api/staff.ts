import { type BodyOf, staffAdminRoutes, type TAuditEvent } from '@portal/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useStaffList } from './use-staff-list';

const staffKey = ['backoffice', 'staff-users'] as const;

export const staffUsersQueryOptions = () =>
  queryOptions({ queryKey: staffKey, queryFn: ({ signal }) => apiRequest(staffAdminRoutes.list, { signal }) });

export const useStaffUsers = () => useQuery(staffUsersQueryOptions());

function useStaffMutation<B, R>(mutationFn: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: staffKey });
      await queryClient.invalidateQueries({ queryKey: ['backoffice', 'audit'] });
    },
  });
}

export const useInviteStaff = () =>
  useStaffMutation((body: BodyOf<typeof staffAdminRoutes.invite>) => apiRequest(staffAdminRoutes.invite, { body }));

export const useSetStaffRole = () =>
  useStaffMutation(({ id, ...body }: BodyOf<typeof staffAdminRoutes.setRole> & { id: string }) =>
    apiRequest(staffAdminRoutes.setRole, { params: { id }, body }),
  );

export const useDeactivateStaff = () =>
  useStaffMutation((id: string) => apiRequest(staffAdminRoutes.deactivate, { params: { id } }));

export const useAuditLog = () =>
  useStaffList<typeof staffAdminRoutes.auditLog, TAuditEvent>(staffAdminRoutes.auditLog, { limit: 50 }, ['audit']);
