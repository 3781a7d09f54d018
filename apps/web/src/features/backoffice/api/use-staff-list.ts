import type { ParamsOf, QueryOf, RouteContract } from '@portal/contracts';
import { type InfiniteData, infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { ListPage as Page } from '../../../lib/list-query';

/**
 * The back office's one way to fetch a list: a cursor-paged staff route, pages joined. Every
 * list page goes through here, so a change of the list format (e.g. shared paging) lands once.
 * `params` names the object a nested list belongs to (a customer's security log).
 */
export function staffListQueryOptions<C extends RouteContract, T>(
  contract: C,
  query: Omit<NonNullable<QueryOf<C>>, 'cursor'>,
  key: readonly unknown[],
  params?: ParamsOf<C>,
) {
  return infiniteQueryOptions<Page<T>, Error, InfiniteData<Page<T>>, readonly unknown[], string | undefined>({
    queryKey: ['backoffice', ...key, query],
    initialPageParam: undefined,
    queryFn: ({ pageParam, signal }) =>
      apiRequest(contract, {
        ...(params ? { params } : {}),
        query: { ...query, cursor: pageParam },
        signal,
      } as never) as Promise<Page<T>>,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useStaffList<C extends RouteContract, T>(
  contract: C,
  query: Omit<NonNullable<QueryOf<C>>, 'cursor'>,
  key: readonly unknown[],
  params?: ParamsOf<C>,
) {
  const result = useInfiniteQuery(staffListQueryOptions<C, T>(contract, query, key, params));
  return { ...result, items: result.data?.pages.flatMap((page) => page.items) ?? [] };
}
