import { defineMessages } from '../../lib/i18n';

export const legalMessages = defineMessages({
  de: {
    toPortal: 'Zum Kundenportal',
    cancelContracts: 'Verträge hier kündigen',
    germanOnly: 'Diese Erklärung liegt nur auf Deutsch vor.',
  },
  en: {
    toPortal: 'To the customer portal',
    cancelContracts: 'Cancel contracts here',
    germanOnly: 'This notice is available in German only.',
  },
});
