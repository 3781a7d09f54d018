import { useEffect } from 'react';
import { setSiteName } from '../../lib/page-title';
import { useProvider } from '../../lib/provider';
import { LanguageSwitch } from './language-switch';

/**
 * The letterhead of the public pages (§312k form, Impressum, privacy notice): who the provider
 * is, with its mark, and the language switch at the side rather than above the heading.
 */
export function PublicHeader() {
  const provider = useProvider();
  useEffect(() => {
    if (provider.data) setSiteName(provider.data.name);
  }, [provider.data]);
  return (
    <header className="public-header no-print">
      <div className="public-brand">
        <img src="/favicon.svg" alt="" width="36" height="36" />
        {provider.data && <span className="public-brand-name">{provider.data.name}</span>}
      </div>
      <LanguageSwitch label="Sprache / Language" />
    </header>
  );
}
