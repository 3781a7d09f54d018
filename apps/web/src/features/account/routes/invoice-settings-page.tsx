import { QueryState } from '../../../components/ui/states';
import { useMessages } from '../../../lib/i18n';
import { useInvoiceSettings } from '../api/invoice-settings';
import { InvoiceSettingsForm } from '../components/invoice-settings-form';
import { invoiceSettingsMessages } from '../invoice-settings-messages';

export function InvoiceSettingsPage() {
  const t = useMessages(invoiceSettingsMessages);
  const settings = useInvoiceSettings();
  return (
    <section aria-labelledby="invoice-settings-heading">
      <h2 id="invoice-settings-heading">{t.heading}</h2>
      <p className="muted">{t.intro}</p>
      <QueryState query={settings}>{(data) => <InvoiceSettingsForm settings={data} />}</QueryState>
    </section>
  );
}
