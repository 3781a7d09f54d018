import { type InfiniteData, infiniteQueryOptions, type QueryKey, useInfiniteQuery } from '@tanstack/react-query';

/** A page of a list as every list route answers it (`listOf` in the contracts). */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
  hasMore: boolean;
}

/**
 * The one way the SPA reads a list: pages fetched by cursor as the user asks for more (`hasMore`
 * decides whether there is a next one). Features give the key and how to fetch one page.
 */
export function listQueryOptions<T, K extends QueryKey>(
  queryKey: K,
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<ListPage<T>>,
) {
  return infiniteQueryOptions<ListPage<T>, Error, InfiniteData<ListPage<T>, string | undefined>, K, string | undefined>(
    {
      queryKey,
      initialPageParam: undefined,
      queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
      getNextPageParam: (page) => (page.hasMore && page.nextCursor ? page.nextCursor : undefined),
    },
  );
}

export const useListQuery = <T, K extends QueryKey>(options: ReturnType<typeof listQueryOptions<T, K>>) =>
  useInfiniteQuery(options);
