import { securityLogRoutes } from '@portal/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const securityEventsQueryKey = ['account', 'security-events'] as const;

export const securityEventsQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: securityEventsQueryKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => apiRequest(securityLogRoutes.list, { query: { cursor: pageParam }, signal }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useSecurityEvents = () => useInfiniteQuery(securityEventsQueryOptions());
