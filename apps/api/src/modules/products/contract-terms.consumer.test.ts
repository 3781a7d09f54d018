import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  type ContractTerms,
  consumerTermViolations,
  currentTermEnd,
  daysInMonth,
  decideOrdinaryEndDate,
  earliestEndDate,
  firstTermEndOnOrAfter,
  INDEFINITE_RENEWAL,
  isTermEnd,
  noticeDeadline,
  noticeEndsOn,
  termEnd,
} from './contract-terms';

/** A consumer contract as booking allows it: ≤ 24 months, indefinite after, one month's notice. */
const consumer = (overrides: Partial<ContractTerms> = {}): ContractTerms => ({
  startDate: '2025-03-01',
  minimumTermMonths: 24,
  noticePeriodMonths: 1,
  renewalMonths: INDEFINITE_RENEWAL,
  ...overrides,
});

describe('consumer terms by example (§309 Nr. 9 BGB)', () => {
  it('ends one month after receipt on any day once the initial term is over', () => {
    // Initial term 2025-03-01 … 2027-02-28.
    expect(earliestEndDate(consumer(), '2027-03-10')).toBe('2027-04-10');
    expect(earliestEndDate(consumer(), '2027-03-31')).toBe('2027-04-30');
    expect(earliestEndDate(consumer(), '2028-01-31')).toBe('2028-02-29');
    expect(earliestEndDate(consumer(), '2029-01-31')).toBe('2029-02-28');
  });

  it('ends at the initial term when the notice reaches it, one month after receipt when not', () => {
    expect(earliestEndDate(consumer(), '2027-01-28')).toBe('2027-02-28');
    // 29 January + one month is 28 February (§188 III BGB): still the initial term's end.
    expect(earliestEndDate(consumer(), '2027-01-31')).toBe('2027-02-28');
    expect(earliestEndDate(consumer(), '2027-02-01')).toBe('2027-03-01');
    expect(earliestEndDate(consumer(), '2026-06-15')).toBe('2027-02-28');
  });

  it('accepts any later day as the end and refuses an earlier one', () => {
    expect(decideOrdinaryEndDate(consumer(), '2027-03-10', '2027-05-17')).toEqual({
      ok: true,
      effectiveDate: '2027-05-17',
    });
    expect(decideOrdinaryEndDate(consumer(), '2027-03-10', '2027-04-09')).toEqual({
      ok: false,
      earliestEndDate: '2027-04-10',
    });
  });

  it('names every clause booking must refuse, and none for lawful terms', () => {
    expect(consumerTermViolations({ minimumTermMonths: 24, noticePeriodMonths: 1, renewalMonths: 0 })).toEqual([]);
    expect(consumerTermViolations({ minimumTermMonths: 1, noticePeriodMonths: 0, renewalMonths: 0 })).toEqual([]);
    expect(
      consumerTermViolations({ minimumTermMonths: 36, noticePeriodMonths: 3, renewalMonths: 12 }).map((v) => v.path),
    ).toEqual(['minimumTermMonths', 'renewalMonths', 'noticePeriodMonths']);
    expect(
      consumerTermViolations({ minimumTermMonths: 25, noticePeriodMonths: 1, renewalMonths: 1 }).map((v) => v.path),
    ).toEqual(['minimumTermMonths', 'renewalMonths']);
  });
});

// Days from 2000-01-01 to 2060-12-31: leap years, century rules and every month end included.
const anyDate = fc.integer({ min: 0, max: 22_280 }).map((offset) => addDays('2000-01-01', offset));
const consumerTerms = fc.record({
  startDate: anyDate,
  minimumTermMonths: fc.integer({ min: 1, max: 24 }),
  noticePeriodMonths: fc.integer({ min: 0, max: 1 }),
  renewalMonths: fc.constant(INDEFINITE_RENEWAL),
});
const anyBookableTerms = fc.record({
  minimumTermMonths: fc.integer({ min: 1, max: 120 }),
  noticePeriodMonths: fc.integer({ min: 0, max: 120 }),
  renewalMonths: fc.integer({ min: 0, max: 120 }),
});

/** The later of two calendar dates. */
function laterDate(a: string, b: string): string {
  return [a, b].sort()[1] ?? a;
}

