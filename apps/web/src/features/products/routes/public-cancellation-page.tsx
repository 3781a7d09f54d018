import { useState } from 'react';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../../components/ui/language-switch';
import { LegalLinks } from '../../../components/ui/legal-links';
import { paths } from '../../../config/paths';
import { useMessages } from '../../../lib/i18n';
import { cancellationMessages } from '../cancellation-messages';
import { PublicCancellationForm, type SubmittedDeclaration } from '../components/public-cancellation-form';
import { PublicCancellationReceipt } from '../components/public-cancellation-receipt';
import '../products.css';

/** Reachable without sign-in (§312k BGB): courts hold a login step in front of it unlawful. */
export function PublicCancellationPage() {
  const t = useMessages(cancellationMessages);
  const [submitted, setSubmitted] = useState<SubmittedDeclaration | null>(null);
  return (
    <main id="main" className="public-page">
      <div className="no-print">
        <LanguageSwitch label="Sprache / Language" />
      </div>
      <h1>{t.publicTitle}</h1>
      {submitted ? (
        <PublicCancellationReceipt declaration={submitted} />
      ) : (
        <>
          <p>{t.publicIntro}</p>
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
  );
}
