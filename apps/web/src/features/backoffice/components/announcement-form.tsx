import {
  type TAdminAnnouncement,
  type TAnnouncement,
  ZAnnouncementSeverity,
  ZCreateAnnouncementBody,
  ZProductCategory,
} from '@portal/contracts';
import { Alert } from '../../../components/ui/alert';
import { AnnouncementList } from '../../../components/ui/announcement-list';
import { Button } from '../../../components/ui/button';
import { Form, InputField, SelectInput, TextAreaInput } from '../../../components/ui/form';
import { applyServerErrors, useContractForm, withoutEmptyText } from '../../../lib/form';
import { useMessages } from '../../../lib/i18n';
import { announcementsMessages } from '../announcements-messages';
import { useCreateAnnouncement, useUpdateAnnouncement } from '../api/announcements';

const schema = withoutEmptyText(ZCreateAnnouncementBody);
const blank = {
  severity: 'info',
  title: { de: '', en: '' },
  body: { de: '', en: '' },
  visibleFrom: '',
  visibleUntil: '',
  audienceCategory: '',
};
type Draft = typeof blank;

/** The day an announcement starts, in the staff's (German) calendar, as a date field's value. */
const startDay = (publishedAt: string) =>
  new Date(publishedAt).toLocaleDateString('en-CA', { timeZone: 'Europe/Berlin' });

/** What the form shows of a stored announcement, to edit it. */
const draftOf = (announcement: TAdminAnnouncement): Draft => ({
  severity: announcement.severity,
  title: announcement.title,
  body: announcement.body,
  visibleFrom: startDay(announcement.publishedAt),
  visibleUntil: announcement.visibleUntil ?? '',
  audienceCategory: announcement.audienceCategory ?? '',
});

/**
 * Support writes an announcement in both languages, schedules it and sees it as customers will;
 * with `editing`, the same form edits a scheduled or shown one (`onDone` after saving or cancelling).
 */
export function AnnouncementForm({ editing, onDone }: { editing?: TAdminAnnouncement; onDone?: () => void }) {
  const t = useMessages(announcementsMessages);
  const create = useCreateAnnouncement();
  const update = useUpdateAnnouncement();
  const save = editing ? update : create;
  const defaults = editing ? draftOf(editing) : blank;
  const form = useContractForm(schema, { defaultValues: defaults as never });
  const draft = form.watch() as unknown as Draft;
  return (
    <section aria-labelledby="announcement-create" className="card">
      <h2 id="announcement-create" tabIndex={-1}>
        {editing ? t.editHeading(editing.title.de) : t.createHeading}
      </h2>
      {editing && <p className="muted">{t.editHint}</p>}
      {create.isSuccess && !editing && <Alert tone="success">{t.published}</Alert>}
      <Form
        form={form}
        error={save.error}
        problems={{ conflict: t.expired }}
        onSubmit={(body) => {
          const done = { onSuccess: () => (editing ? onDone?.() : form.reset(blank as never)) };
          const onError = (error: Error) => applyServerErrors(form, error);
          if (editing) update.mutate({ id: editing.id, ...body }, { ...done, onError });
          else create.mutate(body, { ...done, onError });
        }}
      >
        <div className="backoffice-fields">
          <SelectInput name="severity" label={t.severity} required>
            {ZAnnouncementSeverity.options.map((severity) => (
              <option key={severity} value={severity}>
                {t[`severity_${severity}`]}
              </option>
            ))}
          </SelectInput>
          <SelectInput name="audienceCategory" label={t.audience}>
            <option value="">{t.audienceAll}</option>
            {ZProductCategory.options.map((category) => (
              <option key={category} value={category}>
                {t.audienceCategory(t[`category_${category}`])}
              </option>
            ))}
          </SelectInput>
          <InputField name="visibleFrom" label={t.visibleFrom} hint={t.visibleFromHint} type="date" />
          <InputField name="visibleUntil" label={t.visibleUntil} hint={t.visibleUntilHint} type="date" />
        </div>
        <div className="backoffice-fields">
          <InputField name="title.de" label={t.titleDe} required maxLength={200} lang="de" />
          <InputField name="title.en" label={t.titleEn} required maxLength={200} lang="en" />
        </div>
        <div className="backoffice-fields">
          <TextAreaInput name="body.de" label={t.bodyDe} required maxLength={5000} rows={4} lang="de" />
          <TextAreaInput name="body.en" label={t.bodyEn} required maxLength={5000} rows={4} lang="en" />
        </div>
        <Preview draft={draft} />
        <div className="form-actions">
          <Button type="submit" busy={save.isPending}>
            {editing ? t.save : t.publish}
          </Button>
          {editing && (
            <Button variant="secondary" onClick={onDone}>
              {t.cancelEdit}
            </Button>
          )}
        </div>
      </Form>
    </section>
  );
}

/** The draft through the customers' own component, once in each language. */
function Preview({ draft }: { draft: Draft }) {
  const t = useMessages(announcementsMessages);
  const from = draft.visibleFrom ? new Date(`${draft.visibleFrom}T00:00:00`) : new Date();
  const announcement: TAnnouncement = {
    id: 'preview',
    severity: ZAnnouncementSeverity.catch('info').parse(draft.severity),
    title: draft.title,
    body: draft.body,
    publishedAt: Number.isNaN(from.getTime()) ? new Date().toISOString() : from.toISOString(),
    visibleUntil: draft.visibleUntil || null,
  };
  const written = draft.title.de || draft.title.en || draft.body.de || draft.body.en;
  return (
    <section aria-labelledby="announcement-preview" className="announcement-preview">
      <h3 id="announcement-preview">{t.previewHeading}</h3>
      {written ? (
        <div className="backoffice-fields">
          <div>
            <h4>{t.previewGerman}</h4>
            <AnnouncementList announcements={[announcement]} language="de" />
          </div>
          <div>
            <h4>{t.previewEnglish}</h4>
            <AnnouncementList announcements={[announcement]} language="en" />
          </div>
        </div>
      ) : (
        <p className="muted">{t.previewEmpty}</p>
      )}
    </section>
  );
}
