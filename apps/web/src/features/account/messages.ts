import { defineMessages } from '../../lib/i18n';

/** Navigation and words the Stammdaten pages share. */
export const accountMessages = defineMessages({
  de: {
    title: 'Stammdaten',
    description: 'Ihre Kundendaten, Zugangsdaten, Bankverbindung und der Versand Ihrer Rechnungen.',
    subNavigation: 'Bereiche der Stammdaten',
    navProfile: 'Kundendaten',
    navSecurity: 'Sicherheit',
    navBank: 'Bankdaten',
    navInvoiceSettings: 'Rechnungsversand',
    navSessions: 'Sitzungen',
    navSecurityLog: 'Sicherheitsprotokoll',
    navApiAccess: 'API-Zugänge',
    navTeam: 'Team',
    navExport: 'Datenexport',
    navDelete: 'Konto löschen',
    save: 'Speichern',
    saved: 'Ihre Angaben sind gespeichert.',
  },
  en: {
    title: 'Account details',
    description: 'Your customer data, sign-in details, bank account and how you receive invoices.',
    subNavigation: 'Sections of the account details',
    navProfile: 'Customer data',
    navSecurity: 'Security',
    navBank: 'Bank details',
    navInvoiceSettings: 'Invoice delivery',
    navSessions: 'Sessions',
    navSecurityLog: 'Security log',
    navApiAccess: 'API access',
    navTeam: 'Team',
    navExport: 'Data export',
    navDelete: 'Delete account',
    save: 'Save',
    saved: 'Your details have been saved.',
  },
});
