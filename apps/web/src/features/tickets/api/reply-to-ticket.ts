import { type BodyOf, ticketRoutes } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { ticketsQueryKey } from './get-tickets';

export const replyToTicket = (id: string, body: BodyOf<typeof ticketRoutes.reply>) =>
  apiRequest(ticketRoutes.reply, { params: { id }, body });

export const useReplyToTicket = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof ticketRoutes.reply>) => replyToTicket(id, body),
    // The reply may change the status, which lists and the overview show too.
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ticketsQueryKey });
      await queryClient.invalidateQueries({ queryKey: ['overview'] });
    },
  });
};
