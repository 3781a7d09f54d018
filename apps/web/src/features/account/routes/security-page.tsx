import { useMessages } from '../../../lib/i18n';
import { PasskeysSection } from '../components/passkeys-section';
import { PasswordSection } from '../components/password-section';
import { SecondFactorRequiredNotice } from '../components/second-factor-required-notice';
import { TotpSection } from '../components/totp-section';
import { securityMessages } from '../security-messages';

/** Stammdaten › Sicherheit: password, authenticator app with recovery codes, passkeys. */
export function SecurityPage() {
  const t = useMessages(securityMessages);
  return (
    <div className="security-page">
      <h2>{t.heading}</h2>
      <p className="muted">{t.intro}</p>
      <SecondFactorRequiredNotice />
      <PasswordSection />
      <TotpSection />
      <PasskeysSection />
    </div>
  );
}
