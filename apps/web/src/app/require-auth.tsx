import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '../components/ui/states';
import { paths } from '../config/paths';
import { useMe } from '../features/auth/api/get-me';
import { ApiError } from '../lib/api-error';
import { useLanguage } from '../lib/i18n';

/**
 * Lets signed-in users through; everyone else goes to sign-in and comes back afterwards.
 * The page renders while /me is still on its way, so its own queries start at the same time
 * instead of after it; a 401 from either leads to sign-in (see lib/query-client.ts).
 */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  // The portal starts in the user's saved language, unless this browser was switched explicitly.
  const { adoptLanguage } = useLanguage();
  const saved = me.data?.language;
  useEffect(() => {
    if (saved) adoptLanguage(saved);
  }, [saved, adoptLanguage]);
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      const next = `${location.pathname}${location.search}`;
      return <Navigate to={`${paths.login}?next=${encodeURIComponent(next)}`} replace />;
    }
    return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  }
  return <Outlet />;
}
