import type { TLanguage } from '@portal/contracts';
import { BUSINESS_TIME_ZONE } from '../lib/calendar';

/**
 * Dates, instants and amounts as a person reads them in the mail's language; no mail shows an
 * ISO timestamp. English is British business English ("31 January 2027", "€1,234.56").
 */
const locales: Record<TLanguage, string> = { de: 'de-DE', en: 'en-GB' };

const money = {
  de: new Intl.NumberFormat(locales.de, { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat(locales.en, { style: 'currency', currency: 'EUR' }),
};

/** Integer cents → "1.234,56 €" / "€1,234.56". */
export function formatMoney(cents: number, language: TLanguage): string {
  return money[language].format(cents / 100);
}

const longDate = {
  de: new Intl.DateTimeFormat(locales.de, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }),
  en: new Intl.DateTimeFormat(locales.en, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
};

/** A calendar date `2027-01-31` → "31.01.2027" / "31 January 2027". */
export function formatDate(date: string, language: TLanguage): string {
  return longDate[language].format(new Date(`${date}T00:00:00Z`));
}

const instantParts = Object.fromEntries(
  (['de', 'en'] as const).map((language) => [
    language,
    new Intl.DateTimeFormat(locales[language], {
      timeZone: BUSINESS_TIME_ZONE,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    }),
  ]),
) as Record<TLanguage, Intl.DateTimeFormat>;

/**
 * An instant to the second (receipts are legal evidence) in German local time with the zone named:
 * "2. Dezember 2026, 05:32:25 Uhr (MEZ)" / "2 December 2026, 05:32:25 (CET, Berlin time)".
 */
export function formatInstant(instant: Date, language: TLanguage): string {
  const parts = instantParts[language].formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? '';
  const time = `${part('hour')}:${part('minute')}:${part('second')}`;
  return language === 'de'
    ? `${part('day')}. ${part('month')} ${part('year')}, ${time} Uhr (${part('timeZoneName')})`
    : `${part('day')} ${part('month')} ${part('year')}, ${time} (${part('timeZoneName')}, Berlin time)`;
}

/** IBAN in groups of four, as printed on paper. */
export function formatIban(iban: string): string {
  return iban
    .replace(/\s+/g, '')
    .replace(/(.{4})/g, '$1 ')
    .trim();
}
