import { ticketRoutes } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { ticketsQueryKey } from './get-tickets';

export const ticketQueryKey = (id: string) => [...ticketsQueryKey, 'detail', id] as const;

export const ticketQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ticketQueryKey(id),
    queryFn: ({ signal }) => apiRequest(ticketRoutes.get, { params: { id }, signal }),
  });

export const useTicket = (id: string) => useQuery(ticketQueryOptions(id));
