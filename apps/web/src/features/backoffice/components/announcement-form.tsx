import {
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
import { useCreateAnnouncement } from '../api/announcements';

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

/** Support writes an announcement in both languages, schedules it and sees it as customers will. */
export function AnnouncementForm() {
  const t = useMessages(announcementsMessages);
  const create = useCreateAnnouncement();
  const form = useContractForm(schema, { defaultValues: blank as never });
  const draft = form.watch() as unknown as Draft;
  return (
    <section aria-labelledby="announcement-create" className="card">
      <h2 id="announcement-create">{t.createHeading}</h2>
      {create.isSuccess && <Alert tone="success">{t.published}</Alert>}
      <Form
        form={form}
        error={create.error}
        onSubmit={(body) =>
          create.mutate(body, {
            onSuccess: () => form.reset(blank as never),
            onError: (error) => applyServerErrors(form, error),
          })
        }
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
          <Button type="submit" busy={create.isPending}>
            {t.publish}
          </Button>
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
