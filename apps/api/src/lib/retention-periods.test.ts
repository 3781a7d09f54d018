import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RETENTION_PERIODS, retentionCutoff, retentionPeriods } from './retention-periods';

describe('retention cutoffs', () => {
  it('keeps an invoice through the end of its eighth year after issue', () => {
    const cutoff = (now: string) => retentionCutoff(RETENTION_PERIODS.invoices, new Date(now)).toISOString();
    expect(cutoff('2034-12-31T23:59:59Z')).toBe('2026-01-01T00:00:00.000Z'); // 2026 invoices stay
    expect(cutoff('2035-01-01T00:00:00Z')).toBe('2027-01-01T00:00:00.000Z'); // ... until 2035
  });

  it('counts days and months back from now', () => {
    const now = new Date('2026-06-15T10:00:00Z');
    expect(retentionCutoff(RETENTION_PERIODS.endedSessions, now).toISOString()).toBe('2026-03-17T10:00:00.000Z');
    expect(retentionCutoff(RETENTION_PERIODS.sepaMandates, now).toISOString()).toBe('2025-04-15T10:00:00.000Z');
  });

  it('a record from year Y goes exactly when year Y + amount + 1 begins', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 364 }),
        fc.integer({ min: 0, max: 25 }),
        (year, amount, dayOfYear, yearsLater) => {
          const period = retentionPeriods(amount).emails;
          const record = new Date(Date.UTC(year, 0, 1 + dayOfYear));
          const now = new Date(Date.UTC(year + yearsLater, 5, 1));
          const goes = record < retentionCutoff(period, now);
          expect(goes).toBe(year + yearsLater > year + amount);
        },
      ),
    );
  });

  it('applies the configured correspondence period to declarations and e-mails only', () => {
    const periods = retentionPeriods(5);
    expect(periods.emails.amount).toBe(5);
    expect(periods.publicDeclarations.amount).toBe(5);
    expect(periods.invoices).toEqual(RETENTION_PERIODS.invoices);
  });
});
