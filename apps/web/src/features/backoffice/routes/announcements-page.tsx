import type { TAdminAnnouncement } from '@portal/contracts';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { PageHeader } from '../../../components/ui/page-header';
import { PagedList } from '../../../components/ui/paged-list';
import { EmptyState } from '../../../components/ui/states';
import { useErrorTexts } from '../../../lib/form-errors';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { announcementsMessages } from '../announcements-messages';
import { useDeleteAnnouncement, useStaffAnnouncements } from '../api/announcements';
import { AnnouncementForm } from '../components/announcement-form';
import { StaffOnly } from '../components/staff-only';

type State = 'scheduled' | 'visible' | 'past';
const tones: Record<State, BadgeTone> = { scheduled: 'info', visible: 'success', past: 'neutral' };

/** Today in the browser's calendar (staff work in Germany, as the API's calendar does). */
const todayText = () => new Date().toLocaleDateString('en-CA');

function stateOf(announcement: TAdminAnnouncement): State {
  if (new Date(announcement.publishedAt).getTime() > Date.now()) return 'scheduled';
  if (announcement.visibleUntil && announcement.visibleUntil < todayText()) return 'past';
  return 'visible';
}

/** Mitteilungen: write and schedule announcements, preview them, withdraw them (support, admins). */
export function AnnouncementsPage() {
  const t = useMessages(announcementsMessages);
  const announcements = useStaffAnnouncements();
  const [editing, setEditing] = useState<TAdminAnnouncement | null>(null);
  const [saved, setSaved] = useState(false);
  const edit = (announcement: TAdminAnnouncement) => {
    setSaved(false);
    setEditing(announcement);
    // The form above the list takes the announcement: move there, for keyboard and screen readers.
    requestAnimationFrame(() => document.getElementById('announcement-create')?.focus());
  };
  return (
    <StaffOnly permission="announcements">
      <PageHeader title={t.title} description={t.intro} />
      {saved && <Alert tone="success">{t.saved}</Alert>}
      <AnnouncementForm
        key={editing?.id ?? 'new'}
        editing={editing ?? undefined}
        onDone={() => {
          setSaved(editing !== null);
          setEditing(null);
        }}
      />
      <section aria-labelledby="announcements-list" className="card">
        <h2 id="announcements-list">{t.listHeading}</h2>
        <PagedList query={announcements} empty={<EmptyState title={t.noAnnouncements} />} loadMoreLabel={t.loadMore}>
          {(items) => <AnnouncementTable items={items} onEdit={edit} />}
        </PagedList>
      </section>
    </StaffOnly>
  );
}

function AnnouncementTable({
  items,
  onEdit,
}: {
  items: TAdminAnnouncement[];
  onEdit: (announcement: TAdminAnnouncement) => void;
}) {
  const t = useMessages(announcementsMessages);
  const { language } = useLanguage();
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t.columnTitle}</th>
          <th scope="col">{t.columnFrom}</th>
          <th scope="col">{t.columnUntil}</th>
          <th scope="col">{t.columnAudience}</th>
          <th scope="col">{t.columnState}</th>
          <th scope="col">{t.columnActions}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((announcement) => {
          const state = stateOf(announcement);
          return (
            <tr key={announcement.id}>
              <td>
                {announcement.title[language]}
                <span className="muted small"> · {t[`severity_${announcement.severity}`]}</span>
              </td>
              <td>{formatDateTime(announcement.publishedAt, language)}</td>
              <td>{announcement.visibleUntil ? formatDate(announcement.visibleUntil, language) : t.open}</td>
              <td>
                {announcement.audienceCategory
                  ? t.audienceCategory(t[`category_${announcement.audienceCategory}`])
                  : t.audienceAll}
              </td>
              <td>
                <Badge tone={tones[state]}>{t[`state_${state}`]}</Badge>
              </td>
              <td>
                <div className="row-actions">
                  {state !== 'past' && (
                    <Button
                      variant="secondary"
                      aria-label={`${t.edit}: ${announcement.title[language]}`}
                      onClick={() => onEdit(announcement)}
                    >
                      {t.edit}
                    </Button>
                  )}
                  <WithdrawAction announcement={announcement} />
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function WithdrawAction({ announcement }: { announcement: TAdminAnnouncement }) {
  const t = useMessages(announcementsMessages);
  const texts = useErrorTexts();
  const { language } = useLanguage();
  const withdraw = useDeleteAnnouncement();
  const [asking, setAsking] = useState(false);
  const title = announcement.title[language];
  return (
    <>
      <Button variant="secondary" aria-label={`${t.withdraw}: ${title}`} onClick={() => setAsking(true)}>
        {t.withdraw}
      </Button>
      <ConfirmDialog
        open={asking}
        title={t.withdrawTitle(title)}
        confirmLabel={t.withdraw}
        cancelLabel={t.back}
        danger
        busy={withdraw.isPending}
        onCancel={() => setAsking(false)}
        onConfirm={() => withdraw.mutate(announcement.id, { onSuccess: () => setAsking(false) })}
      >
        <p>{t.withdrawText}</p>
        {withdraw.error && <p role="alert">{texts.problem(withdraw.error)}</p>}
      </ConfirmDialog>
    </>
  );
}
