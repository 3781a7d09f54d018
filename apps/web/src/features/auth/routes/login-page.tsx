import { type FormEvent, useCallback, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { LanguageSwitch } from '../../../components/ui/language-switch';
import { LegalLinks } from '../../../components/ui/legal-links';
import { paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-error';
import { useMessages } from '../../../lib/i18n';
import { loadLoginRequest, useLogin, usePasskeySignIn } from '../api/login';
import { type SecondFactorChallenge, SecondFactorForm } from '../components/second-factor-form';
import { authMessages } from '../messages';

/** Only paths inside the portal are followed after sign-in (no open redirect). */
export function safeNextPath(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : paths.overview;
}

export function LoginPage() {
  const t = useMessages(authMessages);
  const login = useLogin();
  const passkey = usePasskeySignIn();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [challenge, setChallenge] = useState<SecondFactorChallenge | null>(null);
  const [restartMessage, setRestartMessage] = useState('');
  const next = search.get('next');
  const enter = useCallback(() => navigate(safeNextPath(next), { replace: true }), [navigate, next]);
  const restart = useCallback(
    (message: string) => {
      setChallenge(null);
      setRestartMessage(message);
      login.reset();
    },
    [login.reset],
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const errors = {
      ...(email ? {} : { email: t.emailRequired }),
      ...(password ? {} : { password: t.passwordRequired }),
    };
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setRestartMessage('');
    passkey.reset();
    login.mutate(
      { email, password },
      {
        onSuccess: (result) => {
          if ('mfaRequired' in result) setChallenge({ challengeToken: result.challengeToken, methods: result.methods });
          else void enter();
        },
      },
    );
  };

  const signInWithPasskey = () => {
    setRestartMessage('');
    login.reset();
    passkey.mutate(undefined, { onSuccess: () => void enter() });
  };

  const error = login.error;
  const message =
    error instanceof ApiError
      ? error.status === 401
        ? t.wrongCredentials
        : error.status === 429
          ? t.throttled
          : error.message
      : error
        ? String(error.message)
        : passkey.error instanceof ApiError
          ? passkey.error.status === 401
            ? t.passkeyUnknown
            : passkey.error.status === 429
              ? t.throttled
              : t.failed
          : passkey.error
            ? t.passkeyFailed
            : restartMessage || null;

  if (challenge) {
    return (
      <main id="main" className="auth-page">
        <div className="auth-card">
          <img src="/favicon.svg" alt="" width="40" height="40" />
          <SecondFactorForm challenge={challenge} onSignedIn={() => void enter()} onRestart={restart} />
          <LanguageSwitch label="Sprache / Language" />
          <LegalLinks />
        </div>
      </main>
    );
  }

  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <img src="/favicon.svg" alt="" width="40" height="40" />
        <h1>{t.title}</h1>
        <p className="muted">{t.intro}</p>
        {next && !login.isError && <Alert tone="info">{t.sessionEnded}</Alert>}
        {message && <Alert tone="error">{message}</Alert>}
        {/* The request module (with zod) is fetched as soon as someone starts on the form. */}
        <form onSubmit={onSubmit} onFocus={() => void loadLoginRequest()} noValidate>
          <TextField
            label={t.email}
            name="email"
            type="email"
            autoComplete="username"
            required
            error={fieldErrors.email ?? (error instanceof ApiError ? error.fieldError('email') : undefined)}
          />
          <TextField
            label={t.password}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            error={fieldErrors.password}
          />
          <Button type="submit" busy={login.isPending}>
            {t.submit}
          </Button>
        </form>
        <p className="auth-divider">{t.or}</p>
        <Button variant="secondary" busy={passkey.isPending} onClick={signInWithPasskey}>
          {t.passkeySignIn}
        </Button>
        <p>
          <Link to={paths.resetPassword}>{t.forgotPassword}</Link>
        </p>
        {/* §312k BGB: the cancellation button leads straight to the form, with no sign-in in front. */}
        <Link className="btn btn-secondary" to={paths.publicCancellation}>
          {t.cancelContracts}
        </Link>
        <LanguageSwitch label="Sprache / Language" />
        <LegalLinks />
      </div>
    </main>
  );
}
