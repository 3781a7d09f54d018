import { usePrivacyNotice } from '../api/get-legal-texts';
import { LegalPage } from './legal-page';

/** Datenschutzerklärung (Art. 13 GDPR), public. React Router imports `Component` from here. */
export function Component() {
  return <LegalPage query={usePrivacyNotice()} />;
}
