import type { Language } from './i18n';

const locales: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

/** Integer cents to a localised amount: 123456 → "1.234,56 €" in German. */
export function formatMoney(cents: number, language: Language, currency = 'EUR'): string {
  return new Intl.NumberFormat(locales[language], { style: 'currency', currency }).format(cents / 100);
}

/** A calendar date `YYYY-MM-DD`, shown as that same day wherever the browser is. */
export function formatDate(date: string, language: Language): string {
  const [year, month, day] = date.split('-').map(Number);
  const utc = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(utc);
}

/** An RFC 3339 instant in the provider's time zone, where the customer's contracts live. */
export function formatDateTime(instant: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(new Date(instant));
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(locales[language]).format(value);
}
