import { Button } from '../../../components/ui/button';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { formatDateTime } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useSecurityEvents } from '../api/security-events';
import { useDeviceName } from '../lib/device-name';
import { securityLogMessages } from '../security-log-messages';

/** Details as plain text (never markup): `key: value` pairs as the API sends them. */
function detailsText(details: Record<string, string | number | boolean | null>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ');
}

export function SecurityLogPage() {
  const t = useMessages(securityLogMessages);
  const { language } = useLanguage();
  const events = useSecurityEvents();
  const deviceName = useDeviceName();
  return (
    <section aria-labelledby="security-log-heading">
      <h2 id="security-log-heading">{t.heading}</h2>
      <p className="muted">{t.intro}</p>
      <QueryState
        query={events}
        isEmpty={(data) => data.pages.every((page) => page.items.length === 0)}
        empty={<EmptyState title={t.empty} />}
      >
        {(data) => (
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
                {data.pages
                  .flatMap((page) => page.items)
                  .map((event) => (
                    <tr key={event.id}>
                      <td data-label={t.time}>{formatDateTime(event.occurredAt, language)}</td>
                      <td data-label={t.event}>{t.eventName(event.type)}</td>
                      <td data-label={t.ipAddress}>{event.ipAddress ?? '–'}</td>
                      <td data-label={t.device} title={event.userAgent ?? undefined}>
                        {event.userAgent ? deviceName(event.userAgent) : '–'}
                      </td>
                      <td data-label={t.details}>{detailsText(event.details) || '–'}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
            {events.hasNextPage && (
              <Button variant="secondary" busy={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
                {t.loadMore}
              </Button>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
