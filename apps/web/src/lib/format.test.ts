import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatPeriod, formatQuantity } from './format';

describe('format', () => {
  it('formats cents by language', () => {
    expect(formatMoney(123456, 'de').replace(/\s/g, ' ')).toBe('1.234,56 €');
    expect(formatMoney(123456, 'en')).toBe('€1,234.56');
    expect(formatMoney(-5, 'de').replace(/\s/g, ' ')).toBe('-0,05 €');
  });

  it('shows a calendar date as that day in every time zone', () => {
    expect(formatDate('2026-02-28', 'de')).toBe('28.02.2026');
    expect(formatDate('2026-12-31', 'en')).toBe('31 Dec 2026');
  });

  it('says a quantity with its unit in the right number: 2 Monate, 1 Monat, 1,5 Std.', () => {
    expect(formatQuantity(2, 'Monat', 'de')).toBe('2 Monate');
    expect(formatQuantity(1, 'Monat', 'de')).toBe('1 Monat');
    expect(formatQuantity(1.5, 'Std.', 'de')).toBe('1,5 Std.');
    expect(formatQuantity(2.5, 'TB', 'de')).toBe('2,5 TB');
    expect(formatQuantity(2, 'Monat', 'en')).toBe('2 months');
    expect(formatQuantity(1, 'Monat', 'en')).toBe('1 month');
    expect(formatQuantity(3, 'Pauschal', 'en')).toBe('3 Pauschal');
  });

  it('shows a period of one day as that day', () => {
    expect(formatPeriod({ start: '2026-11-28', end: '2026-11-28' }, 'de')).toBe('28.11.2026');
    expect(formatPeriod({ start: '2026-11-01', end: '2026-11-30' }, 'de')).toBe('01.11.2026 – 30.11.2026');
  });
});

describe('formatters', () => {
  it('makes a formatter once per language and kind, not once per value', () => {
    const Original = Intl.NumberFormat;
    let made = 0;
    Intl.NumberFormat = class extends Original {
      constructor(...args: ConstructorParameters<typeof Original>) {
        super(...args);
        made++;
      }
    } as unknown as typeof Intl.NumberFormat;
    try {
      const texts = [1, 2, 3].map((cents) => formatMoney(cents, 'en', 'CHF').replace(/\s/g, ' '));
      expect(texts).toEqual(['CHF 0.01', 'CHF 0.02', 'CHF 0.03']);
      expect(made).toBe(1);
    } finally {
      Intl.NumberFormat = Original;
    }
  });
});
