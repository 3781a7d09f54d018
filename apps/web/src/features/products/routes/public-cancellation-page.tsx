import { useState } from 'react';
import { Link } from 'react-router';
import { LegalLinks } from '../../../components/ui/legal-links';
import { PublicHeader } from '../../../components/ui/public-header';
import { paths } from '../../../config/paths';
import { useMessages } from '../../../lib/i18n';
import { usePageTitle } from '../../../lib/page-title';
import { useProvider } from '../../../lib/provider';
import { cancellationMessages } from '../cancellation-messages';
import { PublicCancellationForm, type SubmittedDeclaration } from '../components/public-cancellation-form';
import { PublicCancellationReceipt } from '../components/public-cancellation-receipt';
import '../products.css';

/** Reachable without sign-in (§312k BGB): courts hold a login step in front of it unlawful. */
export function PublicCancellationPage() {
  const t = useMessages(cancellationMessages);
  const provider = useProvider();
  const [submitted, setSubmitted] = useState<SubmittedDeclaration | null>(null);
  usePageTitle(t.publicTitle);
  return (
    <div className="public-shell">
      <PublicHeader />
      <main id="main" className="public-page">
        <h1>{t.publicTitle}</h1>
        {submitted ? (
          <PublicCancellationReceipt declaration={submitted} />
        ) : (
          <>
            <p>{t.publicIntro}</p>
            {provider.data && (
              <p className="muted">
                {t.contractPartner(
                  provider.data.name,
                  `${provider.data.address.street}, ${provider.data.address.postalCode} ${provider.data.address.city}`,
                )}
              </p>
            )}
            <PublicCancellationForm onSubmitted={setSubmitted} />
          </>
        )}
        <p className="no-print">
          <Link to={paths.login}>{t.toLogin}</Link>
        </p>
        <footer className="no-print">
          <LegalLinks />
        </footer>
      </main>
    </div>
  );
}
