import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../../lib/api-error';
import { errorMessages } from '../../lib/error-messages';
import { isRetryable, type ProblemOverrides, useErrorTexts } from '../../lib/form-errors';
import { useMessages } from '../../lib/i18n';
import { Alert } from './alert';
import { Button } from './button';
import { uiMessages } from './messages';
import { PageHeader } from './page-header';

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
  asPage = false,
}: {
  error: unknown;
  onRetry?: () => void;
  problems?: ProblemOverrides | undefined;
  /** The whole page failed (a detail page): its title becomes the page's heading. */
  asPage?: boolean;
}) {
  const t = useMessages(errorMessages);
  const texts = useErrorTexts();
  const apiError = error instanceof ApiError ? error : null;
  const notFound = apiError?.problem.code === 'not_found';
  const title = notFound ? t.notFoundTitle : t.errorTitle;
  return (
    <>
      {asPage && <PageHeader title={title} />}
      <Alert tone={notFound ? 'warning' : 'error'} title={asPage ? undefined : title}>
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
    </>
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
  asPage,
  children,
}: {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  loadingLabel?: string;
  problems?: ProblemOverrides;
  /** The query is the page (a detail page): an error becomes the page's heading. */
  asPage?: boolean;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <LoadingState {...(loadingLabel ? { label: loadingLabel } : {})} />;
  if (query.isError)
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} problems={problems} asPage={asPage} />;
  if (isEmpty?.(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
}
