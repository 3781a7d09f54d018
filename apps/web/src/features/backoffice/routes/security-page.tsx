import { PageHeader } from '../../../components/ui/page-header';
import { useMessages } from '../../../lib/i18n';
import { PasskeysSection } from '../../account/components/passkeys-section';
import { PasswordSection } from '../../account/components/password-section';
import { SecondFactorRequiredNotice } from '../../account/components/second-factor-required-notice';
import { TotpSection } from '../../account/components/totp-section';
import { backofficeMessages } from '../messages';
import '../../account/account.css';

/** A staff member's own sign-in security: the same sections as the customers' Stammdaten › Sicherheit. */
export function BackofficeSecurityPage() {
  const t = useMessages(backofficeMessages);
  return (
    <div className="security-page">
      <PageHeader title={t.security} description={t.securityIntro} />
      <SecondFactorRequiredNotice />
      <PasswordSection />
      <TotpSection />
      <PasskeysSection />
    </div>
  );
}
