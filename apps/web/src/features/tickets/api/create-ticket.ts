import { type BodyOf, ticketRoutes } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { ticketsQueryKey } from './get-tickets';

type NewTicket = { ticket: Omit<BodyOf<typeof ticketRoutes.create>, 'attachments'>; files: readonly File[] };

/** The ticket's fields and files as `multipart/form-data` (ADR 0025). */
export const createTicket = ({ ticket, files }: NewTicket) => apiRequest(ticketRoutes.create, { body: ticket, files });

export const useCreateTicket = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTicket,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ticketsQueryKey });
      await queryClient.invalidateQueries({ queryKey: ['overview'] });
    },
  });
};
