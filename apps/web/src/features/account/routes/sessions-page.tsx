import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { useDeviceName } from '../../../lib/device-name';
import { useErrorTexts } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useEndSession, useSessions } from '../api/sessions';
import { dataMessages } from '../data-messages';

export function SessionsPage() {
  const t = useMessages(dataMessages);
  const texts = useErrorTexts();
  const { language } = useLanguage();
  const sessions = useSessions();
  const end = useEndSession();
  const deviceName = useDeviceName();
  const problem = end.error ? texts.problem(end.error) : null;
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t.sessionsHeading}</h2>
      <p className="muted">{t.sessionsIntro}</p>
      {problem && <Alert tone="error">{problem}</Alert>}
      <QueryState
        query={sessions}
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState title={t.noSessions} />}
      >
        {(data) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.device}</th>
                <th scope="col">{t.ipAddress}</th>
                <th scope="col">{t.signedInAt}</th>
                <th scope="col">{t.lastSeen}</th>
                <th scope="col">{t.actions}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((session) => {
                const device = deviceName(session.userAgent);
                return (
                  <tr key={session.id}>
                    <td data-label={t.device} title={session.userAgent ?? undefined}>
                      {device}
                    </td>
                    <td data-label={t.ipAddress}>{session.ipAddress ?? '–'}</td>
                    <td data-label={t.signedInAt}>{formatDateTime(session.createdAt, language)}</td>
                    <td data-label={t.lastSeen}>{formatDateTime(session.lastSeenAt, language)}</td>
                    <td data-label={t.actions}>
                      {session.current ? (
                        <Badge tone="info">{t.thisSession}</Badge>
                      ) : (
                        <Button
                          variant="secondary"
                          aria-label={t.endLabel(device)}
                          busy={end.isPending && end.variables === session.id}
                          onClick={() => end.mutate(session.id)}
                        >
                          {t.end}
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </QueryState>
    </section>
  );
}
