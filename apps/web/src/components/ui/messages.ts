import { defineMessages } from '../../lib/i18n';

/** Words the shared building blocks use (error texts: lib/error-messages.ts). */
export const uiMessages = defineMessages({
  de: {
    loading: 'Wird geladen …',
    legalNavigation: 'Rechtliches',
    imprint: 'Impressum',
    privacy: 'Datenschutz',
  },
  en: {
    loading: 'Loading …',
    legalNavigation: 'Legal',
    imprint: 'Imprint',
    privacy: 'Privacy notice',
  },
});
