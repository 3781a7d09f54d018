import type { TImprint } from '@portal/contracts';
import type { ProviderIdentity } from '../../config';
import { providerContactOf } from '../provider/provider-contact';
import { escapeMarkdown as md, parseMarkdown } from './markdown';

/** §36 VSBG: whether the provider takes part in consumer arbitration (configuration decides). */
export type ConsumerArbitration = 'none' | 'universal';

const arbitration: Record<ConsumerArbitration, { de: string; en: string }> = {
  none: {
    de: 'Wir sind nicht bereit und nicht verpflichtet, an Streitbeilegungsverfahren vor einer Verbraucherschlichtungsstelle teilzunehmen (§ 36 VSBG).',
    en: 'We are neither willing nor obliged to take part in dispute resolution proceedings before a consumer arbitration board (§ 36 VSBG).',
  },
  universal: {
    de: 'Wir nehmen an Streitbeilegungsverfahren vor der Universalschlichtungsstelle des Bundes teil: Zentrum für Schlichtung e. V., Straßburger Straße 8, 77694 Kehl am Rhein, <https://www.verbraucher-schlichter.de>.',
    en: 'We take part in dispute resolution proceedings before the federal universal arbitration board: Zentrum für Schlichtung e. V., Straßburger Straße 8, 77694 Kehl am Rhein, Germany, <https://www.verbraucher-schlichter.de>.',
  },
};

function countryName(code: string, language: 'de' | 'en'): string {
  return new Intl.DisplayNames([language], { type: 'region', fallback: 'code' }).of(code) ?? code;
}

/** The Impressum (§5 DDG) from the provider's configuration, in German and English. */
export function buildImprint(provider: ProviderIdentity, consumerArbitration: ConsumerArbitration): TImprint {
  const address = (language: 'de' | 'en') =>
    [
      md(provider.name),
      md(provider.street),
      `${md(provider.postalCode)} ${md(provider.city)}`,
      md(countryName(provider.country, language)),
    ].join('\n');
  const email = `[${md(provider.email)}](mailto:${provider.email})`;
  const website = `<${provider.website}>`;

  const de = `# Impressum

## Angaben gemäß § 5 DDG
${address('de')}

## Vertreten durch
Geschäftsführung: ${md(provider.managingDirectors)}

## Kontakt
Telefon: ${md(provider.phone)}
E-Mail: ${email}
Web: ${website}

## Registereintrag
${md(provider.register)}

## Umsatzsteuer
Umsatzsteuer-Identifikationsnummer gemäß § 27a UStG: ${md(provider.vatId)}

## Verbraucherstreitbeilegung
${arbitration[consumerArbitration].de}
`;

  const en = `# Imprint

## Information pursuant to § 5 DDG (German Digital Services Act)
${address('en')}

## Represented by
Managing directors: ${md(provider.managingDirectors)}

## Contact
Phone: ${md(provider.phone)}
E-mail: ${email}
Web: ${website}

## Commercial register
${md(provider.register)}

## VAT
VAT identification number pursuant to § 27a UStG: ${md(provider.vatId)}

## Consumer dispute resolution
${arbitration[consumerArbitration].en}
`;

  return {
    provider: providerContactOf(provider),
    de: parseMarkdown(de, 'Impressum'),
    en: parseMarkdown(en, 'Imprint'),
  };
}
