import type { TSecurityEventType } from '@portal/contracts';
import { defineMessages } from '../../lib/i18n';

type EventNames = Record<TSecurityEventType, string>;

const de: EventNames = {
  'sign_in.succeeded': 'Anmeldung',
  'sign_in.failed': 'Fehlgeschlagene Anmeldung',
  sign_out: 'Abmeldung',
  'session.ended': 'Sitzung beendet',
  'password.changed': 'Passwort geändert',
  'password.reset': 'Passwort neu festgelegt',
  'email.change_requested': 'Neue E-Mail-Adresse angegeben',
  'email.changed': 'E-Mail-Adresse geändert',
  'bank_account.changed': 'Bankdaten geändert',
  'product.cancelled': 'Vertrag gekündigt',
  'cancellation.declaration_received': 'Kündigung über das Kündigungsformular eingegangen',
  'cancellation.declaration_linked': 'Kündigungserklärung einem Vertrag zugeordnet',
  'cancellation.declaration_rejected': 'Kündigungserklärung abgelehnt',
  'cancellation.recorded': 'Kündigung per Brief oder E-Mail erfasst',
  'account.deleted': 'Kundenkonto gelöscht',
  'access.denied': 'Zugriff verweigert',
};

const en: EventNames = {
  'sign_in.succeeded': 'Signed in',
  'sign_in.failed': 'Failed sign-in',
  sign_out: 'Signed out',
  'session.ended': 'Session ended',
  'password.changed': 'Password changed',
  'password.reset': 'Password set anew',
  'email.change_requested': 'New e-mail address given',
  'email.changed': 'E-mail address changed',
  'bank_account.changed': 'Bank details changed',
  'product.cancelled': 'Contract cancelled',
  'cancellation.declaration_received': 'Cancellation received through the cancellation form',
  'cancellation.declaration_linked': 'Cancellation declaration assigned to a contract',
  'cancellation.declaration_rejected': 'Cancellation declaration rejected',
  'cancellation.recorded': 'Cancellation by letter or e-mail recorded',
  'account.deleted': 'Account deleted',
  'access.denied': 'Access denied',
};

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
    eventName: (type: TSecurityEventType) => de[type],
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
    eventName: (type: TSecurityEventType) => en[type],
  },
});
