import { defineMessages } from '../../lib/i18n';

export const securityLogMessages = defineMessages({
  de: {
    heading: 'Sicherheitsprotokoll',
    intro:
      'Anmeldungen, Änderungen an Zugangsdaten und Bankdaten, Kündigungen und abgewiesene Zugriffe auf Ihr Konto. Kennen Sie einen Eintrag nicht, ändern Sie Ihr Passwort und beenden Sie fremde Sitzungen.',
    time: 'Zeitpunkt',
    event: 'Ereignis',
    ipAddress: 'IP-Adresse',
    device: 'Browser',
    details: 'Angaben',
    empty: 'Noch keine Einträge.',
    loadMore: 'Ältere Einträge laden',
  },
  en: {
    heading: 'Security log',
    intro:
      "Sign-ins, changes to credentials and bank details, cancellations and refused requests on your account. If you don't recognise an entry, change your password and end unknown sessions.",
    time: 'Time',
    event: 'Event',
    ipAddress: 'IP address',
    device: 'Browser',
    details: 'Details',
    empty: 'No entries yet.',
    loadMore: 'Load older entries',
  },
});
