import { Link } from 'react-router';
import { paths } from '../../config/paths';
import { useMessages } from '../../lib/i18n';
import { uiMessages } from './messages';

/** Impressum (§5 DDG) and privacy notice (Art. 13 GDPR): linked from every page, signed in or not. */
export function LegalLinks() {
  const t = useMessages(uiMessages);
  return (
    <nav className="legal-links" aria-label={t.legalNavigation}>
      <Link to={paths.imprint}>{t.imprint}</Link>
      <Link to={paths.privacy}>{t.privacy}</Link>
    </nav>
  );
}
