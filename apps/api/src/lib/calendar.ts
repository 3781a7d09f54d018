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

const HOUR_MS = 3_600_000;
/** The UTC hour last asked about, and Berlin's date in it. */
let lastHour = Number.NaN;
let lastDate = '';

/**
 * Berlin's date at an instant. Berlin is always a whole number of hours ahead of UTC and changes
 * its offset on the hour, so its date is the same throughout any UTC hour: the date of the hour
 * asked last is kept, and a request asking "today" again formats nothing (#19).
 */
export function calendarDateOf(instant: Date): string {
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  if (hour === lastHour) return lastDate;
  const date = formatter.format(instant);
  lastHour = hour;
  lastDate = date;
  return date;
}

export function today(now: Date = new Date()): string {
  return calendarDateOf(now);
}

/** The instant a calendar day begins in Europe/Berlin (midnight local time, CET or CEST). */
export function startOfBusinessDay(date: string): Date {
  const utcMidnight = new Date(`${date}T00:00:00Z`).getTime();
  // Berlin is one or two hours ahead of UTC: its midnight is the later candidate that is `date` there.
  for (const hours of [1, 2]) {
    const candidate = new Date(utcMidnight - hours * 3_600_000);
    if (calendarDateOf(candidate) === date && calendarDateOf(new Date(candidate.getTime() - 1)) !== date) {
      return candidate;
    }
  }
  throw new Error(`no start of day for ${date}`);
}
