import { ticketRoutes } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { ticketsQueryKey } from './get-tickets';

export const closeTicket = (id: string) => apiRequest(ticketRoutes.close, { params: { id } });

export const useCloseTicket = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => closeTicket(id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ticketsQueryKey });
      await queryClient.invalidateQueries({ queryKey: ['overview'] });
    },
  });
};
