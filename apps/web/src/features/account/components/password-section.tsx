import { ZPasswordChange } from '@portal/contracts';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Form, InputField } from '../../../components/ui/form';
import { applyServerErrors, useContractForm } from '../../../lib/form';
import { useMessages } from '../../../lib/i18n';
import { useChangePassword } from '../api/password';
import { withRepeatedPassword } from '../lib/new-password';
import { passwordMessages } from '../password-messages';
import { NewPasswordFields } from './new-password-fields';

const schema = withRepeatedPassword(ZPasswordChange);

/** Changing the password (Stammdaten › Sicherheit). */
export function PasswordSection() {
  const t = useMessages(passwordMessages);
  const change = useChangePassword();
  const form = useContractForm(schema, {
    defaultValues: { currentPassword: '', newPassword: '', repeatPassword: '' },
  });
  return (
    <section aria-labelledby="password-heading" className="security-section">
      <h3 id="password-heading">{t.heading}</h3>
      <p className="muted">{t.intro}</p>
      {change.isSuccess && <Alert tone="success">{t.changed}</Alert>}
      <Form
        form={form}
        className="account-form"
        error={change.error}
        onSubmit={({ currentPassword, newPassword }) =>
          change.mutate(
            { currentPassword, newPassword },
            { onSuccess: () => form.reset(), onError: (error) => applyServerErrors(form, error) },
          )
        }
      >
        <InputField
          name="currentPassword"
          label={t.currentPassword}
          type="password"
          autoComplete="current-password"
          required
        />
        <NewPasswordFields />
        <div>
          <Button type="submit" busy={change.isPending}>
            {t.submit}
          </Button>
        </div>
      </Form>
    </section>
  );
}
