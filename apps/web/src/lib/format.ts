import type { Language } from './i18n';

const locales: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

/**
 * Formatters by locale and options, made once: constructing an `Intl` formatter costs far more
 * than formatting with it (≈ 0.5 ms each on a slow phone), and a list formats dozens of cells.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, create: () => F): F {
  let made = formatters.get(key) as F | undefined;
  if (!made) {
    made = create();
    formatters.set(key, made);
  }
  return made;
}

/** Integer cents to a localised amount: 123456 → "1.234,56 €" in German. */
export function formatMoney(cents: number, language: Language, currency = 'EUR'): string {
  return formatter(
    `money ${language} ${currency}`,
    () => new Intl.NumberFormat(locales[language], { style: 'currency', currency }),
  ).format(cents / 100);
}

/** A calendar date `YYYY-MM-DD`, shown as that same day wherever the browser is. */
export function formatDate(date: string, language: Language): string {
  const [year, month, day] = date.split('-').map(Number);
  const utc = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
  return formatter(
    `date ${language}`,
    () => new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeZone: 'UTC' }),
  ).format(utc);
}

/** An RFC 3339 instant in the provider's time zone, where the customer's contracts live. */
export function formatDateTime(instant: string, language: Language): string {
  return formatter(
    `instant ${language}`,
    () =>
      new Intl.DateTimeFormat(locales[language], {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Europe/Berlin',
      }),
  ).format(new Date(instant));
}

export function formatNumber(value: number, language: Language): string {
  return formatter(`number ${language}`, () => new Intl.NumberFormat(locales[language])).format(value);
}

/**
 * The page's first `Intl` formatter costs ≈ 15 ms on a fast machine (ICU loads the locale's data;
 * four times that on a slow phone), every later one 0.2–3 ms. Made one per task while the page
 * waits for its data, they stay out of the render that shows the data, and no task grows long
 * (#19); resolving the locale first takes a third of that cost into a task of its own. The
 * language is the page's (`<html lang>`, which LanguageProvider keeps current).
 */
function prepareFormatters() {
  const language: Language = document.documentElement.lang === 'en' ? 'en' : 'de';
  const steps = [
    () => new Intl.Locale(locales[language]).maximize(),
    () => formatMoney(0, language),
    () => formatDate('2000-01-01', language),
    () => formatDateTime('2000-01-01T00:00:00Z', language),
  ];
  const next = () => {
    steps.shift()?.();
    if (steps.length > 0) setTimeout(next, 0);
  };
  setTimeout(next, 0);
}
if (typeof document !== 'undefined') prepareFormatters();

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
