import type { TWebhookEndpoint } from '@portal/contracts';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { PagedList } from '../../../components/ui/paged-list';
import { EmptyState } from '../../../components/ui/states';
import { useErrorTexts } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import {
  useDeleteWebhookEndpoint,
  useResendWebhookDelivery,
  useWebhookDeliveries,
  useWebhookEndpoints,
} from '../api/webhooks';
import { webhookMessages } from '../webhook-messages';
import { WebhookEndpointForm } from './webhook-endpoint-form';

const statusTone = { pending: 'neutral', delivered: 'success', failed: 'danger' } as const;

function DeliveryLog({ endpoint }: { endpoint: TWebhookEndpoint }) {
  const t = useMessages(webhookMessages);
  const { language } = useLanguage();
  const deliveries = useWebhookDeliveries(endpoint.id);
  const resend = useResendWebhookDelivery();
  return (
    <section aria-label={t.logHeading(endpoint.url)}>
      {resend.isSuccess && <Alert tone="success">{t.resent}</Alert>}
      <PagedList query={deliveries} empty={<EmptyState title={t.noDeliveries} />} loadMoreLabel={t.loadMore}>
        {(items) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.colEvent}</th>
                <th scope="col">{t.colStatus}</th>
                <th scope="col">{t.colAttempts}</th>
                <th scope="col">{t.colCreated}</th>
                <th scope="col">{t.colActions}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((delivery) => (
                <tr key={delivery.id}>
                  <td data-label={t.colEvent}>{t[`event_${delivery.eventType}`]}</td>
                  <td data-label={t.colStatus}>
                    <Badge tone={statusTone[delivery.status]}>{t[`status_${delivery.status}`]}</Badge>
                  </td>
                  <td data-label={t.colAttempts}>{delivery.attempts}</td>
                  <td data-label={t.colCreated}>{formatDateTime(delivery.createdAt, language)}</td>
                  <td data-label={t.colActions}>
                    <Button
                      variant="secondary"
                      busy={resend.isPending && resend.variables?.deliveryId === delivery.id}
                      onClick={() => resend.mutate({ id: endpoint.id, deliveryId: delivery.id })}
                    >
                      {t.resend}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedList>
    </section>
  );
}

function EndpointItem({ endpoint }: { endpoint: TWebhookEndpoint }) {
  const t = useMessages(webhookMessages);
  const remove = useDeleteWebhookEndpoint();
  const [open, setOpen] = useState(false);
  return (
    <li className="webhook-endpoint">
      <p>
        <code>{endpoint.url}</code>
      </p>
      <p className="muted small">{endpoint.events.map((type) => t[`event_${type}`]).join(', ')}</p>
      <div className="webhook-actions">
        <Button variant="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t.hideLog : t.showLog}
        </Button>
        <Button
          variant="secondary"
          aria-label={t.removeLabel(endpoint.url)}
          busy={remove.isPending}
          onClick={() => remove.mutate(endpoint.id)}
        >
          {t.remove}
        </Button>
      </div>
      {open && <DeliveryLog endpoint={endpoint} />}
    </li>
  );
}

/** Stammdaten › API-Zugänge (owners): webhook receivers, the secret shown once, delivery logs with resend. */
export function WebhooksSection() {
  const t = useMessages(webhookMessages);
  const texts = useErrorTexts();
  const endpoints = useWebhookEndpoints();
  const remove = useDeleteWebhookEndpoint();
  const problem = remove.error ? texts.problem(remove.error) : null;
  return (
    <section aria-labelledby="webhooks-heading">
      <h3 id="webhooks-heading">{t.heading}</h3>
      <p className="muted">{t.intro}</p>
      <WebhookEndpointForm />
      <h4>{t.listHeading}</h4>
      {problem && <Alert tone="error">{problem}</Alert>}
      <PagedList query={endpoints} empty={<EmptyState title={t.none} />} loadMoreLabel={t.loadMore}>
        {(items) => (
          <ul className="webhook-endpoints">
            {items.map((endpoint) => (
              <EndpointItem key={endpoint.id} endpoint={endpoint} />
            ))}
          </ul>
        )}
      </PagedList>
    </section>
  );
}
