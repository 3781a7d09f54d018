import type { TLanguage } from '@portal/contracts';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

export type Language = TLanguage;
export const LANGUAGES: readonly Language[] = ['de', 'en'];
const STORAGE_KEY = 'portal.language';

/** A message is a string or a function of its arguments (for plurals and interpolation). */
type Message = string | ((...args: never[]) => string);

/**
 * Each feature keeps its own messages beside its code. English must have exactly the keys (and
 * argument lists) of German, so a missing translation is a type error, and a test checks it too.
 */
export function defineMessages<T extends Record<string, Message>>(messages: { de: T; en: { [K in keyof T]: T[K] } }) {
  return messages;
}

interface LanguageContextValue {
  language: Language;
  setLanguage(language: Language): void;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'de' ? stored : 'de';
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageContextValue {
  const context = useContext(LanguageContext);
  if (!context) throw new Error('useLanguage needs a LanguageProvider');
  return context;
}

/** The current language's messages of one feature: `const t = useMessages(messages); t.title`. */
export function useMessages<T>(messages: { de: T; en: T }): T {
  return messages[useLanguage().language];
}
