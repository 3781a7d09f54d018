import type { TLegalText } from '@portal/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router';
import { LegalLinks } from '../../../components/ui/legal-links';
import { PublicHeader } from '../../../components/ui/public-header';
import { QueryState } from '../../../components/ui/states';
import { paths } from '../../../config/paths';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { usePageTitle } from '../../../lib/page-title';
import { LegalDocument } from '../components/legal-document';
import { legalMessages } from '../messages';
import '../legal.css';

/** The frame of both public legal pages: reachable without sign-in, from every page and e-mail. */
export function LegalPage<T extends { de: TLegalText; en: TLegalText }>({ query }: { query: UseQueryResult<T> }) {
  const t = useMessages(legalMessages);
  const { language } = useLanguage();
  usePageTitle(query.data?.[language].title);
  return (
    <div className="public-shell">
      <PublicHeader />
      <main id="main" className="public-page legal-page">
        <QueryState query={query}>
          {(data) => {
            const text = data[language];
            // A provider's own notice may exist in German only: English readers are told so.
            const untranslated = language === 'en' && JSON.stringify(data.en) === JSON.stringify(data.de);
            return (
              <>
                {untranslated && <p className="muted">{t.germanOnly}</p>}
                <LegalDocument text={text} />
              </>
            );
          }}
        </QueryState>
        <footer className="legal-page-footer">
          <Link to={paths.login}>{t.toPortal}</Link>
          <Link to={paths.publicCancellation}>{t.cancelContracts}</Link>
          <LegalLinks />
        </footer>
      </main>
    </div>
  );
}
