import { useImprint } from '../api/get-legal-texts';
import { LegalPage } from './legal-page';

/** Impressum (§5 DDG), public. React Router imports `Component` from here. */
export function Component() {
  return <LegalPage query={useImprint()} />;
}
