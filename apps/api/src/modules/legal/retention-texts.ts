import type { RetentionCategory, RetentionPeriod } from '../../lib/retention-periods';

type Language = 'de' | 'en';

const categoryNames: Record<RetentionCategory, Record<Language, string>> = {
  invoices: { de: 'Rechnungen, Zahlungen und Rechnungsdokumente', en: 'Invoices, payments and invoice documents' },
  sepaMandates: {
    de: 'SEPA-Lastschriftmandate und Lastschriftdaten',
    en: 'SEPA direct debit mandates and debit records',
  },
  publicDeclarations: {
    de: 'Kündigungserklärungen über das öffentliche Kündigungsformular',
    en: 'Cancellations declared on the public cancellation form',
  },
  emails: { de: 'E-Mails, die das Portal Ihnen sendet', en: 'E-mails the portal sends you' },
  securityLog: {
    de: 'Sicherheitsprotokoll (Anmeldungen, Abmeldungen, Änderungen an Zugangs- und Bankdaten)',
    en: 'Security log (sign-ins, sign-outs, changes to access and bank data)',
  },
  endedSessions: { de: 'Beendete Anmeldesitzungen', en: 'Ended sign-in sessions' },
};

const events: Record<RetentionPeriod['from'], Record<Language, string>> = {
  issue: { de: 'der Ausstellung', en: 'of issue' },
  lastCollection: { de: 'der letzten Lastschrift', en: 'the last collection' },
  receipt: { de: 'des Eingangs', en: 'of receipt' },
  sending: { de: 'des Versands', en: 'of sending' },
  occurrence: { de: 'dem Ereignis', en: 'the event' },
  end: { de: 'dem Ende der Sitzung', en: 'the end of the session' },
};

function plural(amount: number, one: string, many: string): string {
  return `${amount} ${amount === 1 ? one : many}`;
}

/** A retention period in words, e.g. "8 Jahre ab Ende des Kalenderjahres der Ausstellung". */
export function describePeriod(period: RetentionPeriod, language: Language): string {
  const event = events[period.from][language];
  if (language === 'de') {
    if (period.unit === 'yearsFromEndOfYear') {
      return `${plural(period.amount, 'Jahr', 'Jahre')} ab Ende des Kalenderjahres ${event}`;
    }
    const amount =
      period.unit === 'months' ? plural(period.amount, 'Monat', 'Monate') : plural(period.amount, 'Tag', 'Tage');
    return `${amount} nach ${event}`;
  }
  if (period.unit === 'yearsFromEndOfYear') {
    return `${plural(period.amount, 'year', 'years')} from the end of the calendar year ${event}`;
  }
  const amount =
    period.unit === 'months' ? plural(period.amount, 'month', 'months') : plural(period.amount, 'day', 'days');
  return `${amount} after ${event}`;
}

/** What is kept, how long, and on which legal basis: the privacy notice's and the farewell mail's line. */
export function retentionLine(category: RetentionCategory, period: RetentionPeriod, language: Language): string {
  const basis = language === 'de' ? `Grundlage: ${period.basis}` : `basis: ${period.basis}`;
  return `${categoryNames[category][language]}: ${describePeriod(period, language)} (${basis})`;
}

/** One line per kept category. */
export function retentionLines(
  periods: Readonly<Record<RetentionCategory, RetentionPeriod>>,
  language: Language,
): string[] {
  return (Object.keys(periods) as RetentionCategory[]).map((category) =>
    retentionLine(category, periods[category], language),
  );
}
