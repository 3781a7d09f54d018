import { type TProfile, ZProfileUpdate } from '@portal/contracts';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Form, InputField, SelectInput } from '../../../components/ui/form';
import { applyServerErrors, useContractForm } from '../../../lib/form';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useUpdateProfile } from '../api/profile';
import { countryOptions } from '../lib/countries';
import { accountMessages } from '../messages';
import { profileMessages } from '../profile-messages';

export function ProfileForm({ profile }: { profile: TProfile }) {
  const t = useMessages(profileMessages);
  const common = useMessages(accountMessages);
  const { language } = useLanguage();
  const update = useUpdateProfile();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useContractForm(ZProfileUpdate, {
    defaultValues: {
      name: profile.name,
      company: profile.company ?? '',
      address: {
        street: profile.address.street ?? '',
        postalCode: profile.address.postalCode ?? '',
        city: profile.address.city ?? '',
        country: profile.address.country ?? 'DE',
      },
      phone: profile.phone ?? '',
      vatId: profile.vatId ?? '',
      email: profile.email,
      currentPassword: '',
    },
  });

  return (
    <Form
      form={form}
      className="account-form"
      error={update.error}
      onSubmit={({ email, currentPassword, ...data }) => {
        // The address is sent (with the password) only when it changes: a new one starts the confirmation.
        const newEmail = email && email !== profile.email.toLowerCase() ? email : null;
        update.mutate(newEmail ? { ...data, email: newEmail, currentPassword: currentPassword ?? '' } : data, {
          onSuccess: () => setSentTo(newEmail),
          onError: (error) => applyServerErrors(form, error),
        });
      }}
    >
      {update.isSuccess && <Alert tone="success">{sentTo ? t.confirmationSent(sentTo) : common.saved}</Alert>}
      {profile.pendingEmail && !update.isSuccess && <Alert tone="info">{t.pending(profile.pendingEmail)}</Alert>}
      <dl className="account-facts">
        <dt>{t.customerNumber}</dt>
        <dd>{profile.customerNumber}</dd>
      </dl>
      <InputField name="name" label={t.name} errorName={t.nameShort} autoComplete="name" required maxLength={200} />
      <InputField
        name="company"
        label={`${t.company} (${t.optional})`}
        errorName={t.company}
        autoComplete="organization"
        maxLength={200}
      />
      <fieldset>
        <legend>{t.addressLegend}</legend>
        <InputField name="address.street" label={t.street} autoComplete="street-address" required maxLength={200} />
        <div className="form-row">
          <InputField
            name="address.postalCode"
            label={t.postalCode}
            errorName={t.postalCodeLong}
            autoComplete="postal-code"
            required
            maxLength={20}
          />
          <InputField name="address.city" label={t.city} autoComplete="address-level2" required maxLength={100} />
        </div>
        <SelectInput name="address.country" label={t.country} autoComplete="country">
          {countryOptions(language, profile.address.country).map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </SelectInput>
      </fieldset>
      <InputField
        name="phone"
        label={`${t.phone} (${t.optional})`}
        errorName={t.phone}
        type="tel"
        autoComplete="tel"
        maxLength={50}
      />
      <InputField
        name="vatId"
        label={`${t.vatId} (${t.optional})`}
        errorName={t.vatId}
        hint={t.vatIdHint}
        maxLength={20}
      />
      <fieldset>
        <legend>{t.emailLegend}</legend>
        <InputField name="email" label={t.email} type="email" autoComplete="email" hint={t.emailHint} maxLength={254} />
        <InputField
          name="currentPassword"
          label={t.currentPassword}
          errorName={t.currentPasswordShort}
          type="password"
          autoComplete="current-password"
        />
      </fieldset>
      <div>
        <Button type="submit" busy={update.isPending}>
          {common.save}
        </Button>
      </div>
    </Form>
  );
}
