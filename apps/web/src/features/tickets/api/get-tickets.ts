import { type TTicketStatus, ticketRoutes } from '@portal/contracts';
import { apiRequest } from '../../../lib/api-client';
import { listQueryOptions, useListQuery } from '../../../lib/list-query';

export const ticketsQueryKey = ['tickets'] as const;

export const ticketListQueryOptions = (status: TTicketStatus[] | undefined) =>
  listQueryOptions([...ticketsQueryKey, 'list', status ?? 'all'], (cursor, signal) =>
    apiRequest(ticketRoutes.list, { query: { status, cursor }, signal }),
  );

export const useTickets = (status: TTicketStatus[] | undefined) => useListQuery(ticketListQueryOptions(status));
