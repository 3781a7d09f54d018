import type { TAuditEvent } from '@portal/contracts';
import { PageHeader } from '../../../components/ui/page-header';
import { PagedList } from '../../../components/ui/paged-list';
import { EmptyState } from '../../../components/ui/states';
import { formatDateTime } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useAuditLog } from '../api/staff';
import { StaffOnly } from '../components/staff-only';
import { backofficeMessages } from '../messages';

/** `{"staffRole":"support"}` → `staffRole: support`: before and after as staff read them. */
const describe = (values: Record<string, unknown> | null) =>
  values
    ? Object.entries(values)
        .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
        .join(', ')
    : '';

/** Admins: every change staff made, newest first. */
export function AuditLogPage() {
  const t = useMessages(backofficeMessages);
  return (
    <StaffOnly permission="audit">
      <PageHeader title={t.auditTitle} description={t.auditIntro} />
      <AuditTable />
    </StaffOnly>
  );
}

function AuditTable() {
  const t = useMessages(backofficeMessages);
  const { language } = useLanguage();
  const log = useAuditLog();
  return (
    <PagedList query={log} empty={<EmptyState title={t.noEvents} />} loadMoreLabel={t.loadMore}>
      {(items: TAuditEvent[]) => (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t.columnWhen}</th>
              <th scope="col">{t.columnWho}</th>
              <th scope="col">{t.columnAction}</th>
              <th scope="col">{t.columnObject}</th>
              <th scope="col">{t.columnChange}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((event) => (
              <tr key={event.id}>
                <td>{formatDateTime(event.occurredAt, language)}</td>
                <td>{event.staff.name ?? event.staff.id}</td>
                <td>
                  <code>{event.action}</code>
                </td>
                <td className="small">{event.subjectId}</td>
                <td className="small">
                  {event.before && <span className="muted">{describe(event.before)} → </span>}
                  {describe(event.after)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PagedList>
  );
}
