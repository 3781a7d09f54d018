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

/**
 * Units as invoices name them (German, the API's words) with their plural and English forms, so
 * "2 Monat" reads "2 Monate" or "2 months". Other units are shown as they are.
 */
const units: Record<string, Record<Language, [one: string, many: string]>> = {
  monat: { de: ['Monat', 'Monate'], en: ['month', 'months'] },
  quartal: { de: ['Quartal', 'Quartale'], en: ['quarter', 'quarters'] },
  jahr: { de: ['Jahr', 'Jahre'], en: ['year', 'years'] },
  stunde: { de: ['Stunde', 'Stunden'], en: ['hour', 'hours'] },
  'std.': { de: ['Std.', 'Std.'], en: ['h', 'h'] },
  stück: { de: ['Stück', 'Stück'], en: ['piece', 'pieces'] },
};

export function formatQuantity(quantity: number, unit: string, language: Language): string {
  const forms = units[unit.trim().toLowerCase()]?.[language];
  const name = forms ? (quantity === 1 ? forms[0] : forms[1]) : unit;
  return `${formatNumber(quantity, language)} ${name}`;
}

/** A service period; one day reads as that day rather than "28.11.2026 – 28.11.2026". */
export function formatPeriod(period: { start: string; end: string }, language: Language): string {
  if (period.start === period.end) return formatDate(period.start, language);
  return `${formatDate(period.start, language)} – ${formatDate(period.end, language)}`;
}
