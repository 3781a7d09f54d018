import { describe, expect, it } from 'vitest';
import { dueDunningStep, dunningSteps } from './dunning';

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
