import { type BodyOf, ticketRoutes } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { ticketsQueryKey } from './get-tickets';

export type NewReply = { body: Omit<BodyOf<typeof ticketRoutes.reply>, 'attachments'>; files: readonly File[] };

/** The reply's text and files as `multipart/form-data` (ADR 0025). */
export const replyToTicket = (id: string, { body, files }: NewReply) =>
  apiRequest(ticketRoutes.reply, { params: { id }, body, files });

export const useReplyToTicket = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reply: NewReply) => replyToTicket(id, reply),
    // The reply may change the status, which lists and the overview show too.
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ticketsQueryKey });
      await queryClient.invalidateQueries({ queryKey: ['overview'] });
    },
  });
};
