import { defineTemplate } from '../template';

/** Notices about access granted to the user's account, so that a change by someone else is noticed. */

export const apiTokenCreated = defineTemplate<{ name: string; tokenName: string; prefix: string; scopes: string[] }>(
  'account.api-token-created',
  {
    de: ({ name, tokenName, prefix, scopes }) => ({
      subject: 'Neuer API-Token für Ihren Zugang',
      addressee: name,
      paragraphs: [
        `für Ihren Zugang zum Kundenportal wurde der API-Token „${tokenName}“ (${prefix}…) erstellt. Mit ihm können Programme in Ihrem Namen auf das Kundenportal zugreifen; Berechtigungen: ${scopes.join(', ')}.`,
        'Falls Sie das nicht waren, widerrufen Sie den Token bitte unter Stammdaten › API-Zugänge, ändern Sie Ihr Passwort und wenden Sie sich an uns.',
      ],
    }),
    en: ({ name, tokenName, prefix, scopes }) => ({
      subject: 'New API token for your customer portal access',
      addressee: name,
      paragraphs: [
        `The API token “${tokenName}” (${prefix}…) has been created for your customer portal access. It allows programs to access the customer portal on your behalf; permissions: ${scopes.join(', ')}.`,
        'If this was not you, please revoke the token under Account details › API access, change your password and contact us.',
      ],
    }),
  },
);

export const passkeyAdded = defineTemplate<{ name: string; passkeyName: string }>('account.mfa.passkey-added', {
  de: ({ name, passkeyName }) => ({
    subject: 'Neuer Passkey für Ihren Zugang',
    addressee: name,
    paragraphs: [
      `für Ihren Zugang zum Kundenportal wurde der Passkey „${passkeyName}“ hinzugefügt. Mit ihm ist eine Anmeldung ohne Passwort möglich.`,
      'Falls Sie das nicht waren, entfernen Sie den Passkey bitte unter Stammdaten › Sicherheit, ändern Sie Ihr Passwort und wenden Sie sich an uns.',
    ],
  }),
  en: ({ name, passkeyName }) => ({
    subject: 'New passkey for your customer portal access',
    addressee: name,
    paragraphs: [
      `The passkey “${passkeyName}” has been added to your customer portal access. It allows signing in without a password.`,
      'If this was not you, please remove the passkey under Account details › Security, change your password and contact us.',
    ],
  }),
});

const notYou = {
  de: 'Falls Sie das nicht waren, ändern Sie bitte sofort Ihr Passwort und wenden Sie sich an uns.',
  en: 'If this was not you, please change your password immediately and contact us.',
};

export const totpEnabled = defineTemplate<{ name: string }>('account.mfa.totp-enabled', {
  de: ({ name }) => ({
    subject: 'Zwei-Faktor-Anmeldung eingeschaltet',
    addressee: name,
    paragraphs: [
      'für Ihren Zugang zum Kundenportal ist jetzt die Anmeldung mit Authenticator-App eingeschaltet. Bei jeder Anmeldung fragen wir nach dem Passwort einen Code aus der App ab.',
      notYou.de,
    ],
  }),
  en: ({ name }) => ({
    subject: 'Two-factor sign-in turned on',
    addressee: name,
    paragraphs: [
      'Sign-in with an authenticator app is now turned on for your customer portal access. Each time you sign in, we will ask for a code from the app after your password.',
      notYou.en,
    ],
  }),
});

export const totpDisabled = defineTemplate<{ name: string }>('account.mfa.totp-disabled', {
  de: ({ name }) => ({
    subject: 'Zwei-Faktor-Anmeldung ausgeschaltet',
    addressee: name,
    paragraphs: [
      'für Ihren Zugang zum Kundenportal wurde die Anmeldung mit Authenticator-App ausgeschaltet; die Wiederherstellungscodes sind nicht mehr gültig.',
      notYou.de,
    ],
  }),
  en: ({ name }) => ({
    subject: 'Two-factor sign-in turned off',
    addressee: name,
    paragraphs: [
      'Sign-in with an authenticator app has been turned off for your customer portal access; your recovery codes are no longer valid.',
      notYou.en,
    ],
  }),
});
