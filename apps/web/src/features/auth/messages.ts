import { defineMessages } from '../../lib/i18n';

export const authMessages = defineMessages({
  de: {
    title: 'Anmelden',
    intro: 'Melden Sie sich mit der E-Mail-Adresse und dem Passwort Ihres Kundenkontos an.',
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    submit: 'Anmelden',
    forgotPassword: 'Passwort vergessen?',
    wrongCredentials: 'E-Mail-Adresse oder Passwort ist falsch.',
    sessionEnded: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    accountDeletedTitle: 'Ihr Kundenkonto ist gelöscht',
    accountDeleted:
      'Sie sind abgemeldet, und eine Anmeldung mit diesem Konto ist nicht mehr möglich. Eine Bestätigung mit den Unterlagen, die wir noch aufbewahren müssen, haben wir an Ihre E-Mail-Adresse gesendet.',
    cancelContracts: 'Verträge hier kündigen',
  },
  en: {
    title: 'Sign in',
    intro: 'Sign in with the e-mail address and password of your customer account.',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Sign in',
    forgotPassword: 'Forgot your password?',
    wrongCredentials: 'E-mail address or password is wrong.',
    sessionEnded: 'Your session has ended. Please sign in again.',
    accountDeletedTitle: 'Your customer account is deleted',
    accountDeleted:
      'You are signed out, and signing in with this account is no longer possible. We have sent a confirmation, listing the records we must still keep, to your e-mail address.',
    cancelContracts: 'Cancel contracts here',
  },
});
