import { type TWebhookEventType, webhookEventTypes, ZWebhookEndpointCreate } from '@portal/contracts';
import { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CheckboxInput, Form, InputField } from '../../../components/ui/form';
import { applyServerErrors, useContractForm } from '../../../lib/form';
import { useMessages } from '../../../lib/i18n';
import { useCreateWebhookEndpoint } from '../api/webhooks';
import { webhookMessages } from '../webhook-messages';

/** Form field names cannot hold dots (they mean nesting): `invoice.paid` → `invoice_paid`. */
const fieldOf = (type: TWebhookEventType) => type.replace('.', '_');

/** The contract's body, with one checkbox per event. */
const schema = z
  .object({
    url: ZWebhookEndpointCreate.shape.url,
    events: z.object(Object.fromEntries(webhookEventTypes.map((type) => [fieldOf(type), z.boolean()]))),
  })
  .transform(({ url, events }) => ({ url, events: webhookEventTypes.filter((type) => events[fieldOf(type)]) }))
  .pipe(ZWebhookEndpointCreate);

export function WebhookEndpointForm() {
  const t = useMessages(webhookMessages);
  const create = useCreateWebhookEndpoint();
  const form = useContractForm(schema, {
    defaultValues: {
      url: '',
      events: Object.fromEntries(webhookEventTypes.map((type) => [fieldOf(type), true])),
    },
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
      <h3>{t.newHeading}</h3>
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
      <fieldset>
        <legend>{t.events}</legend>
        {webhookEventTypes.map((type) => (
          <CheckboxInput key={type} name={`events.${fieldOf(type)}`} label={t[`event_${type}`]} />
        ))}
      </fieldset>
      <div>
        <Button type="submit" busy={create.isPending}>
          {t.create}
        </Button>
      </div>
    </Form>
  );
}
