import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../../lib/api-error';
import { errorMessages } from '../../lib/error-messages';
import { isRetryable, type ProblemOverrides, useErrorTexts } from '../../lib/form-errors';
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

/**
 * An error in the UI language, by its code; `problems` says it better for the page ("Diese
 * Rechnung gibt es nicht"). A retry is offered only where another try can help.
 */
export function ErrorState({
  error,
  onRetry,
  problems,
}: {
  error: unknown;
  onRetry?: () => void;
  problems?: ProblemOverrides | undefined;
}) {
  const t = useMessages(errorMessages);
  const texts = useErrorTexts();
  const apiError = error instanceof ApiError ? error : null;
  const notFound = apiError?.problem.code === 'not_found';
  return (
    <Alert tone={notFound ? 'warning' : 'error'} title={notFound ? t.notFoundTitle : t.errorTitle}>
      <p>{texts.problem(error, problems)}</p>
      {apiError?.problem.requestId && !notFound && (
        <p className="muted small">{t.errorReference(apiError.problem.requestId)}</p>
      )}
      {onRetry && isRetryable(error) && (
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
  problems,
  children,
}: {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  loadingLabel?: string;
  problems?: ProblemOverrides;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <LoadingState {...(loadingLabel ? { label: loadingLabel } : {})} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} problems={problems} />;
  if (isEmpty?.(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
}
