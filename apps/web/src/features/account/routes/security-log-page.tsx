import { PagedList } from '../../../components/ui/paged-list';
import { EmptyState } from '../../../components/ui/states';
import { useDeviceName } from '../../../lib/device-name';
import { formatDateTime } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { securityDetailsText, securityEventMessages } from '../../../lib/security-event-messages';
import { useSecurityEvents } from '../api/security-events';
import { securityLogMessages } from '../security-log-messages';

export function SecurityLogPage() {
  const t = useMessages(securityLogMessages);
  const names = useMessages(securityEventMessages);
  const { language } = useLanguage();
  const events = useSecurityEvents();
  const deviceName = useDeviceName();
  return (
    <section aria-labelledby="security-log-heading">
      <h2 id="security-log-heading">{t.heading}</h2>
      <p className="muted">{t.intro}</p>
      <PagedList query={events} empty={<EmptyState title={t.empty} />} loadMoreLabel={t.loadMore}>
        {(items) => (
          <>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t.time}</th>
                  <th scope="col">{t.event}</th>
                  <th scope="col">{t.ipAddress}</th>
                  <th scope="col">{t.device}</th>
                  <th scope="col">{t.details}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((event) => (
                  <tr key={event.id}>
                    <td data-label={t.time}>{formatDateTime(event.occurredAt, language)}</td>
                    <td data-label={t.event}>{names.eventName(event.type)}</td>
                    <td data-label={t.ipAddress}>{event.ipAddress ?? '–'}</td>
                    <td data-label={t.device} title={event.userAgent ?? undefined}>
                      {event.userAgent ? deviceName(event.userAgent) : '–'}
                    </td>
                    <td data-label={t.details}>{securityDetailsText(event.details, { omit: ['action'] }) || '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </PagedList>
    </section>
  );
}
