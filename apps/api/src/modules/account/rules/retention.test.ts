import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayPurge, retainedUntil } from './retention';

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe('invoice retention', () => {
  it('keeps an invoice until the end of the eighth year after its calendar year', () => {
    expect(retainedUntil('2025-01-01')).toBe('2033-12-31');
    expect(retainedUntil('2025-12-31')).toBe('2033-12-31');
    expect(mayPurge(['2025-06-30'], '2033-12-31')).toBe(false);
    expect(mayPurge(['2025-06-30'], '2034-01-01')).toBe(true);
  });

  it('never purges before eight full years and always after the period', () => {
    fc.assert(
      fc.property(isoDate, (issueDate) => {
        const year = Number(issueDate.slice(0, 4));
        expect(mayPurge([issueDate], `${year + 8}-${issueDate.slice(5)}`)).toBe(false);
        expect(mayPurge([issueDate], `${year + 9}-01-01`)).toBe(true);
      }),
    );
  });

  it('waits for the newest invoice; nothing to keep means purge at once', () => {
    expect(mayPurge(['2020-03-01', '2024-02-01'], '2030-01-01')).toBe(false);
    expect(mayPurge([], '2026-01-01')).toBe(true);
  });
});
