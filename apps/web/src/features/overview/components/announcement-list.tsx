import type { TAnnouncement } from '@portal/contracts';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { EmptyState } from '../../../components/ui/states';
import { formatDateTime } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { overviewMessages } from '../messages';

const tones: Record<TAnnouncement['severity'], BadgeTone> = {
  info: 'info',
  maintenance: 'warning',
  incident: 'danger',
};

export function AnnouncementList({ announcements }: { announcements: TAnnouncement[] }) {
  const t = useMessages(overviewMessages);
  const { language } = useLanguage();
  if (announcements.length === 0) return <EmptyState title={t.noAnnouncements} />;
  return (
    <ul className="announcements">
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
