import { type FormEvent, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { useMessages } from '../../../lib/i18n';
import { useChangePassword } from '../api/password';
import { NewPasswordFields, readNewPassword } from '../components/new-password-fields';
import { fieldError, formError } from '../lib/field-errors';
import { accountMessages } from '../messages';
import { passwordMessages } from '../password-messages';

/** Changing the password (Stammdaten › Sicherheit). */
export function PasswordSection() {
  const t = useMessages(passwordMessages);
  const common = useMessages(accountMessages);
  const change = useChangePassword();
  const [local, setLocal] = useState<{ current?: string; repeat?: string }>({});
  const [formKey, setFormKey] = useState(0);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const currentPassword = String(form.get('currentPassword') ?? '');
    const { password, repeatError } = readNewPassword(form, t.mismatch);
    const found = {
      ...(currentPassword ? {} : { current: common.required }),
      ...(repeatError ? { repeat: repeatError } : {}),
    };
    setLocal(found);
    if (Object.keys(found).length > 0) return;
    change.mutate({ currentPassword, newPassword: password }, { onSuccess: () => setFormKey((key) => key + 1) });
  };

  const problem = formError(change.error, common);
  return (
    <section aria-labelledby="password-heading" className="security-section">
      <h3 id="password-heading">{t.heading}</h3>
      <p className="muted">{t.intro}</p>
      {change.isSuccess && <Alert tone="success">{t.changed}</Alert>}
      {problem && <Alert tone="error">{problem}</Alert>}
      <form key={formKey} className="account-form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t.currentPassword}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={local.current ?? fieldError(change.error, 'currentPassword', common)}
        />
        <NewPasswordFields error={fieldError(change.error, 'newPassword', common)} repeatError={local.repeat} />
        <div>
          <Button type="submit" busy={change.isPending}>
            {t.submit}
          </Button>
        </div>
      </form>
    </section>
  );
}
