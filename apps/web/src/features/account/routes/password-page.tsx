import { ZPasswordChange } from '@portal/contracts';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Form, InputField } from '../../../components/ui/form';
import { applyServerErrors, useContractForm } from '../../../lib/form';
import { useMessages } from '../../../lib/i18n';
import { useChangePassword } from '../api/password';
import { NewPasswordFields } from '../components/new-password-fields';
import { withRepeatedPassword } from '../lib/new-password';
import { passwordMessages } from '../password-messages';

const schema = withRepeatedPassword(ZPasswordChange);

export function PasswordPage() {
  const t = useMessages(passwordMessages);
  const change = useChangePassword();
  const form = useContractForm(schema, {
    defaultValues: { currentPassword: '', newPassword: '', repeatPassword: '' },
  });
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">{t.heading}</h2>
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
