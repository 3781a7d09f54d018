import { addDays } from '../../invoices/invoice-format';

/**
 * TARGET2 business days, on which SEPA direct debits settle: not Saturday or Sunday, New Year's
 * Day, Good Friday, Easter Monday, 1 May, 25 and 26 December.
 */
function easterSunday(year: number): string {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isTarget2BusinessDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const monthDay = date.slice(5);
  if (['01-01', '05-01', '12-25', '12-26'].includes(monthDay)) return false;
  const easter = easterSunday(Number(date.slice(0, 4)));
  return date !== addDays(easter, -2) && date !== addDays(easter, 1);
}

/** The first business day after `date`. */
export function nextBusinessDay(date: string): string {
  let day = addDays(date, 1);
  while (!isTarget2BusinessDay(day)) day = addDays(day, 1);
  return day;
}

/** `date` itself when it is a business day, else the next one. */
export function onOrAfterBusinessDay(date: string): string {
  return isTarget2BusinessDay(date) ? date : nextBusinessDay(date);
}

/**
 * A CORE direct debit must reach the bank at least one business day before its collection date:
 * a file made on `today` collects on the next business day at the earliest.
 */
export function earliestCollectionDate(today: string): string {
  return nextBusinessDay(today);
}
