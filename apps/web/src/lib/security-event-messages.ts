import type { TSecurityEventType } from '@portal/contracts';
import { defineMessages } from './i18n';

type EventNames = Record<TSecurityEventType, string>;

const de: EventNames = {
  'sign_in.succeeded': 'Anmeldung',
  'sign_in.failed': 'Fehlgeschlagene Anmeldung',
  'sign_in.second_factor_required': 'Passwort richtig, zweiter Faktor angefordert',
  'sign_in.mfa_succeeded': 'Anmeldung mit zweitem Faktor',
  'sign_in.mfa_failed': 'Zweiter Faktor abgelehnt',
  sign_out: 'Abmeldung',
  'session.ended': 'Sitzung beendet',
  'password.changed': 'Passwort geändert',
  'password.reset': 'Passwort neu festgelegt',
  'mfa.totp_enabled': 'Authenticator-App eingerichtet',
  'mfa.totp_disabled': 'Authenticator-App entfernt',
  'mfa.recovery_code_used': 'Wiederherstellungscode verwendet',
  'mfa.recovery_codes_regenerated': 'Neue Wiederherstellungscodes erzeugt',
  'passkey.added': 'Passkey hinzugefügt',
  'passkey.renamed': 'Passkey umbenannt',
  'passkey.removed': 'Passkey entfernt',
  'api_token.created': 'API-Token erstellt',
  'api_token.revoked': 'API-Token widerrufen',
  'team.member_invited': 'Mitglied eingeladen',
  'team.member_role_changed': 'Rolle eines Mitglieds geändert',
  'team.member_removed': 'Mitglied entfernt',
  'team.mfa_requirement_changed': 'Pflicht zum zweiten Faktor geändert',
  'email.change_requested': 'Neue E-Mail-Adresse angegeben',
  'email.changed': 'E-Mail-Adresse geändert',
  'bank_account.changed': 'Bankdaten geändert',
  'product.cancelled': 'Vertrag gekündigt',
  'cancellation.declaration_received': 'Kündigung über das Kündigungsformular eingegangen',
  'cancellation.declaration_linked': 'Kündigungserklärung einem Vertrag zugeordnet',
  'cancellation.declaration_rejected': 'Kündigungserklärung abgelehnt',
  'cancellation.recorded': 'Kündigung per Brief oder E-Mail erfasst',
  'account.deleted': 'Kundenkonto gelöscht',
  'account.changed_by_provider': 'Änderung durch das Team des Anbieters',
  'access.denied': 'Zugriff verweigert',
};

const en: EventNames = {
  'sign_in.succeeded': 'Signed in',
  'sign_in.failed': 'Failed sign-in',
  'sign_in.second_factor_required': 'Password accepted, second factor requested',
  'sign_in.mfa_succeeded': 'Signed in with a second factor',
  'sign_in.mfa_failed': 'Second factor refused',
  sign_out: 'Signed out',
  'session.ended': 'Session ended',
  'password.changed': 'Password changed',
  'password.reset': 'Password set anew',
  'mfa.totp_enabled': 'Authenticator app set up',
  'mfa.totp_disabled': 'Authenticator app removed',
  'mfa.recovery_code_used': 'Recovery code used',
  'mfa.recovery_codes_regenerated': 'New recovery codes generated',
  'passkey.added': 'Passkey added',
  'passkey.renamed': 'Passkey renamed',
  'passkey.removed': 'Passkey removed',
  'api_token.created': 'API token created',
  'api_token.revoked': 'API token revoked',
  'team.member_invited': 'Member invited',
  'team.member_role_changed': "Member's role changed",
  'team.member_removed': 'Member removed',
  'team.mfa_requirement_changed': 'Second-factor requirement changed',
  'email.change_requested': 'New e-mail address given',
  'email.changed': 'E-mail address changed',
  'bank_account.changed': 'Bank details changed',
  'product.cancelled': 'Contract cancelled',
  'cancellation.declaration_received': 'Cancellation received through the cancellation form',
  'cancellation.declaration_linked': 'Cancellation declaration assigned to a contract',
  'cancellation.declaration_rejected': 'Cancellation declaration rejected',
  'cancellation.recorded': 'Cancellation by letter or e-mail recorded',
  'account.deleted': 'Account deleted',
  'account.changed_by_provider': "Change by the provider's team",
  'access.denied': 'Access denied',
};

/**
 * What the security log shows, in words: the type of each entry and the device it came from. The
 * customer's own log and the back office's view of a customer account's log both read them.
 */
export const securityEventMessages = defineMessages({
  de: {
    eventName: (type: TSecurityEventType) => de[type],
    deviceOn: (client: string, system: string) => `${client} unter ${system}`,
    unknownDevice: 'Unbekanntes Gerät',
  },
  en: {
    eventName: (type: TSecurityEventType) => en[type],
    deviceOn: (client: string, system: string) => `${client} on ${system}`,
    unknownDevice: 'Unknown device',
  },
});

type Details = Record<string, string | number | boolean | null>;

/**
 * An entry's details as plain text (never markup): `key: value` pairs as the API sends them.
 * `omit` leaves keys out — the customer's own log leaves out `action`, the back office's name
 * for a change its team made (an operation id such as `setDunningStop`, not words for a customer).
 */
export function securityDetailsText(details: Details, { omit = [] }: { omit?: readonly string[] } = {}): string {
  return Object.entries(details)
    .filter(([key]) => !omit.includes(key))
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ');
}
