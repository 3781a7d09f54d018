import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { paths } from '../config/paths';
import { LanguageProvider } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';
import { router } from './router';

/** Sends the user to sign-in when the session is gone, remembering the page they were on. */
function returnToSignIn() {
  const { pathname, search } = window.location;
  // Several queries of a page answer 401 at once; the first starts the way to sign-in (a lazy
  // route, so the address changes only once it has loaded): a second start would mount the
  // sign-in form again and drop what the user has typed meanwhile.
  if (pathname === paths.login || router.state.navigation.location?.pathname === paths.login) return;
  void router.navigate(`${paths.login}?next=${encodeURIComponent(pathname + search)}`, { replace: true });
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => createQueryClient(returnToSignIn));
  return (
    <LanguageProvider>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </LanguageProvider>
  );
}
