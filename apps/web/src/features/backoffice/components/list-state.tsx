import type { ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { useMessages } from '../../../lib/i18n';
import { backofficeMessages } from '../messages';

interface ListLike<T> {
  items: T[];
  isPending: boolean;
  isError: boolean;
  error: Error | null;
  refetch(): unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): unknown;
}

/** A back-office list (from `useStaffList`): loading, error with retry, empty, the items, "load more". */
export function ListState<T>({
  list,
  empty,
  children,
}: {
  list: ListLike<T>;
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  const t = useMessages(backofficeMessages);
  if (list.isPending) return <LoadingState />;
  if (list.isError && list.error) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.items.length === 0) return <EmptyState title={empty} />;
  return (
    <>
      {children(list.items)}
      {list.hasNextPage && (
        <div className="form-actions">
          <Button variant="secondary" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t.loadMore}
          </Button>
        </div>
      )}
    </>
  );
}
