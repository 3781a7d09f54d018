import { describe, expect, it } from 'vitest';
import { formatDate, formatInstant, formatMoney } from './format';

describe('mail formatting', () => {
  it('writes calendar dates as the language does', () => {
    expect(formatDate('2027-01-31', 'de')).toBe('31.01.2027');
    expect(formatDate('2027-01-31', 'en')).toBe('31 January 2027');
    expect(formatDate('2026-03-01', 'de')).toBe('01.03.2026');
  });

  it('writes amounts from integer cents', () => {
    // Intl puts a no-break space before the euro sign, so the amount never wraps apart from it.
    expect(formatMoney(123456, 'de')).toBe('1.234,56\u00a0€');
    expect(formatMoney(123456, 'en')).toBe('€1,234.56');
    expect(formatMoney(-11900, 'de')).toBe('-119,00\u00a0€');
  });

  it('gives instants to the second in German local time, naming the zone', () => {
    const winter = new Date('2026-12-02T04:32:25.958Z');
    expect(formatInstant(winter, 'de')).toBe('2. Dezember 2026, 05:32:25 Uhr (MEZ)');
    expect(formatInstant(winter, 'en')).toBe('2 December 2026, 05:32:25 (CET, Berlin time)');
    const summer = new Date('2026-07-01T22:30:00Z');
    expect(formatInstant(summer, 'de')).toBe('2. Juli 2026, 00:30:00 Uhr (MESZ)');
    expect(formatInstant(summer, 'en')).toBe('2 July 2026, 00:30:00 (CEST, Berlin time)');
  });
});
