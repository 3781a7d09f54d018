import { Alert } from '../../../components/ui/alert';
import { useMessages } from '../../../lib/i18n';
import { useMe } from '../../auth/api/get-me';
import { securityMessages } from '../security-messages';

/** Said above the security settings while an authenticator app is required and not set up. */
export function SecondFactorRequiredNotice() {
  const t = useMessages(securityMessages);
  const me = useMe();
  if (!me.data?.secondFactorSetupRequired) return null;
  return (
    <Alert tone="warning" title={t.setupRequiredTitle}>
      <p>{me.data.role === 'staff' ? t.setupRequiredStaff : t.setupRequired}</p>
    </Alert>
  );
}
