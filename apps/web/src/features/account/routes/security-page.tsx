import { Alert } from '../../../components/ui/alert';
import { useMessages } from '../../../lib/i18n';
import { useMe } from '../../auth/api/get-me';
import { PasskeysSection } from '../components/passkeys-section';
import { PasswordSection } from '../components/password-section';
import { TotpSection } from '../components/totp-section';
import { securityMessages } from '../security-messages';

/** Stammdaten › Sicherheit: password, authenticator app with recovery codes, passkeys. */
export function SecurityPage() {
  const t = useMessages(securityMessages);
  const me = useMe();
  return (
    <div className="security-page">
      <h2>{t.heading}</h2>
      <p className="muted">{t.intro}</p>
      {me.data?.secondFactorSetupRequired && (
        <Alert tone="warning" title={t.setupRequiredTitle}>
          <p>{t.setupRequired}</p>
        </Alert>
      )}
      <PasswordSection />
      <TotpSection />
      <PasskeysSection />
    </div>
  );
}
