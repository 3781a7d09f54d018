import { type TInvoiceSettings, ZInvoiceSettings } from '@portal/contracts';
import { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Form, InputField, RadioGroupInput } from '../../../components/ui/form';
import { applyServerErrors, useContractForm } from '../../../lib/form';
import { useMessages } from '../../../lib/i18n';
import { useSaveInvoiceSettings } from '../api/invoice-settings';
import { invoiceSettingsMessages } from '../invoice-settings-messages';
import { accountMessages } from '../messages';

const emptyToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

/** The contract's body; an empty text field means "none" (null), as the API stores it. */
const schema = ZInvoiceSettings.extend({
  invoiceEmail: z.preprocess(emptyToNull, ZInvoiceSettings.shape.invoiceEmail),
  leitwegId: z.preprocess(emptyToNull, ZInvoiceSettings.shape.leitwegId),
});

export function InvoiceSettingsForm({ settings }: { settings: TInvoiceSettings }) {
  const t = useMessages(invoiceSettingsMessages);
  const common = useMessages(accountMessages);
  const save = useSaveInvoiceSettings();
  const form = useContractForm(schema, {
    defaultValues: {
      delivery: settings.delivery,
      invoiceEmail: settings.invoiceEmail ?? '',
      leitwegId: settings.leitwegId ?? '',
      customerType: settings.customerType,
    },
  });
  return (
    <Form
      form={form}
      className="account-form"
      error={save.error}
      onSubmit={(body) => save.mutate(body, { onError: (error) => applyServerErrors(form, error) })}
    >
      {save.isSuccess && <Alert tone="success">{t.saved}</Alert>}
      <RadioGroupInput
        name="delivery"
        legend={t.delivery}
        options={[
          { value: 'email_pdf', label: t.deliveryPdf, hint: t.deliveryPdfHint },
          { value: 'email_pdf_xrechnung', label: t.deliveryXrechnung, hint: t.deliveryXrechnungHint },
          { value: 'portal', label: t.deliveryPortal, hint: t.deliveryPortalHint },
        ]}
      />
      <InputField
        name="invoiceEmail"
        label={t.invoiceEmail}
        errorName={t.invoiceEmailShort}
        type="email"
        autoComplete="email"
        maxLength={254}
        hint={t.invoiceEmailHint}
      />
      <InputField
        name="leitwegId"
        label={t.leitwegId}
        errorName={t.leitwegIdShort}
        maxLength={46}
        spellCheck={false}
        hint={t.leitwegIdHint}
      />
      <RadioGroupInput
        name="customerType"
        legend={t.customerType}
        options={[
          { value: 'business', label: t.business, hint: t.businessHint },
          { value: 'consumer', label: t.consumer, hint: t.consumerHint },
        ]}
      />
      <div>
        <Button type="submit" busy={save.isPending}>
          {common.save}
        </Button>
      </div>
    </Form>
  );
}
