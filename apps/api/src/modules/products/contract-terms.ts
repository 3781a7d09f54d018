/**
 * Contract terms as one pure rule. A contract runs from its start date for a minimum term and
 * then renews by its renewal period until cancelled; an ordinary cancellation must arrive at
 * least the notice period before the end of a term. All dates are calendar dates 'YYYY-MM-DD'.
 *
 * Periods follow §§187, 188 BGB: a term of n months that starts on day d ends on the day before
 * day d of the n-th following month — or on that month's last day when it has no day d
 * (a term starting 31 January ends on 28/29 February, not on 27/28 February).
 *
 * A renewal of 0 months means "indefinite": after the minimum term the contract runs until
 * cancelled and may end on any day once the notice has run — the only renewal a consumer may be
 * bound to (§309 Nr. 9 b BGB).
 */
export interface ContractTerms {
  startDate: string;
  minimumTermMonths: number;
  noticePeriodMonths: number;
  /** 0: indefinite (see above). */
  renewalMonths: number;
}

export const INDEFINITE_RENEWAL = 0;

/** §309 Nr. 9 BGB: the longest initial term and notice period a consumer may be bound to. */
export const CONSUMER_MAX_MINIMUM_TERM_MONTHS = 24;
export const CONSUMER_MAX_NOTICE_PERIOD_MONTHS = 1;

export interface TermViolation {
  path: 'minimumTermMonths' | 'renewalMonths' | 'noticePeriodMonths';
  message: string;
}

/**
 * What a consumer contract may not contain (§309 Nr. 9 a–c BGB): an initial term over 24 months,
 * a renewal other than indefinite with at most one month's notice, a notice period over a month.
 */
export function consumerTermViolations(terms: Omit<ContractTerms, 'startDate'>): TermViolation[] {
  const violations: TermViolation[] = [];
  if (terms.minimumTermMonths > CONSUMER_MAX_MINIMUM_TERM_MONTHS) {
    violations.push({
      path: 'minimumTermMonths',
      message: `A consumer contract's initial term is at most ${CONSUMER_MAX_MINIMUM_TERM_MONTHS} months.`,
    });
  }
  if (terms.renewalMonths !== INDEFINITE_RENEWAL) {
    violations.push({
      path: 'renewalMonths',
      message: 'A consumer contract continues indefinitely after its initial term (renewalMonths 0).',
    });
  }
  if (terms.noticePeriodMonths > CONSUMER_MAX_NOTICE_PERIOD_MONTHS) {
    violations.push({
      path: 'noticePeriodMonths',
      message: `A consumer contract's notice period is at most ${CONSUMER_MAX_NOTICE_PERIOD_MONTHS} month.`,
    });
  }
  return violations;
}

interface Ymd {
  year: number;
  month: number; // 1–12
  day: number;
}

