import { useMessages } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import { apiTokenMessages } from '../api-token-messages';
import { ApiTokensSection } from '../components/api-tokens-section';
import { WebhooksSection } from '../components/webhooks-section';

/** Stammdaten › API-Zugänge: personal API tokens for every member, webhooks for owners. */
export function ApiAccessPage() {
  const t = useMessages(apiTokenMessages);
  const can = useCan();
  return (
    <div className="api-access-page">
      <h2>{t.heading}</h2>
      <p className="muted">{t.intro}</p>
      <ApiTokensSection />
      {can('integrations:manage') && <WebhooksSection />}
    </div>
  );
}
