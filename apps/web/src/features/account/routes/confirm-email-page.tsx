import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { LegalLinks } from '../../../components/ui/legal-links';
import { LoadingState } from '../../../components/ui/states';
import { paths } from '../../../config/paths';
import { useMessages } from '../../../lib/i18n';
import { usePageTitle } from '../../../lib/page-title';
import { useConfirmEmail } from '../api/profile';
import { profileMessages } from '../profile-messages';

/** Opened from the e-mail sent to a new address; works signed in or not. */
export function ConfirmEmailPage() {
  const t = useMessages(profileMessages);
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const confirm = useConfirmEmail();
  usePageTitle(t.confirmTitle);
  const { mutate } = confirm;
  // The token works once: a second run of the effect (StrictMode) must not spend it again.
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (!token || sent.current === token) return;
    sent.current = token;
    mutate(token);
  }, [token, mutate]);
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <h1>{t.confirmTitle}</h1>
        {confirm.isPending && <LoadingState label={t.confirming} />}
        {confirm.isSuccess && <Alert tone="success">{t.confirmed}</Alert>}
        {(confirm.isError || !token) && <Alert tone="error">{t.confirmFailed}</Alert>}
        <p>
          <Link to={paths.login}>{t.toLogin}</Link>
        </p>
      </div>
      <LegalLinks />
    </main>
  );
}
