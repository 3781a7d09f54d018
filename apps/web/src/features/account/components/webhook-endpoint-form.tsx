import { webhookEventTypes, ZWebhookEndpointCreate } from '@portal/contracts';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CheckboxGroupInput, Form, InputField } from '../../../components/ui/form';
import { applyServerErrors, useContractForm } from '../../../lib/form';
import { useMessages } from '../../../lib/i18n';
import { useCreateWebhookEndpoint } from '../api/webhooks';
import { webhookMessages } from '../webhook-messages';

export function WebhookEndpointForm() {
  const t = useMessages(webhookMessages);
  const create = useCreateWebhookEndpoint();
  const form = useContractForm(ZWebhookEndpointCreate, {
    defaultValues: { url: '', events: [...webhookEventTypes] },
  });
  return (
    <Form
      form={form}
      className="account-form"
      error={create.error}
      onSubmit={(body) =>
        create.mutate(body, {
          onSuccess: () => form.reset(),
          onError: (error) => applyServerErrors(form, error),
        })
      }
    >
      <h4>{t.newHeading}</h4>
      {create.data && (
        <Alert tone="success" title={t.secretTitle}>
          <p>{t.secretHint}</p>
          <code className="webhook-secret">{create.data.secret}</code>
        </Alert>
      )}
      <InputField
        name="url"
        label={t.url}
        errorName={t.urlShort}
        type="url"
        inputMode="url"
        spellCheck={false}
        hint={t.urlHint}
      />
      <CheckboxGroupInput
        name="events"
        legend={t.events}
        options={webhookEventTypes.map((type) => ({ value: type, label: t[`event_${type}`] }))}
      />
      <div>
        <Button type="submit" busy={create.isPending}>
          {t.create}
        </Button>
      </div>
    </Form>
  );
}
