import type { TMemberRole } from '@portal/contracts';
import { defineMessages } from '../../lib/i18n';

const de: Record<`role_${TMemberRole}`, string> & Record<`roleHint_${TMemberRole}`, string> = {
  role_owner: 'Inhaber/in',
  role_billing: 'Buchhaltung',
  role_technical: 'Technik',
  role_readonly: 'Nur lesen',
  roleHint_owner: 'Darf alles, auch das Team verwalten, Webhooks einrichten und das Kundenkonto löschen.',
  roleHint_billing: 'Rechnungen, Zahlungen, Bankdaten und Rechnungsversand.',
  roleHint_technical: 'Produkte, Vertragsunterlagen und Tickets.',
  roleHint_readonly: 'Sieht alles, was die anderen Rollen sehen, und kann nichts ändern.',
};
const en: typeof de = {
  role_owner: 'Owner',
  role_billing: 'Billing',
  role_technical: 'Technical',
  role_readonly: 'Read only',
  roleHint_owner:
    'May do everything, including managing the team, setting up webhooks and deleting the customer account.',
  roleHint_billing: 'Invoices, payments, bank details and invoice delivery.',
  roleHint_technical: 'Products, contract documents and tickets.',
  roleHint_readonly: 'Sees everything the other roles see and cannot change anything.',
};

/** Stammdaten › Team: the members of the customer account and their roles (ADR 0020). */
export const teamMessages = defineMessages({
  de: {
    ...de,
    heading: 'Team',
    intro:
      'Wer sich für Ihr Kundenkonto anmelden darf und was er oder sie tun darf. Jede Person meldet sich mit eigener E-Mail-Adresse und eigenem Passwort an; jede Änderung steht im Sicherheitsprotokoll.',
    inviteHeading: 'Mitglied einladen',
    inviteIntro: 'Die eingeladene Person erhält einen Link, mit dem sie ihr Passwort festlegt (72 Stunden gültig).',
    email: 'E-Mail-Adresse',
    name: 'Name',
    role: 'Rolle',
    invite: 'Einladung senden',
    invited: (email: string) => `Die Einladung an ${email} ist unterwegs.`,
    listHeading: 'Mitglieder',
    colMember: 'Mitglied',
    colRole: 'Rolle',
    colStatus: 'Status',
    colActions: 'Aktionen',
    you: 'Sie',
    statusActive: 'Aktiv',
    statusInvited: 'Eingeladen',
    invitationUntil: (date: string) => `Link gültig bis ${date}`,
    invitationExpired: 'Link abgelaufen',
    roleOf: (name: string) => `Rolle von ${name}`,
    resend: 'Einladung erneut senden',
    resent: 'Die Einladung wurde erneut gesendet.',
    remove: 'Entfernen',
    removeLabel: (name: string) => `${name} aus dem Team entfernen`,
    removeTitle: (name: string) => `${name} aus dem Team entfernen?`,
    removeText:
      'Die Person kann sich sofort nicht mehr anmelden; ihre Sitzungen und API-Tokens enden. Rechnungen, Verträge und Tickets bleiben im Kundenkonto.',
    removeYes: 'Ja, entfernen',
    cancel: 'Abbrechen',
    removed: 'Das Mitglied wurde entfernt.',
    lastOwner:
      'Das Kundenkonto braucht mindestens eine Inhaberin oder einen Inhaber. Machen Sie zuerst ein anderes Mitglied zur Inhaberin oder zum Inhaber.',
    alreadyAccepted: 'Diese Person hat die Einladung bereits angenommen.',
    none: 'Noch keine weiteren Mitglieder.',
    mfaHeading: 'Anmeldung mit zweitem Faktor',
    mfaRequired: 'Jedes Mitglied muss sich mit einer Authenticator-App anmelden',
    mfaHint:
      'Mitglieder ohne Authenticator-App können bis zur Einrichtung nur ihre Sicherheitseinstellungen öffnen; ihre API-Tokens ruhen so lange.',
    mfaSave: 'Speichern',
    mfaSaved: 'Gespeichert.',
    mfaOwnMissing:
      'Richten Sie zuerst selbst eine Authenticator-App ein (Stammdaten › Sicherheit), bevor Sie sie von allen verlangen.',
  },
  en: {
    ...en,
    heading: 'Team',
    intro:
      'Who may sign in for your customer account and what they may do. Everyone signs in with their own e-mail address and password; every change is recorded in the security log.',
    inviteHeading: 'Invite a member',
    inviteIntro: 'The person invited receives a link to set their password (valid for 72 hours).',
    email: 'E-mail address',
    name: 'Name',
    role: 'Role',
    invite: 'Send invitation',
    invited: (email: string) => `The invitation to ${email} is on its way.`,
    listHeading: 'Members',
    colMember: 'Member',
    colRole: 'Role',
    colStatus: 'Status',
    colActions: 'Actions',
    you: 'You',
    statusActive: 'Active',
    statusInvited: 'Invited',
    invitationUntil: (date: string) => `Link valid until ${date}`,
    invitationExpired: 'Link expired',
    roleOf: (name: string) => `Role of ${name}`,
    resend: 'Send invitation again',
    resent: 'The invitation was sent again.',
    remove: 'Remove',
    removeLabel: (name: string) => `Remove ${name} from the team`,
    removeTitle: (name: string) => `Remove ${name} from the team?`,
    removeText:
      'The person can no longer sign in, at once; their sessions and API tokens end. Invoices, contracts and tickets stay in the customer account.',
    removeYes: 'Yes, remove',
    cancel: 'Cancel',
    removed: 'The member was removed.',
    lastOwner: 'The customer account needs at least one owner. Make another member owner first.',
    alreadyAccepted: 'This person has already accepted the invitation.',
    none: 'No other members yet.',
    mfaHeading: 'Signing in with a second factor',
    mfaRequired: 'Every member must sign in with an authenticator app',
    mfaHint:
      'Members without an authenticator app can open only their security settings until they set one up; their API tokens rest meanwhile.',
    mfaSave: 'Save',
    mfaSaved: 'Saved.',
    mfaOwnMissing:
      'Set up an authenticator app yourself first (Account details › Security) before requiring one of everyone.',
  },
});
