import { defineMessages } from '../../lib/i18n';

/** Words the shared building blocks use. */
export const uiMessages = defineMessages({
  de: {
    loading: 'Wird geladen …',
    errorTitle: 'Das hat nicht geklappt.',
    errorRetry: 'Erneut versuchen',
    errorReference: (requestId: string) => `Referenz für den Support: ${requestId}`,
    networkError: 'Der Server ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Verbindung.',
    required: 'Pflichtfeld',
    legalNavigation: 'Rechtliches',
    imprint: 'Impressum',
    privacy: 'Datenschutz',
  },
  en: {
    loading: 'Loading …',
    errorTitle: 'Something went wrong.',
    errorRetry: 'Try again',
    errorReference: (requestId: string) => `Reference for support: ${requestId}`,
    networkError: 'The server cannot be reached right now. Please check your connection.',
    required: 'required',
    legalNavigation: 'Legal',
    imprint: 'Imprint',
    privacy: 'Privacy notice',
  },
});
