import type { TAdminSecurityEvent } from '@portal/contracts';
import { Badge } from '../../../components/ui/badge';
import { PagedList } from '../../../components/ui/paged-list';
import { EmptyState } from '../../../components/ui/states';
import { useDeviceName } from '../../../lib/device-name';
import { formatDateTime } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { securityDetailsText, securityEventMessages } from '../../../lib/security-event-messages';
import { useCustomerSecurityLog } from '../api/customers';
import { customerMessages } from '../customer-messages';
import { backofficeMessages } from '../messages';

/**
 * The security log of everyone in a customer account, as support reads it when a customer asks
 * "who did that?". Changes by the provider's team name the team, not the owner they were told to.
 */
export function CustomerSecurityLog({ customerId }: { customerId: string }) {
  const t = useMessages(customerMessages);
  const tb = useMessages(backofficeMessages);
  const names = useMessages(securityEventMessages);
  const { language } = useLanguage();
  const deviceName = useDeviceName();
  const log = useCustomerSecurityLog(customerId);
  return (
    <section aria-labelledby="security-log-heading" className="card">
      <h2 id="security-log-heading">{t.securityLogHeading}</h2>
      <p className="muted">{t.securityLogIntro}</p>
      <PagedList query={log} empty={<EmptyState title={t.securityLogEmpty} />} loadMoreLabel={tb.loadMore}>
        {(items: TAdminSecurityEvent[]) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.columnTime}</th>
                <th scope="col">{t.columnEvent}</th>
                <th scope="col">{t.columnUser}</th>
                <th scope="col">{t.columnIpAddress}</th>
                <th scope="col">{t.columnBrowser}</th>
                <th scope="col">{t.columnDetails}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((event) => (
                <tr key={event.id}>
                  <td data-label={t.columnTime}>{formatDateTime(event.occurredAt, language)}</td>
                  <td data-label={t.columnEvent}>{names.eventName(event.type)}</td>
                  <td data-label={t.columnUser}>
                    {event.type === 'account.changed_by_provider' ? (
                      <>
                        <Badge tone="info">{t.byProvider}</Badge>{' '}
                        <span className="muted small">{t.inLogOf(event.user.name)}</span>
                      </>
                    ) : (
                      <>
                        {event.user.name} <span className="muted small">{event.user.email}</span>
                      </>
                    )}
                  </td>
                  <td data-label={t.columnIpAddress}>{event.ipAddress ?? t.notRecorded}</td>
                  <td data-label={t.columnBrowser} title={event.userAgent ?? undefined}>
                    {event.userAgent ? deviceName(event.userAgent) : t.notRecorded}
                  </td>
                  <td data-label={t.columnDetails}>{securityDetailsText(event.details) || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedList>
    </section>
  );
}