/** Days from a to b (a ≤ b). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

describe('consumer terms, property-based', () => {
  it('after the initial term, the earliest end is the receipt plus the notice, on any day', () => {
    fc.assert(
      fc.property(consumerTerms, fc.integer({ min: 1, max: 3_000 }), (terms, daysAfter) => {
        const receivedOn = addDays(termEnd(terms, 0), daysAfter);
        const earliest = earliestEndDate(terms, receivedOn);
        expect(earliest).toBe(addMonths(receivedOn, terms.noticePeriodMonths));
        expect(isTermEnd(terms, earliest)).toBe(true);
      }),
    );
  });

  it('one month after receipt is the same day number, or the last day of a shorter month (§188 BGB)', () => {
    fc.assert(
      fc.property(consumerTerms, fc.integer({ min: 1, max: 3_000 }), (terms, daysAfter) => {
        const receivedOn = addDays(termEnd(terms, 0), daysAfter);
        const end = earliestEndDate({ ...terms, noticePeriodMonths: 1 }, receivedOn);
        const [year, month, day] = receivedOn.split('-').map(Number) as [number, number, number];
        const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
        const expectedDay = Math.min(day, daysInMonth(next.year, next.month));
        expect(end).toBe(
          `${String(next.year).padStart(4, '0')}-${String(next.month).padStart(2, '0')}-${String(expectedDay).padStart(2, '0')}`,
        );
        // Never more than a month: at most 31 days after receipt.
        expect(daysBetween(receivedOn, end)).toBeGreaterThanOrEqual(28);
        expect(daysBetween(receivedOn, end)).toBeLessThanOrEqual(31);
      }),
    );
  });

  it('during the initial term, the end is the initial term end or, if the notice runs past it, receipt plus notice', () => {
    fc.assert(
      fc.property(consumerTerms, fc.integer({ min: 0, max: 800 }), (terms, daysBefore) => {
        const initialEnd = termEnd(terms, 0);
        const receivedOn = addDays(initialEnd, -daysBefore);
        const noticeEnd = noticeEndsOn(terms, receivedOn);
        expect(earliestEndDate(terms, receivedOn)).toBe(laterDate(noticeEnd, initialEnd));
      }),
    );
  });

  it('any day from the earliest end on is accepted, no day before it', () => {
    fc.assert(
      fc.property(consumerTerms, anyDate, fc.integer({ min: -60, max: 800 }), (terms, receivedOn, offset) => {
        const earliest = earliestEndDate(terms, receivedOn);
        const requested = addDays(earliest, offset);
        expect(decideOrdinaryEndDate(terms, receivedOn, requested).ok).toBe(offset >= 0);
      }),
    );
  });

  it('a later receipt never gives an earlier end, and no end is ever more than a month after receipt past the initial term', () => {
    fc.assert(
      fc.property(consumerTerms, anyDate, fc.integer({ min: 0, max: 400 }), (terms, day, later) => {
        const first = earliestEndDate(terms, day);
        const second = earliestEndDate(terms, addDays(day, later));
        expect(second >= first).toBe(true);
        const bound = addMonths(day, 1);
        expect(first <= laterDate(termEnd(terms, 0), bound)).toBe(true);
      }),
    );
  });

  it('the notice deadline of the earliest end still reaches it', () => {
    fc.assert(
      fc.property(consumerTerms, anyDate, (terms, receivedOn) => {
        const earliest = earliestEndDate(terms, receivedOn);
        const deadline = noticeDeadline(terms, earliest);
        expect(deadline >= receivedOn).toBe(true);
        expect(earliestEndDate(terms, deadline) <= earliest).toBe(true);
      }),
    );
  });

  it('the running term of an indefinite contract ends at the initial term, then on the day itself', () => {
    fc.assert(
      fc.property(consumerTerms, anyDate, (terms, day) => {
        const initialEnd = termEnd(terms, 0);
        expect(currentTermEnd(terms, day)).toBe(laterDate(day, initialEnd));
        expect(firstTermEndOnOrAfter(terms, day) >= day).toBe(true);
      }),
    );
  });

  it('booking rules refuse exactly the terms §309 Nr. 9 BGB forbids', () => {
    fc.assert(
      fc.property(anyBookableTerms, (terms) => {
        const paths = consumerTermViolations(terms).map((violation) => violation.path);
        expect(paths.includes('minimumTermMonths')).toBe(terms.minimumTermMonths > 24);
        expect(paths.includes('renewalMonths')).toBe(terms.renewalMonths !== 0);
        expect(paths.includes('noticePeriodMonths')).toBe(terms.noticePeriodMonths > 1);
      }),
    );
  });
});
