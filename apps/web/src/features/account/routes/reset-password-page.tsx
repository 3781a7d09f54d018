import { ZPasswordResetConfirm, ZPasswordResetRequest } from '@portal/contracts';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Form, InputField } from '../../../components/ui/form';
import { LanguageSwitch } from '../../../components/ui/language-switch';
import { LegalLinks } from '../../../components/ui/legal-links';
import { paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { applyServerErrors, useContractForm } from '../../../lib/form';
import { useMessages } from '../../../lib/i18n';
import { usePageTitle } from '../../../lib/page-title';
import { useConfirmPasswordReset, useRequestPasswordReset } from '../api/password';
import { NewPasswordFields } from '../components/new-password-fields';
import { withRepeatedPassword } from '../lib/new-password';
import { passwordMessages } from '../password-messages';

/** "Passwort vergessen": without a token it asks for the address; with one it sets the password. */
export function ResetPasswordPage() {
  const [search] = useSearchParams();
  const token = search.get('token');
  const welcome = search.get('welcome') === '1';
  const t = useMessages(passwordMessages);
  usePageTitle(token ? (welcome ? t.welcomeTitle : t.resetTitle) : t.forgotTitle);
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        {token ? <SetPasswordForm token={token} welcome={welcome} /> : <RequestLinkForm />}
      </div>
      <LanguageSwitch label="Sprache / Language" />
      <LegalLinks />
    </main>
  );
}

function RequestLinkForm() {
  const t = useMessages(passwordMessages);
  const request = useRequestPasswordReset();
  const form = useContractForm(ZPasswordResetRequest, { defaultValues: { email: '' } });
  return (
    <>
      <h1>{t.forgotTitle}</h1>
      <p className="muted">{t.forgotIntro}</p>
      {request.isSuccess && <Alert tone="success">{t.linkSent}</Alert>}
      <Form
        form={form}
        error={request.error}
        onSubmit={({ email }) => request.mutate(email, { onError: (error) => applyServerErrors(form, error) })}
      >
        <InputField name="email" label={t.email} type="email" autoComplete="username" required />
        <Button type="submit" busy={request.isPending}>
          {t.sendLink}
        </Button>
      </Form>
      <p>
        <Link to={paths.login}>{t.toLogin}</Link>
      </p>
    </>
  );
}

const setPasswordSchema = withRepeatedPassword(ZPasswordResetConfirm);

function SetPasswordForm({ token, welcome }: { token: string; welcome: boolean }) {
  const t = useMessages(passwordMessages);
  const confirm = useConfirmPasswordReset();
  const form = useContractForm(setPasswordSchema, { defaultValues: { token, newPassword: '', repeatPassword: '' } });
  // The token is no field: a used or expired link is said above the form, with a way on.
  const linkInvalid =
    confirm.error instanceof ApiError && confirm.error.problem.errors?.some((error) => error.path === 'token');
  if (confirm.isSuccess)
    return (
      <>
        <h1>{welcome ? t.welcomeTitle : t.resetTitle}</h1>
        <Alert tone="success">{t.resetDone}</Alert>
        <p>
          <Link to={paths.login}>{t.toLogin}</Link>
        </p>
      </>
    );
  return (
    <>
      <h1>{welcome ? t.welcomeTitle : t.resetTitle}</h1>
      <p className="muted">{t.resetIntro}</p>
      {linkInvalid && (
        <Alert tone="error">
          {t.linkInvalid} <Link to={paths.resetPassword}>{t.requestNewLink}</Link>
        </Alert>
      )}
      <Form
        form={form}
        error={linkInvalid ? undefined : confirm.error}
        onSubmit={({ newPassword }) =>
          confirm.mutate({ token, newPassword }, { onError: (error) => applyServerErrors(form, error) })
        }
      >
        <NewPasswordFields />
        <Button type="submit" busy={confirm.isPending}>
          {t.setPassword}
        </Button>
      </Form>
    </>
  );
}
