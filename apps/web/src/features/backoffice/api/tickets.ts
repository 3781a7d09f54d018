import { adminTicketRoutes, type BodyOf, type TAdminTicketSummary } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useStaffList } from './use-staff-list';
import { useStaffMutation } from './use-staff-mutation';

export type QueueQuery = {
  status: Array<'open' | 'in_progress' | 'waiting_for_customer' | 'closed'>;
  assignee?: 'me' | 'unassigned' | undefined;
  q?: string | undefined;
};

const ticketsKey = ['backoffice', 'tickets'] as const;

export const useTicketQueue = (query: QueueQuery) =>
  useStaffList<typeof adminTicketRoutes.list, TAdminTicketSummary>(
    adminTicketRoutes.list,
    { ...query, order: 'oldest', limit: 50 },
    ['tickets'],
  );

export const staffTicketQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...ticketsKey, id],
    queryFn: ({ signal }) => apiRequest(adminTicketRoutes.get, { params: { id }, signal }),
  });

export const useStaffTicket = (id: string) => useQuery(staffTicketQueryOptions(id));

/** The answer's text and status, its files as parts of a `multipart/form-data` body (ADR 0025). */
export const useStaffReply = (id: string) =>
  useStaffMutation(
    ({ body, files }: { body: Omit<BodyOf<typeof adminTicketRoutes.reply>, 'attachments'>; files: readonly File[] }) =>
      apiRequest(adminTicketRoutes.reply, { params: { id }, body, files }),
  );

export const useAddNote = (id: string) =>
  useStaffMutation((body: BodyOf<typeof adminTicketRoutes.addNote>) =>
    apiRequest(adminTicketRoutes.addNote, { params: { id }, body }),
  );

export const useSetTicketStatus = (id: string) =>
  useStaffMutation((body: BodyOf<typeof adminTicketRoutes.setStatus>) =>
    apiRequest(adminTicketRoutes.setStatus, { params: { id }, body }),
  );

export const useAssignTicket = (id: string) =>
  useStaffMutation((body: BodyOf<typeof adminTicketRoutes.assign>) =>
    apiRequest(adminTicketRoutes.assign, { params: { id }, body }),
  );
