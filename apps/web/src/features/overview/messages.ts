import { defineMessages } from '../../lib/i18n';

export const overviewMessages = defineMessages({
  de: {
    title: 'Übersicht',
    announcements: 'Mitteilungen',
    noAnnouncements: 'Aktuell gibt es keine Mitteilungen.',
    published: (date: string) => `Veröffentlicht am ${date}`,
    severity_info: 'Information',
    severity_maintenance: 'Wartung',
    severity_incident: 'Störung',
  },
  en: {
    title: 'Overview',
    announcements: 'Announcements',
    noAnnouncements: 'There are no announcements at the moment.',
    published: (date: string) => `Published on ${date}`,
    severity_info: 'Information',
    severity_maintenance: 'Maintenance',
    severity_incident: 'Incident',
  },
});