function parse(date: string): Ymd {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`not a calendar date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function format({ year, month, day }: Ymd): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function shiftMonth(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function addDays(date: string, days: number): string {
  const { year, month, day } = parse(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return format({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() });
}

/** The same day n months later (or earlier); a missing day becomes the month's last (§188 III BGB). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parse(date);
  const target = shiftMonth(year, month, months);
  return format({ ...target, day: Math.min(day, daysInMonth(target.year, target.month)) });
}

/** The last day of a period of `months` months that begins on `start` (start day included). */
export function periodEnd(start: string, months: number): string {
  const { year, month, day } = parse(start);
  const target = shiftMonth(year, month, months);
  if (day > daysInMonth(target.year, target.month)) {
    return format({ ...target, day: daysInMonth(target.year, target.month) });
  }
  return addDays(format({ ...target, day }), -1);
}

/** Whole months from a to b, ignoring days; only used to start the term search near the answer. */
function monthsBetween(a: string, b: string): number {
  const from = parse(a);
  const to = parse(b);
  return (to.year - from.year) * 12 + (to.month - from.month);
}

/** The end of term k: k = 0 is the minimum term, every further k one renewal. */
export function termEnd(terms: ContractTerms, k: number): string {
  return periodEnd(terms.startDate, terms.minimumTermMonths + k * terms.renewalMonths);
}

/** Whether an indefinite contract is past its minimum term on `day` (no term end any more). */
export function runsIndefinitely(terms: ContractTerms, day: string): boolean {
  return terms.renewalMonths === INDEFINITE_RENEWAL && day > termEnd(terms, 0);
}

/**
 * The first term end on or after `date`. After the minimum term of an indefinite contract every
 * day is one: it may end on any day.
 */
export function firstTermEndOnOrAfter(terms: ContractTerms, date: string): string {
  if (terms.renewalMonths === INDEFINITE_RENEWAL) return runsIndefinitely(terms, date) ? date : termEnd(terms, 0);
  const estimate = Math.floor((monthsBetween(terms.startDate, date) - terms.minimumTermMonths) / terms.renewalMonths);
  let k = Math.max(0, estimate - 1);
  while (termEnd(terms, k) < date) k++;
  return termEnd(terms, k);
}

/** Whether `date` is the end of one of the contract's terms. */
export function isTermEnd(terms: ContractTerms, date: string): boolean {
  return firstTermEndOnOrAfter(terms, date) === date;
}

/** The end of the term running on `day` (the first term's end before the start). */
export function currentTermEnd(terms: ContractTerms, day: string): string {
  return firstTermEndOnOrAfter(terms, day);
}

/**
 * The notice period, counted from the day after receipt, ends on the same day number n months
 * later (§§187 I, 188 II/III BGB); a cancellation is in time for a term end on or after it.
 */
export function noticeEndsOn(terms: ContractTerms, receivedOn: string): string {
  return addMonths(receivedOn, terms.noticePeriodMonths);
}

/**
 * The earliest end date of an ordinary cancellation received on `receivedOn`. For an indefinite
 * contract past its minimum term that is the receipt plus the notice on any day (received
 * 2027-03-10 with one month's notice: ends 2027-04-10; received 31 January: ends 28/29 February).
 */
export function earliestEndDate(terms: ContractTerms, receivedOn: string): string {
  return firstTermEndOnOrAfter(terms, noticeEndsOn(terms, receivedOn));
}

/** The last day on which an ordinary cancellation still reaches the term end `end`. */
export function noticeDeadline(terms: ContractTerms, end: string): string {
  let candidate = addMonths(end, -terms.noticePeriodMonths);
  // Clamping at month ends can put the first guess a few days off in either direction.
  while (noticeEndsOn(terms, candidate) > end) candidate = addDays(candidate, -1);
  while (noticeEndsOn(terms, addDays(candidate, 1)) <= end) candidate = addDays(candidate, 1);
  return candidate;
}

export type EndDateDecision = { ok: true; effectiveDate: string } | { ok: false; earliestEndDate: string };

/**
 * The effective date of an ordinary cancellation received on `receivedOn`: the requested date if
 * it is a term end the notice still reaches, else a refusal naming the earliest allowed date.
 */
export function decideOrdinaryEndDate(terms: ContractTerms, receivedOn: string, requested?: string): EndDateDecision {
  const earliest = earliestEndDate(terms, receivedOn);
  if (requested === undefined) return { ok: true, effectiveDate: earliest };
  if (requested >= earliest && isTermEnd(terms, requested)) return { ok: true, effectiveDate: requested };
  return { ok: false, earliestEndDate: earliest };
}

/**
 * An extraordinary cancellation (§314 BGB, for a good cause) needs no notice: it ends the contract
 * on the day asked for, but not in the past; without a date it ends today.
 */
export function decideExtraordinaryEndDate(receivedOn: string, requested?: string): EndDateDecision {
  if (requested === undefined) return { ok: true, effectiveDate: receivedOn };
  if (requested >= receivedOn) return { ok: true, effectiveDate: requested };
  return { ok: false, earliestEndDate: receivedOn };
}
