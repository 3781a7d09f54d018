import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { LanguageSwitch } from '../../../components/ui/language-switch';
import { LegalLinks } from '../../../components/ui/legal-links';
import { paths } from '../../../config/paths';
import { useMessages } from '../../../lib/i18n';
import { useConfirmPasswordReset, useRequestPasswordReset } from '../api/password';
import { NewPasswordFields, readNewPassword } from '../components/new-password-fields';
import { fieldError, formError } from '../lib/field-errors';
import { accountMessages } from '../messages';
import { passwordMessages } from '../password-messages';

/** "Passwort vergessen": without a token it asks for the address; with one it sets the password. */
export function ResetPasswordPage() {
  const [search] = useSearchParams();
  const token = search.get('token');
  const welcome = search.get('welcome') === '1';
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
  const common = useMessages(accountMessages);
  const request = useRequestPasswordReset();
  const [missing, setMissing] = useState<string>();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    setMissing(email ? undefined : common.required);
    if (email) request.mutate(email);
  };
  const problem = formError(request.error, common);
  return (
    <>
      <h1>{t.forgotTitle}</h1>
      <p className="muted">{t.forgotIntro}</p>
      {request.isSuccess && <Alert tone="success">{t.linkSent}</Alert>}
      {problem && <Alert tone="error">{problem}</Alert>}
      <form onSubmit={onSubmit} noValidate>
        <TextField
          label={t.email}
          name="email"
          type="email"
          autoComplete="username"
          required
          error={missing ?? fieldError(request.error, 'email', common)}
        />
        <Button type="submit" busy={request.isPending}>
          {t.sendLink}
        </Button>
      </form>
      <p>
        <Link to={paths.login}>{t.toLogin}</Link>
      </p>
    </>
  );
}

function SetPasswordForm({ token, welcome }: { token: string; welcome: boolean }) {
  const t = useMessages(passwordMessages);
  const common = useMessages(accountMessages);
  const confirm = useConfirmPasswordReset();
  const [repeatError, setRepeatError] = useState<string>();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readNewPassword(new FormData(event.currentTarget), t.mismatch);
    setRepeatError(read.repeatError);
    if (!read.repeatError) confirm.mutate({ token, newPassword: read.password });
  };
  const tokenError = fieldError(confirm.error, 'token', common);
  const problem = tokenError ?? formError(confirm.error, common);
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
      {problem && (
        <Alert tone="error">
          {problem} {tokenError && <Link to={paths.resetPassword}>{t.requestNewLink}</Link>}
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate>
        <NewPasswordFields error={fieldError(confirm.error, 'newPassword', common)} repeatError={repeatError} />
        <Button type="submit" busy={confirm.isPending}>
          {t.setPassword}
        </Button>
      </form>
    </>
  );
}
