import { ZBillingInterval } from '@portal/contracts';
import { InputField, SelectInput } from '../../../components/ui/form';
import { useMessages } from '../../../lib/i18n';
import { contractMessages } from '../contract-messages';

/** Price in euros, billing interval and the three terms: the same fields for booking and changing. */
export function ContractTermsFields() {
  const t = useMessages(contractMessages);
  return (
    <div className="backoffice-fields">
      <InputField name="price.amount" label={t.priceEuros} hint={t.priceHint} inputMode="decimal" required />
      <SelectInput name="price.interval" label={t.interval} required>
        {ZBillingInterval.options.map((interval) => (
          <option key={interval} value={interval}>
            {t[`interval_${interval}`]}
          </option>
        ))}
      </SelectInput>
      <InputField name="minimumTermMonths" label={t.minimumTermMonths} inputMode="numeric" required />
      <InputField name="noticePeriodMonths" label={t.noticePeriodMonths} inputMode="numeric" required />
      <InputField name="renewalMonths" label={t.renewalMonths} hint={t.renewalHint} inputMode="numeric" required />
    </div>
  );
}
