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
  /** The user's choice: shown and remembered in this browser. */
  setLanguage(language: Language): void;
  /**
   * The signed-in user's saved language: shown unless this browser holds a choice of its own,
   * and not remembered, so that a change saved elsewhere is followed on the next visit.
   */
  adoptLanguage(language: Language): void;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

function storedChoice(): Language | null {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'de' ? stored : null;
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => storedChoice() ?? 'de');
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  }, []);
  const adoptLanguage = useCallback((next: Language) => {
    if (!storedChoice()) setLanguageState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo(() => ({ language, setLanguage, adoptLanguage }), [language, setLanguage, adoptLanguage]);
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
