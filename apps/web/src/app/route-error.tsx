import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { Alert } from '../components/ui/alert';
import { Button } from '../components/ui/button';
import { paths } from '../config/paths';
import { useMessages } from '../lib/i18n';
import { usePageTitle } from '../lib/page-title';
import { appMessages } from './messages';

/**
 * A page's code that failed to load is almost always a deployment since this tab opened: the
 * old chunk is gone. Browsers word it differently; these are Chromium's, Firefox's and Safari's.
 */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported|ChunkLoadError/i.test(
    message,
  );
}

/** The route error boundary: what went wrong in the UI language, and a reload. */
export function RouteError({ fullPage = false }: { fullPage?: boolean }) {
  const t = useMessages(appMessages);
  const error = useRouteError();
  const outdated = isChunkLoadError(error);
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const title = outdated ? t.outdatedTitle : notFound ? t.notFoundTitle : t.crashTitle;
  usePageTitle(title);
  const content = (
    <Alert tone={outdated ? 'info' : 'error'} title={title}>
      <p>{outdated ? t.outdatedBody : notFound ? t.notFoundBody : t.crashBody}</p>
      <div className="form-actions">
        <Button onClick={() => window.location.reload()}>{t.reload}</Button>
        <Link className="btn btn-secondary" to={paths.overview} reloadDocument>
          {t.backToOverview}
        </Link>
      </div>
    </Alert>
  );
  return fullPage ? (
    <main id="main" className="auth-page">
      <div className="auth-card">{content}</div>
    </main>
  ) : (
    content
  );
}
