import type { DataRouter } from 'react-router';
import { paths } from '../config/paths';

type AppRouter = Pick<DataRouter, 'state' | 'navigate'>;

/** Sends the user to sign-in when the session is gone, remembering the page they were on. */
export function returnToSignIn(router: AppRouter) {
  const { pathname, search } = router.state.location;
  // Several queries of a page answer 401 at once; the first starts the way to sign-in (a lazy
  // route, so the address changes only once it has loaded): a second start would mount the
  // sign-in form again and drop what the user has typed meanwhile.
  if (pathname === paths.login || router.state.navigation.location?.pathname === paths.login) return;
  void router.navigate(`${paths.login}?next=${encodeURIComponent(pathname + search)}`, { replace: true });
}
