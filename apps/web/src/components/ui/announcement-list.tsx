import type { TAnnouncement } from '@portal/contracts';
import { formatDateTime } from '../../lib/format';
import { type Language, useLanguage } from '../../lib/i18n';
import { announcementMessages } from './announcement-messages';
import { Badge, type BadgeTone } from './badge';
import { EmptyState } from './states';

const tones: Record<TAnnouncement['severity'], BadgeTone> = {
  info: 'info',
  maintenance: 'warning',
  incident: 'danger',
};

/**
 * The announcements as customers see them on the overview. `language` shows them in a language
 * other than the page's: the back office previews both before publishing.
 */
export function AnnouncementList({
  announcements,
  language: shown,
}: {
  announcements: TAnnouncement[];
  language?: Language;
}) {
  const current = useLanguage().language;
  const language = shown ?? current;
  const t = announcementMessages[language];
  if (announcements.length === 0) return <EmptyState title={t.noAnnouncements} />;
  return (
    <ul className="announcements" lang={shown}>
      {announcements.map((announcement) => (
        <li key={announcement.id} className="card">
          <div className="card-head">
            <h3>{announcement.title[language]}</h3>
            <Badge tone={tones[announcement.severity]}>{t[`severity_${announcement.severity}`]}</Badge>
          </div>
          <p className="pre-line">{announcement.body[language]}</p>
          <p className="muted small">{t.published(formatDateTime(announcement.publishedAt, language))}</p>
        </li>
      ))}
    </ul>
  );
}
