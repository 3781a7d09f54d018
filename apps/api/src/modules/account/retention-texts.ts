import type { TRetainedCategory } from '@portal/contracts';
import type { RetentionCategory, RetentionPeriod } from '../../lib/retention-periods';
import type { LifecycleContext } from '../../lifecycle/data-lifecycle';
import { dataLifecycles } from '../../lifecycle/registry';

/** What every registered module keeps after deletion, with the periods in force, in a stable order. */
export function keptAfterDeletion(periods: LifecycleContext['periods']): TRetainedCategory[] {
  const categories = [...new Set(dataLifecycles.flatMap((entry) => entry.keptAfterDeletion))];
  return categories.map((category) => ({ category, ...periods[category] }));
}

const WHAT: Record<RetentionCategory, string> = {
  invoices: 'Rechnungen, Zahlungen und Vertragsunterlagen',
  sepaMandates: 'SEPA-Lastschriftmandate mit Ihrer Bankverbindung',
  publicDeclarations: 'Kündigungserklärungen aus dem öffentlichen Kündigungsformular',
  emails: 'E-Mails, die wir Ihnen geschickt haben (ohne gültige Links)',
  securityLog: 'Einträge im Sicherheitsprotokoll (Anmeldungen, Änderungen, mit IP-Adresse)',
  endedSessions: 'beendete Sitzungen',
};

const FROM: Record<RetentionPeriod['from'], string> = {
  issue: 'der Ausstellung',
  lastCollection: 'der letzten Lastschrift',
  receipt: 'des Eingangs',
  sending: 'des Versands',
  occurrence: 'dem Ereignis',
  end: 'dem Ende der Sitzung',
};

function duration(period: RetentionPeriod): string {
  const { amount } = period;
  if (period.unit === 'days') return `${amount} ${amount === 1 ? 'Tag' : 'Tage'} nach ${FROM[period.from]}`;
  if (period.unit === 'months') return `${amount} ${amount === 1 ? 'Monat' : 'Monate'} nach ${FROM[period.from]}`;
  return `${amount} ${amount === 1 ? 'Jahr' : 'Jahre'} ab Ende des Jahres ${FROM[period.from]}`;
}

/** One line per kept category for the farewell e-mail (German, like every mail of the portal). */
export function keptCategoryLines(kept: TRetainedCategory[]): string[] {
  return kept.map((entry) => `– ${WHAT[entry.category]}: ${duration(entry)} (${entry.basis})`);
}
