import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { DataRouter } from 'react-router';
import { LanguageProvider } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';
import { returnToSignIn } from './return-to-sign-in';

export function AppProvider({ router, children }: { router: DataRouter; children: ReactNode }) {
  const [queryClient] = useState(() => createQueryClient(() => returnToSignIn(router)));
  return (
    <LanguageProvider>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </LanguageProvider>
  );
}
