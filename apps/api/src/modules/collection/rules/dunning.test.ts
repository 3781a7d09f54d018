import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../invoices/invoice-format';
import { dueDunningStep, dunningSteps, type LastNotice, nextDunningStep } from './dunning';

const steps = dunningSteps([7, 21, 35]);
const invoice = { dueDate: '2026-10-01' };

describe('the dunning step due', () => {
  it('follows the days after the due date', () => {
    expect(dueDunningStep(steps, invoice, null, '2026-10-07')).toBeNull();
    expect(dueDunningStep(steps, invoice, null, '2026-10-08')).toEqual({ level: 1, days: 7 });
    expect(dueDunningStep(steps, invoice, { level: 1, sentOn: '2026-10-08' }, '2026-10-21')).toBeNull();
    expect(dueDunningStep(steps, invoice, { level: 1, sentOn: '2026-10-08' }, '2026-10-22')).toEqual({
      level: 2,
      days: 21,
    });
    expect(dueDunningStep(steps, invoice, { level: 3, sentOn: '2026-11-05' }, '2027-01-01')).toBeNull();
  });

  it('keeps the spacing between steps after a late notice', () => {
    expect(dueDunningStep(steps, invoice, { level: 1, sentOn: '2026-12-01' }, '2026-12-14')).toBeNull();
    expect(dueDunningStep(steps, invoice, { level: 1, sentOn: '2026-12-01' }, '2026-12-15')).toEqual({
      level: 2,
      days: 21,
    });
  });
});

describe('the next dunning step', () => {
  it('names the level and the first day the job sends it', () => {
    expect(nextDunningStep(steps, invoice, null)).toEqual({ level: 1, days: 7, dueOn: '2026-10-08' });
    expect(nextDunningStep(steps, invoice, { level: 1, sentOn: '2026-10-08' })).toEqual({
      level: 2,
      days: 21,
      dueOn: '2026-10-22',
    });
    expect(nextDunningStep(steps, invoice, { level: 3, sentOn: '2026-11-05' })).toBeNull();
  });

  it('after a late notice, the spacing decides the day', () => {
    expect(nextDunningStep(steps, invoice, { level: 1, sentOn: '2026-12-01' })?.dueOn).toBe('2026-12-15');
  });

  it('says the day a daily job sends each level, however late the job starts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 }), (start) => {
        const firstRun = addDays(invoice.dueDate, start);
        let last: LastNotice = null;
        for (let offset = start; offset < start + 120; offset++) {
          const today = addDays(invoice.dueDate, offset);
          const next = nextDunningStep(steps, invoice, last);
          const step = dueDunningStep(steps, invoice, last, today);
          if (!next) return step === null && last?.level === 3;
          // What the overview promises: the later of the step's day and the job's first run (ISO dates sort as text).
          const promised = [next.dueOn, firstRun].sort()[1];
          if ((step !== null) !== (today === promised)) return false;
          if (step) last = { level: step.level, sentOn: today };
        }
        return false;
      }),
    );
  });
});
