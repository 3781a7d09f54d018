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
    throttled: 'Zu viele Versuche. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
    sessionEnded: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    emailRequired: 'Bitte geben Sie Ihre E-Mail-Adresse ein.',
    passwordRequired: 'Bitte geben Sie Ihr Passwort ein.',
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
    throttled: 'Too many attempts. Please wait a moment and try again.',
    sessionEnded: 'Your session has ended. Please sign in again.',
    emailRequired: 'Please enter your e-mail address.',
    passwordRequired: 'Please enter your password.',
    cancelContracts: 'Cancel contracts here',
  },
});
