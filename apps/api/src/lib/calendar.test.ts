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

describe('calendarDateOf', () => {
  const berlin = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });

  it('is the date in Berlin at every instant of two years, asked in order and back again', () => {
    // Every UTC hour's first and last millisecond, in order: a date kept for longer than an hour
    // (or across an hour in which the clocks change) would be caught at the hour after.
    const start = Date.UTC(2026, 0, 1);
    const instants: number[] = [];
    for (let hour = start; hour < Date.UTC(2028, 0, 1); hour += 3_600_000) instants.push(hour, hour + 3_599_999);
    for (const at of [...instants, ...instants.reverse()]) {
      expect(calendarDateOf(new Date(at))).toBe(berlin.format(new Date(at)));
    }
  });

  it('names the day across midnight in Berlin and on the nights the clocks change', () => {
    expect(calendarDateOf(new Date('2026-12-04T22:59:59.999Z'))).toBe('2026-12-04');
    expect(calendarDateOf(new Date('2026-12-04T23:00:00.000Z'))).toBe('2026-12-05');
    expect(calendarDateOf(new Date('2027-03-28T00:59:59.999Z'))).toBe('2027-03-28');
    expect(calendarDateOf(new Date('2027-10-30T21:59:59.999Z'))).toBe('2027-10-30');
    expect(calendarDateOf(new Date('2027-10-30T22:00:00.000Z'))).toBe('2027-10-31');
  });

  it('refuses an invalid date, also right after a valid one', () => {
    calendarDateOf(new Date('2027-01-01T12:00:00Z'));
    expect(() => calendarDateOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});
