import { type BodyOf, staffAdminRoutes, type TAuditEvent } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useStaffList } from './use-staff-list';
import { useStaffMutation } from './use-staff-mutation';

const staffKey = ['backoffice', 'staff-users'] as const;

export const staffUsersQueryOptions = () =>
  queryOptions({ queryKey: staffKey, queryFn: ({ signal }) => apiRequest(staffAdminRoutes.list, { signal }) });

export const useStaffUsers = () => useQuery(staffUsersQueryOptions());

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
