import { type TTicketStatus, ticketRoutes } from '@portal/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const ticketsQueryKey = ['tickets'] as const;

export const ticketListQueryOptions = (status: TTicketStatus[] | undefined) =>
  infiniteQueryOptions({
    queryKey: [...ticketsQueryKey, 'list', status ?? 'all'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => apiRequest(ticketRoutes.list, { query: { status, cursor: pageParam }, signal }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useTickets = (status: TTicketStatus[] | undefined) => useInfiniteQuery(ticketListQueryOptions(status));
