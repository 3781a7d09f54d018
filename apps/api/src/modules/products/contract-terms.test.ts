import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  type ContractTerms,
  currentTermEnd,
  decideExtraordinaryEndDate,
  decideOrdinaryEndDate,
  earliestEndDate,
  isTermEnd,
  noticeDeadline,
  noticeEndsOn,
  periodEnd,
  termEnd,
} from './contract-terms';

const terms = (overrides: Partial<ContractTerms> = {}): ContractTerms => ({
  startDate: '2025-01-01',
  minimumTermMonths: 12,
  noticePeriodMonths: 3,
  renewalMonths: 12,
  ...overrides,
});

describe('contract terms by example', () => {
  it('ends the first term the day before the anniversary', () => {
    expect(termEnd(terms(), 0)).toBe('2025-12-31');
    expect(termEnd(terms(), 1)).toBe('2026-12-31');
    expect(termEnd(terms({ startDate: '2024-03-15', minimumTermMonths: 24 }), 0)).toBe('2026-03-14');
  });

  it('ends a term on the last day of a month that lacks the start day (§188 III BGB)', () => {
    expect(periodEnd('2024-01-31', 1)).toBe('2024-02-29');
    expect(periodEnd('2025-01-31', 1)).toBe('2025-02-28');
    expect(periodEnd('2025-01-30', 1)).toBe('2025-02-28');
    expect(periodEnd('2025-01-29', 1)).toBe('2025-02-28');
    expect(periodEnd('2024-01-29', 1)).toBe('2024-02-28');
    expect(periodEnd('2024-02-29', 12)).toBe('2025-02-28');
    // Later terms are counted from the start, so a short February does not shift them.
    expect(termEnd(terms({ startDate: '2025-01-31', minimumTermMonths: 1, renewalMonths: 1 }), 2)).toBe('2025-04-30');
  });

  it('takes a cancellation received exactly on the deadline, and not a day later', () => {
    const contract = terms();
    expect(noticeDeadline(contract, '2025-12-31')).toBe('2025-09-30');
    expect(earliestEndDate(contract, '2025-09-30')).toBe('2025-12-31');
    expect(earliestEndDate(contract, '2025-10-01')).toBe('2026-12-31');
  });

  it('counts notice into a short February from the month end', () => {
    const contract = terms({ startDate: '2026-03-01', minimumTermMonths: 12, noticePeriodMonths: 1, renewalMonths: 1 });
    expect(termEnd(contract, 0)).toBe('2027-02-28');
    expect(noticeDeadline(contract, '2027-02-28')).toBe('2027-01-31');
    expect(earliestEndDate(contract, '2027-01-31')).toBe('2027-02-28');
    expect(earliestEndDate(contract, '2027-02-01')).toBe('2027-03-31');
  });

  it('lets a contract without notice end on the very day', () => {
    const contract = terms({ minimumTermMonths: 1, renewalMonths: 1, noticePeriodMonths: 0 });
    expect(earliestEndDate(contract, '2025-06-30')).toBe('2025-06-30');
    expect(earliestEndDate(contract, '2025-07-01')).toBe('2025-07-31');
  });

  it('names the current term before the start and during renewals', () => {
    expect(currentTermEnd(terms(), '2024-06-01')).toBe('2025-12-31');
    expect(currentTermEnd(terms(), '2027-05-05')).toBe('2027-12-31');
  });

  it('accepts a later term end and refuses a date that is no term end or too early', () => {
    const contract = terms();
    expect(decideOrdinaryEndDate(contract, '2025-11-10')).toEqual({ ok: true, effectiveDate: '2026-12-31' });
    expect(decideOrdinaryEndDate(contract, '2025-11-10', '2027-12-31')).toEqual({
      ok: true,
      effectiveDate: '2027-12-31',
    });
    expect(decideOrdinaryEndDate(contract, '2025-11-10', '2025-12-31')).toEqual({
      ok: false,
      earliestEndDate: '2026-12-31',
    });
    expect(decideOrdinaryEndDate(contract, '2025-11-10', '2027-01-15')).toEqual({
      ok: false,
      earliestEndDate: '2026-12-31',
    });
  });

  it('ends an extraordinary cancellation on the day asked for, never in the past', () => {
    expect(decideExtraordinaryEndDate('2025-05-05')).toEqual({ ok: true, effectiveDate: '2025-05-05' });
    expect(decideExtraordinaryEndDate('2025-05-05', '2025-05-20')).toEqual({ ok: true, effectiveDate: '2025-05-20' });
    expect(decideExtraordinaryEndDate('2025-05-05', '2025-05-04')).toEqual({
      ok: false,
      earliestEndDate: '2025-05-05',
    });
  });
});

