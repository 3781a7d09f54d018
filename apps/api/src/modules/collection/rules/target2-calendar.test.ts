import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  earliestCollectionDate,
  isTarget2BusinessDay,
  nextBusinessDay,
  onOrAfterBusinessDay,
} from './target2-calendar';

describe('TARGET2 business days', () => {
  it('closes on weekends, New Year, Good Friday, Easter Monday, 1 May and Christmas', () => {
    for (const closed of [
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-01',
      '2026-12-25',
      '2026-12-26',
      '2026-12-05',
      '2027-03-26',
      '2027-03-29',
    ]) {
      expect(isTarget2BusinessDay(closed), closed).toBe(false);
    }
    for (const open of ['2026-04-02', '2026-04-07', '2026-12-24', '2026-12-28', '2025-10-03']) {
      expect(isTarget2BusinessDay(open), open).toBe(true);
    }
  });

  it('a file made today collects on the next business day at the earliest', () => {
    expect(earliestCollectionDate('2026-12-02')).toBe('2026-12-03');
    expect(earliestCollectionDate('2026-12-04')).toBe('2026-12-07');
    expect(earliestCollectionDate('2026-12-24')).toBe('2026-12-28');
    expect(onOrAfterBusinessDay('2026-12-26')).toBe('2026-12-28');
    expect(onOrAfterBusinessDay('2026-12-28')).toBe('2026-12-28');
  });

  it('the next business day is always later, a business day, and at most five days on', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (date) => {
          const day = date.toISOString().slice(0, 10);
          const next = nextBusinessDay(day);
          expect(next > day).toBe(true);
          expect(isTarget2BusinessDay(next)).toBe(true);
          expect((Date.parse(next) - Date.parse(day)) / 86_400_000).toBeLessThanOrEqual(5);
        },
      ),
    );
  });
});
