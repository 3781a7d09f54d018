import type { TProfile } from '@portal/contracts';
import { type FormEvent, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { SelectField, TextField } from '../../../components/ui/field';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useUpdateProfile } from '../api/profile';
import { countryOptions } from '../lib/countries';
import { fieldError, formError } from '../lib/field-errors';
import { accountMessages } from '../messages';
import { profileMessages } from '../profile-messages';

type Field = 'name' | 'address.street' | 'address.postalCode' | 'address.city';

export function ProfileForm({ profile }: { profile: TProfile }) {
  const t = useMessages(profileMessages);
  const common = useMessages(accountMessages);
  const { language } = useLanguage();
  const update = useUpdateProfile();
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});
  const [sentTo, setSentTo] = useState<string | null>(null);
  const error = (path: string) => missing[path as Field] ?? fieldError(update.error, path, common);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    const required: Field[] = ['name', 'address.street', 'address.postalCode', 'address.city'];
    const found = Object.fromEntries(required.filter((name) => !value(name)).map((name) => [name, common.required]));
    setMissing(found);
    if (Object.keys(found).length > 0) return;
    const email = value('email').toLowerCase();
    const emailChanges = email !== profile.email.toLowerCase();
    update.mutate(
      {
        name: value('name'),
        company: value('company'),
        address: {
          street: value('address.street'),
          postalCode: value('address.postalCode'),
          city: value('address.city'),
          country: value('address.country'),
        },
        phone: value('phone'),
        vatId: value('vatId'),
        ...(emailChanges ? { email, currentPassword: String(form.get('currentPassword') ?? '') } : {}),
      },
      { onSuccess: () => setSentTo(emailChanges ? email : null) },
    );
  };

  const problem = formError(update.error, common);
  return (
    <form className="account-form" onSubmit={onSubmit} noValidate>
      {update.isSuccess && <Alert tone="success">{sentTo ? t.confirmationSent(sentTo) : common.saved}</Alert>}
      {problem && <Alert tone="error">{problem}</Alert>}
      {profile.pendingEmail && !update.isSuccess && <Alert tone="info">{t.pending(profile.pendingEmail)}</Alert>}
      <dl className="account-facts">
        <dt>{t.customerNumber}</dt>
        <dd>{profile.customerNumber}</dd>
      </dl>
      <TextField
        label={t.name}
        name="name"
        autoComplete="name"
        defaultValue={profile.name}
        required
        maxLength={200}
        error={error('name')}
      />
      <TextField
        label={`${t.company} (${t.optional})`}
        name="company"
        autoComplete="organization"
        defaultValue={profile.company ?? ''}
        maxLength={200}
        error={error('company')}
      />
      <fieldset>
        <legend>{t.addressLegend}</legend>
        <TextField
          label={t.street}
          name="address.street"
          autoComplete="street-address"
          defaultValue={profile.address.street ?? ''}
          required
          maxLength={200}
          error={error('address.street')}
        />
        <div className="form-row">
          <TextField
            label={t.postalCode}
            name="address.postalCode"
            autoComplete="postal-code"
            defaultValue={profile.address.postalCode ?? ''}
            required
            maxLength={20}
            error={error('address.postalCode')}
          />
          <TextField
            label={t.city}
            name="address.city"
            autoComplete="address-level2"
            defaultValue={profile.address.city ?? ''}
            required
            maxLength={100}
            error={error('address.city')}
          />
        </div>
        <SelectField
          label={t.country}
          name="address.country"
          autoComplete="country"
          defaultValue={profile.address.country ?? 'DE'}
          error={error('address.country')}
        >
          {countryOptions(language, profile.address.country).map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </SelectField>
      </fieldset>
      <TextField
        label={`${t.phone} (${t.optional})`}
        name="phone"
        type="tel"
        autoComplete="tel"
        defaultValue={profile.phone ?? ''}
        maxLength={50}
        error={error('phone')}
      />
      <TextField
        label={`${t.vatId} (${t.optional})`}
        name="vatId"
        hint={t.vatIdHint}
        defaultValue={profile.vatId ?? ''}
        maxLength={20}
        error={error('vatId')}
      />
      <fieldset>
        <legend>{t.emailLegend}</legend>
        <TextField
          label={t.email}
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={profile.email}
          hint={t.emailHint}
          maxLength={254}
          error={error('email')}
        />
        <TextField
          label={t.currentPassword}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          error={error('currentPassword')}
        />
      </fieldset>
      <div>
        <Button type="submit" busy={update.isPending}>
          {common.save}
        </Button>
      </div>
    </form>
  );
}