// Days from 2000-01-01 to 2060-12-31: leap years, century rules and every month end included.
const anyDate = fc.integer({ min: 0, max: 22_280 }).map((offset) => addDays('2000-01-01', offset));
const anyTerms = fc.record({
  startDate: anyDate,
  minimumTermMonths: fc.constantFrom(1, 3, 6, 12, 24, 36, 60),
  noticePeriodMonths: fc.integer({ min: 0, max: 6 }),
  renewalMonths: fc.constantFrom(1, 3, 6, 12, 24),
});

describe('contract terms, property-based', () => {
  it('term ends are strictly increasing and each next term starts the day after', () => {
    fc.assert(
      fc.property(anyTerms, fc.integer({ min: 0, max: 30 }), (contract, k) => {
        const end = termEnd(contract, k);
        const next = termEnd(contract, k + 1);
        expect(end >= contract.startDate).toBe(true);
        expect(next > end).toBe(true);
        // The next term is one renewal long, give or take the month-end days of §188 III BGB.
        const renewalFromEnd = periodEnd(addDays(end, 1), contract.renewalMonths);
        expect(next <= renewalFromEnd && next >= addDays(renewalFromEnd, -3)).toBe(true);
      }),
    );
  });

  it('the earliest end date is the first term end the notice reaches', () => {
    fc.assert(
      fc.property(anyTerms, anyDate, (contract, receivedOn) => {
        const earliest = earliestEndDate(contract, receivedOn);
        expect(isTermEnd(contract, earliest)).toBe(true);
        expect(earliest >= receivedOn).toBe(true);
        expect(noticeEndsOn(contract, receivedOn) <= earliest).toBe(true);
        // The term end before it would not have been reached in time.
        const before = termEndsBefore(contract, earliest);
        if (before !== null) expect(noticeEndsOn(contract, receivedOn) > before).toBe(true);
      }),
    );
  });

  it('a cancellation on the deadline reaches the term end, one a day later the next', () => {
    fc.assert(
      fc.property(anyTerms, fc.integer({ min: 0, max: 20 }), (contract, k) => {
        const end = termEnd(contract, k);
        const deadline = noticeDeadline(contract, end);
        expect(noticeEndsOn(contract, deadline) <= end).toBe(true);
        expect(earliestEndDate(contract, deadline) <= end).toBe(true);
        expect(earliestEndDate(contract, addDays(deadline, 1))).toBe(termEnd(contract, k + 1));
      }),
    );
  });

  it('a later receipt never gives an earlier end date', () => {
    fc.assert(
      fc.property(anyTerms, anyDate, fc.integer({ min: 0, max: 400 }), (contract, day, later) => {
        expect(earliestEndDate(contract, addDays(day, later)) >= earliestEndDate(contract, day)).toBe(true);
      }),
    );
  });

  it('the current term end is on or after the day, and the term before ended before it', () => {
    fc.assert(
      fc.property(anyTerms, anyDate, (contract, day) => {
        const end = currentTermEnd(contract, day);
        expect(end >= day).toBe(true);
        const before = termEndsBefore(contract, end);
        if (before !== null) expect(before < day).toBe(true);
      }),
    );
  });

  it('an ordinary cancellation accepts exactly the term ends from the earliest on', () => {
    fc.assert(
      fc.property(anyTerms, anyDate, fc.integer({ min: -40, max: 800 }), (contract, receivedOn, offset) => {
        const earliest = earliestEndDate(contract, receivedOn);
        const requested = addDays(earliest, offset);
        const decision = decideOrdinaryEndDate(contract, receivedOn, requested);
        const allowed = requested >= earliest && isTermEnd(contract, requested);
        expect(decision).toEqual(
          allowed ? { ok: true, effectiveDate: requested } : { ok: false, earliestEndDate: earliest },
        );
      }),
    );
  });
});

/** The term end just before `end`, or null for the first term (a test helper, by brute force). */
function termEndsBefore(contract: ContractTerms, end: string): string | null {
  let previous: string | null = null;
  for (let k = 0; termEnd(contract, k) < end; k++) previous = termEnd(contract, k);
  return previous;
}
