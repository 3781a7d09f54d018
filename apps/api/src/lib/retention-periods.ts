/**
 * How long the portal keeps each kind of record, and why. One list read by the retention job,
 * the deletion page, the farewell e-mail and the privacy notice, so the texts cannot drift from
 * what the code does. Periods that configuration may change (correspondence) are defaults here.
 */
export type RetentionCategory =
  | 'invoices'
  | 'sepaMandates'
  | 'publicDeclarations'
  | 'emails'
  | 'securityLog'
  | 'endedSessions';

export interface RetentionPeriod {
  /** What counts: "years" from the end of the calendar year, or "months"/"days" from an event. */
  unit: 'yearsFromEndOfYear' | 'months' | 'days';
  amount: number;
  /** The event the period runs from (for the texts). */
  from: 'issue' | 'lastCollection' | 'receipt' | 'sending' | 'occurrence' | 'end';
  /** Legal basis, as printed in the privacy notice. */
  basis: string;
}

export const RETENTION_PERIODS: Readonly<Record<RetentionCategory, RetentionPeriod>> = {
  // §147 Abs. 1 Nr. 4, Abs. 3 AO and §14b Abs. 1 UStG (8 years since the BEG IV, 2025).
  invoices: { unit: 'yearsFromEndOfYear', amount: 8, from: 'issue', basis: '§147 AO, §14b UStG' },
  // SEPA rulebook: the creditor keeps the mandate while it is used and 14 months after the last
  // collection (the debtor's refund right for unauthorised debits runs 13 months).
  sepaMandates: { unit: 'months', amount: 14, from: 'lastCollection', basis: 'SEPA Core Rulebook, §676b BGB' },
  // Proof of a declaration's receipt (§312k BGB) and of what was sent: the regular limitation
  // period of three years (§195 BGB). Configurable, see the README.
  publicDeclarations: { unit: 'yearsFromEndOfYear', amount: 3, from: 'receipt', basis: '§195 BGB' },
  emails: { unit: 'yearsFromEndOfYear', amount: 3, from: 'sending', basis: '§195 BGB' },
  securityLog: { unit: 'days', amount: 180, from: 'occurrence', basis: 'Art. 6 Abs. 1 lit. f, Art. 32 DSGVO' },
  endedSessions: { unit: 'days', amount: 90, from: 'end', basis: 'Art. 6 Abs. 1 lit. f, Art. 32 DSGVO' },
};

/** The periods in force: the list above with the configured correspondence period. */
export function retentionPeriods(correspondenceYears: number): Record<RetentionCategory, RetentionPeriod> {
  return {
    ...RETENTION_PERIODS,
    publicDeclarations: { ...RETENTION_PERIODS.publicDeclarations, amount: correspondenceYears },
    emails: { ...RETENTION_PERIODS.emails, amount: correspondenceYears },
  };
}

/** Records from before this instant have outlived `period` at `now`. */
export function retentionCutoff(period: RetentionPeriod, now: Date): Date {
  const cutoff = new Date(now);
  if (period.unit === 'days') cutoff.setUTCDate(cutoff.getUTCDate() - period.amount);
  else if (period.unit === 'months') cutoff.setUTCMonth(cutoff.getUTCMonth() - period.amount);
  // Kept through the end of year Y + amount: at `now` in year N, everything from before year N - amount goes.
  else return new Date(Date.UTC(now.getUTCFullYear() - period.amount, 0, 1));
  return cutoff;
}
