import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../../lib/api-error';
import { useMessages } from '../../lib/i18n';
import { Alert } from './alert';
import { Button } from './button';
import { uiMessages } from './messages';

export function LoadingState({ label }: { label?: string }) {
  const t = useMessages(uiMessages);
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t.loading}</span>
    </div>
  );
}

export function EmptyState({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useMessages(uiMessages);
  const apiError = error instanceof ApiError ? error : null;
  return (
    <Alert tone="error" title={t.errorTitle}>
      <p>{apiError ? apiError.message : t.networkError}</p>
      {apiError?.problem.requestId && <p className="muted small">{t.errorReference(apiError.problem.requestId)}</p>}
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          {t.errorRetry}
        </Button>
      )}
    </Alert>
  );
}

/**
 * The one way to show a query: loading, error with retry, empty, or the data.
 * `isEmpty` decides when the data counts as empty (an empty list, say).
 */
export function QueryState<T>({
  query,
  isEmpty,
  empty,
  loadingLabel,
  children,
}: {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  loadingLabel?: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <LoadingState {...(loadingLabel ? { label: loadingLabel } : {})} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
}
