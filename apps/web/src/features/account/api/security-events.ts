import { securityLogRoutes } from '@portal/contracts';
import { apiRequest } from '../../../lib/api-client';
import { listQueryOptions, useListQuery } from '../../../lib/list-query';

export const securityEventsQueryKey = ['account', 'security-events'] as const;

export const securityEventsQueryOptions = () =>
  listQueryOptions(securityEventsQueryKey, (cursor, signal) =>
    apiRequest(securityLogRoutes.list, { query: { cursor }, signal }),
  );

export const useSecurityEvents = () => useListQuery(securityEventsQueryOptions());
