/**
 * Calendar dates (`YYYY-MM-DD`) for business rules. The provider is German, so "today" — for
 * due dates, contract terms and visibility — is the date in Europe/Berlin, not in UTC.
 */
export const BUSINESS_TIME_ZONE = 'Europe/Berlin';

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function calendarDateOf(instant: Date): string {
  return formatter.format(instant);
}

export function today(now: Date = new Date()): string {
  return calendarDateOf(now);
}
