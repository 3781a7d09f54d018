import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { type Resolver, useForm } from 'react-hook-form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Form, InputField } from '../../../components/ui/form';
import { LanguageSwitch } from '../../../components/ui/language-switch';
import { LegalLinks } from '../../../components/ui/legal-links';
import { paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-error';
import { useErrorTexts } from '../../../lib/form-errors';
import { useMessages } from '../../../lib/i18n';
import { setSiteName, usePageTitle } from '../../../lib/page-title';
import { loadLoginRequest, useLogin, usePasskeySignIn } from '../api/login';
import { type SecondFactorChallenge, SecondFactorForm } from '../components/second-factor-form';
import { authMessages } from '../messages';

/** Only paths inside the portal are followed after sign-in (no open redirect). */
export function safeNextPath(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : paths.overview;
}

type Credentials = { email: string; password: string };

/**
 * The contract's resolver arrives with the request module (and zod), fetched when someone
 * starts on the form, so the first load of this page stays small (ADR 0008).
 */
const lazyResolver: Resolver<Credentials> = async (values, context, options) =>
  (await loadLoginRequest()).loginResolver(values, context, options as never) as never;

export function LoginPage() {
  const t = useMessages(authMessages);
  const texts = useErrorTexts();
  const login = useLogin();
  const passkey = usePasskeySignIn();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const form = useForm<Credentials>({ resolver: lazyResolver, defaultValues: { email: '', password: '' } });
  const [challenge, setChallenge] = useState<SecondFactorChallenge | null>(null);
  const [restartMessage, setRestartMessage] = useState('');
  const next = search.get('next');
  const deleted = search.get('account') === 'deleted';
  usePageTitle(t.title);
  useProviderNameWhenIdle();
  const enter = useCallback(() => navigate(safeNextPath(next), { replace: true }), [navigate, next]);
  const restart = useCallback(
    (message: string) => {
      setChallenge(null);
      setRestartMessage(message);
      login.reset();
    },
    [login.reset],
  );

  const signIn = (body: Credentials) => {
    setRestartMessage('');
    passkey.reset();
    login.mutate(body, {
      onSuccess: (result) => {
        if ('mfaRequired' in result) setChallenge({ challengeToken: result.challengeToken, methods: result.methods });
        else void enter();
      },
    });
  };

  const signInWithPasskey = () => {
    setRestartMessage('');
    login.reset();
    passkey.mutate(undefined, { onSuccess: () => void enter() });
  };

  const error = login.error;
  const passkeyError = passkey.error;
  const message =
    error instanceof ApiError && error.status === 401
      ? t.wrongCredentials
      : error
        ? texts.problem(error)
        : passkeyError instanceof ApiError && passkeyError.status === 401
          ? t.passkeyUnknown
          : passkeyError instanceof ApiError
            ? texts.problem(passkeyError)
            : passkeyError
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
        <h1 tabIndex={-1}>{t.title}</h1>
        <p className="muted">{t.intro}</p>
        {deleted && !login.isError && (
          <Alert tone="success" title={t.accountDeletedTitle}>
            <p>{t.accountDeleted}</p>
          </Alert>
        )}
        {next && !deleted && !login.isError && <Alert tone="info">{t.sessionEnded}</Alert>}
        {message && <Alert tone="error">{message}</Alert>}
        {/* The request module (with zod) is fetched as soon as someone starts on the form. */}
        <Form form={form} onFocus={() => void loadLoginRequest()} onSubmit={signIn}>
          <InputField name="email" label={t.email} type="email" autoComplete="username" required />
          <InputField name="password" label={t.password} type="password" autoComplete="current-password" required />
          <Button type="submit" busy={login.isPending}>
            {t.submit}
          </Button>
        </Form>
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

/** The tab title names the provider; its request (and zod) waits until the page is idle. */
function useProviderNameWhenIdle() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const load = () =>
      void loadLoginRequest()
        .then(({ providerQueryOptions }) => queryClient.fetchQuery(providerQueryOptions()))
        .then((provider) => setSiteName(provider.name))
        .catch(() => undefined);
    if ('requestIdleCallback' in window) {
      const id = window.requestIdleCallback(load, { timeout: 3000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = setTimeout(load, 1000);
    return () => clearTimeout(id);
  }, [queryClient]);
}
