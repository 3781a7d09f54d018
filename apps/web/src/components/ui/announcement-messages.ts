import { defineMessages } from '../../lib/i18n';

/** The words of the announcements on the overview (./announcement-list.tsx). */
export const announcementMessages = defineMessages({
  de: {
    noAnnouncements: 'Aktuell gibt es keine Mitteilungen.',
    published: (date: string) => `Veröffentlicht am ${date}`,
    severity_info: 'Information',
    severity_maintenance: 'Wartung',
    severity_incident: 'Störung',
  },
  en: {
    noAnnouncements: 'There are no announcements at the moment.',
    published: (date: string) => `Published on ${date}`,
    severity_info: 'Information',
    severity_maintenance: 'Maintenance',
    severity_incident: 'Incident',
  },
});
