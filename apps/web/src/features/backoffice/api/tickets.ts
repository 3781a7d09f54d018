import { adminTicketRoutes, type BodyOf, type TAdminTicketSummary } from '@portal/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useStaffList } from './use-staff-list';

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

/** Every change to a ticket refreshes it and the queue. */
function useTicketMutation<B, R>(mutationFn: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketsKey }),
  });
}

export const useStaffReply = (id: string) =>
  useTicketMutation((body: BodyOf<typeof adminTicketRoutes.reply>) =>
    apiRequest(adminTicketRoutes.reply, { params: { id }, body }),
  );

export const useAddNote = (id: string) =>
  useTicketMutation((body: BodyOf<typeof adminTicketRoutes.addNote>) =>
    apiRequest(adminTicketRoutes.addNote, { params: { id }, body }),
  );

export const useSetTicketStatus = (id: string) =>
  useTicketMutation((body: BodyOf<typeof adminTicketRoutes.setStatus>) =>
    apiRequest(adminTicketRoutes.setStatus, { params: { id }, body }),
  );

export const useAssignTicket = (id: string) =>
  useTicketMutation((body: BodyOf<typeof adminTicketRoutes.assign>) =>
    apiRequest(adminTicketRoutes.assign, { params: { id }, body }),
  );
