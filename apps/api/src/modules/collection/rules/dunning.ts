import { addDays } from '../../invoices/invoice-format';

/** 1 payment reminder (Zahlungserinnerung), 2 first Mahnung, 3 second Mahnung. */
export interface DunningStep {
  level: number;
  /** Days after the due date. */
  days: number;
}

/** §288 Abs. 5 BGB: a business debtor in default owes a flat €40. */
export const BUSINESS_DEFAULT_FLAT_FEE_CENTS = 4_000;

export function dunningSteps(days: readonly number[]): DunningStep[] {
  return days.map((value, index) => ({ level: index + 1, days: value }));
}

export type LastNotice = { level: number; sentOn: string } | null;

/**
 * The next step and the first day it may go out: the level after the last one sent, its day after
 * the due date and, after an earlier notice, as many days after that notice as lie between the two
 * steps (so a late start never sends two notices at once). Null once the last level is sent.
 */
export function nextDunningStep(
  steps: readonly DunningStep[],
  invoice: { dueDate: string },
  last: LastNotice,
): (DunningStep & { dueOn: string }) | null {
  const next = steps[last ? last.level : 0];
  if (!next) return null;
  let dueOn = addDays(invoice.dueDate, next.days);
  const previous = last ? steps[last.level - 1] : undefined;
  if (last && previous) {
    const spaced = addDays(last.sentOn, next.days - previous.days);
    if (spaced > dueOn) dueOn = spaced;
  }
  return { ...next, dueOn };
}

/** The step due today, if any (what the daily job sends). */
export function dueDunningStep(
  steps: readonly DunningStep[],
  invoice: { dueDate: string },
  last: LastNotice,
  today: string,
): DunningStep | null {
  const next = nextDunningStep(steps, invoice, last);
  if (!next || today < next.dueOn) return null;
  return { level: next.level, days: next.days };
}
