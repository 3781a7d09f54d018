import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { ListPage } from '../../lib/list-query';
import { Button } from './button';
import { QueryState } from './states';

/**
 * A list read page by page (`useListQuery`): loading, error and empty states, the items of every
 * page loaded so far, and "load more" while the API says another page follows.
 */
export function PagedList<T>({
  query,
  empty,
  loadMoreLabel,
  children,
}: {
  query: UseInfiniteQueryResult<{ pages: ListPage<T>[] }>;
  empty: ReactNode;
  loadMoreLabel: string;
  children: (items: T[]) => ReactNode;
}) {
  return (
    <QueryState query={query} isEmpty={(data) => data.pages.every((page) => page.items.length === 0)} empty={empty}>
      {(data) => (
        <>
          {children(data.pages.flatMap((page) => page.items))}
          {query.hasNextPage && (
            <Button variant="secondary" busy={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
              {loadMoreLabel}
            </Button>
          )}
        </>
      )}
    </QueryState>
  );
}
