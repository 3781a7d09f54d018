import type { TRetainedCategory } from '@portal/contracts';
import { defineMessages } from '../../lib/i18n';

type Category = TRetainedCategory['category'];
type Unit = TRetainedCategory['unit'];
type From = TRetainedCategory['from'];

const categoriesDe: Record<Category, string> = {
  invoices: 'Rechnungen, Zahlungen und Vertragsunterlagen',
  sepaMandates: 'SEPA-Lastschriftmandate mit Ihrer Bankverbindung',
  publicDeclarations: 'Kündigungserklärungen aus dem öffentlichen Kündigungsformular',
  emails: 'E-Mails, die wir Ihnen geschickt haben (ohne gültige Links)',
  securityLog: 'Einträge im Sicherheitsprotokoll (Anmeldungen und Änderungen, mit IP-Adresse)',
  endedSessions: 'Beendete Sitzungen',
};
const categoriesEn: Record<Category, string> = {
  invoices: 'Invoices, payments and contract documents',
  sepaMandates: 'SEPA direct-debit mandates with your bank details',
  publicDeclarations: 'Cancellations declared through the public cancellation form',
  emails: 'E-mails we sent you (without working links)',
  securityLog: 'Security log entries (sign-ins and changes, with IP address)',
  endedSessions: 'Ended sessions',
};
const fromDe: Record<From, string> = {
  issue: 'der Ausstellung',
  lastCollection: 'der letzten Lastschrift',
  receipt: 'des Eingangs',
  sending: 'des Versands',
  occurrence: 'dem Ereignis',
  end: 'dem Ende der Sitzung',
};
const fromEn: Record<From, string> = {
  issue: 'of issue',
  lastCollection: 'the last direct debit',
  receipt: 'of receipt',
  sending: 'of sending',
  occurrence: 'the event',
  end: 'the end of the session',
};

/** The kept categories of the deletion page; periods and bases come from the API (one list). */
export const retentionMessages = defineMessages({
  de: {
    keptHeading: 'Was wir nach dem Löschen noch aufbewahren',
    keptIntro:
      'Diese Daten müssen oder dürfen wir aus gesetzlichen Gründen noch aufbewahren. Sie sind gesperrt, werden für nichts anderes genutzt und nach Ablauf der Frist automatisch gelöscht:',
    category: (category: Category) => categoriesDe[category],
    period: (amount: number, unit: Unit, from: From) => {
      if (unit === 'yearsFromEndOfYear')
        return `${amount} ${amount === 1 ? 'Jahr' : 'Jahre'} ab Ende des Jahres ${fromDe[from]}`;
      const noun = unit === 'months' ? (amount === 1 ? 'Monat' : 'Monate') : amount === 1 ? 'Tag' : 'Tage';
      return `${amount} ${noun} nach ${fromDe[from]}`;
    },
  },
  en: {
    keptHeading: 'What we still keep after deletion',
    keptIntro:
      'The law requires or allows us to keep these records. They are locked, used for nothing else, and deleted automatically when the period ends:',
    category: (category: Category) => categoriesEn[category],
    period: (amount: number, unit: Unit, from: From) => {
      if (unit === 'yearsFromEndOfYear')
        return `${amount} ${amount === 1 ? 'year' : 'years'} from the end of the year ${fromEn[from]}`;
      const noun = unit === 'months' ? (amount === 1 ? 'month' : 'months') : amount === 1 ? 'day' : 'days';
      return `${amount} ${noun} after ${fromEn[from]}`;
    },
  },
});
