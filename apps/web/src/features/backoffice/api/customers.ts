import {
  adminCustomerRoutes,
  adminSecurityLogRoutes,
  type BodyOf,
  type TAdminCustomerListItem,
  type TAdminSecurityEvent,
} from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useStaffList } from './use-staff-list';
import { useStaffMutation } from './use-staff-mutation';

export const useCustomerSearch = (q: string) =>
  useStaffList<typeof adminCustomerRoutes.list, TAdminCustomerListItem>(
    adminCustomerRoutes.list,
    { q: q || undefined, limit: 50 },
    ['customers'],
  );

export const staffCustomerQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['backoffice', 'customers', id],
    queryFn: ({ signal }) => apiRequest(adminCustomerRoutes.get, { params: { id }, signal }),
  });

export const useStaffCustomer = (id: string) => useQuery(staffCustomerQueryOptions(id));

export const useCreateCustomer = () =>
  useStaffMutation((body: BodyOf<typeof adminCustomerRoutes.create>) =>
    apiRequest(adminCustomerRoutes.create, { body }),
  );

/** Every member's entries of a customer account's security log, newest first, page by page. */
export const useCustomerSecurityLog = (id: string) =>
  useStaffList<typeof adminSecurityLogRoutes.listForCustomer, TAdminSecurityEvent>(
    adminSecurityLogRoutes.listForCustomer,
    { limit: 25 },
    ['customers', id, 'security-log'],
    { id },
  );
