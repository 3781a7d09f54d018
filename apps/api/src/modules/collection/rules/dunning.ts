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

/**
 * The step due today, if any: the level after the last one sent, once its day after the due date
 * has come and, after an earlier notice, as many days have passed since that notice as lie
 * between the two steps (so a late start never sends two notices at once).
 */
export function dueDunningStep(
  steps: readonly DunningStep[],
  invoice: { dueDate: string },
  last: { level: number; sentOn: string } | null,
  today: string,
): DunningStep | null {
  const next = steps[last ? last.level : 0];
  if (!next) return null;
  if (today < addDays(invoice.dueDate, next.days)) return null;
  if (last) {
    const previous = steps[last.level - 1];
    if (previous && today < addDays(last.sentOn, next.days - previous.days)) return null;
  }
  return next;
}
