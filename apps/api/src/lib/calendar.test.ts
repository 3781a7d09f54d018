import { describe, expect, it } from 'vitest';
import { calendarDateOf, startOfBusinessDay } from './calendar';

describe('startOfBusinessDay', () => {
  it('is midnight in Berlin in winter, in summer and on the days the clocks change', () => {
    expect(startOfBusinessDay('2027-01-15').toISOString()).toBe('2027-01-14T23:00:00.000Z');
    expect(startOfBusinessDay('2027-07-15').toISOString()).toBe('2027-07-14T22:00:00.000Z');
    expect(startOfBusinessDay('2027-03-28').toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(startOfBusinessDay('2027-10-31').toISOString()).toBe('2027-10-30T22:00:00.000Z');
  });

  it('starts the day it names, and the millisecond before is the day before', () => {
    for (const date of ['2026-12-31', '2027-03-29', '2027-10-30', '2028-02-29']) {
      const start = startOfBusinessDay(date);
      expect(calendarDateOf(start)).toBe(date);
      expect(calendarDateOf(new Date(start.getTime() - 1))).not.toBe(date);
    }
  });
});
