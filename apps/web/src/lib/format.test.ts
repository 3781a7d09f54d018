import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from './format';

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
});
