import { useEffect, useSyncExternalStore } from 'react';
import { type Language, useLanguage } from './i18n';

/**
 * The browser tab says which page this is and whose portal: "Rechnungen – <Provider>". The
 * provider's name is known once GET /provider has answered (setSiteName); until then the
 * portal's generic name stands in.
 */
let siteName: string | null = null;
const listeners = new Set<() => void>();

export function setSiteName(name: string) {
  if (name === siteName) return;
  siteName = name;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

const fallbackName: Record<Language, string> = { de: 'Kundenportal', en: 'Customer portal' };

export function pageTitle(title: string | undefined, name: string): string {
  return title ? `${title} – ${name}` : name;
}

/** Sets the document title while the page is shown. */
export function usePageTitle(title: string | undefined) {
  const { language } = useLanguage();
  const name = useSyncExternalStore(subscribe, () => siteName);
  useEffect(() => {
    document.title = pageTitle(title, name ?? fallbackName[language]);
  }, [title, name, language]);
}
