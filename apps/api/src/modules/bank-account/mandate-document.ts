import type { ProviderIdentity } from '../../config';
import type { CustomerRow, SepaMandateRow } from '../../db/schema/index';
import { html, rawHtml, type SafeHtml } from '../../lib/html';

const dateTime = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' });

/** IBAN in groups of four, as printed on paper. */
function groupIban(iban: string): string {
  return iban.replace(/(.{4})/g, '$1 ').trim();
}

const styles = rawHtml(`
  body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10.5pt; color: #111; margin: 0; }
  .page { padding: 18mm 20mm; }
  h1 { font-size: 16pt; margin: 0 0 2mm; }
  .sub { color: #444; margin: 0 0 8mm; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 6mm; }
  th { text-align: left; width: 45mm; vertical-align: top; padding: 1.5mm 0; color: #444; font-weight: normal; }
  td { padding: 1.5mm 0; }
  .text { border: 1px solid #999; padding: 4mm; margin: 6mm 0; line-height: 1.45; }
  .revoked { color: #a00; font-weight: bold; }
  .foot { color: #555; font-size: 8.5pt; margin-top: 10mm; }
`);

/**
 * The SEPA core direct-debit mandate (recurring payments) with everything the rulebook asks for:
 * creditor name, address and identifier, mandate reference, debtor name, address and IBAN,
 * authorisation text with the 8-week refund right, and the date it was given.
 */
export function mandateDocument(mandate: SepaMandateRow, debtor: CustomerRow, provider: ProviderIdentity): SafeHtml {
  const debtorAddress = [debtor.street, [debtor.postalCode, debtor.city].filter(Boolean).join(' '), debtor.country]
    .filter(Boolean)
    .join(', ');
  return html`<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>SEPA-Lastschriftmandat ${mandate.reference}</title><style>${styles}</style></head>
<body><div class="page">
  <h1>SEPA-Lastschriftmandat</h1>
  <p class="sub">SEPA Direct Debit Mandate · wiederkehrende Zahlungen (SEPA-Basislastschrift / CORE)</p>
  ${mandate.revokedAt ? html`<p class="revoked">Widerrufen am ${dateTime.format(mandate.revokedAt)} – dieses Mandat gilt nicht mehr.</p>` : ''}
  <table>
    <tr><th>Zahlungsempfänger</th><td>${provider.name}<br>${provider.street}, ${provider.postalCode} ${provider.city}, ${provider.country}</td></tr>
    <tr><th>Gläubiger-Identifikationsnummer</th><td>${mandate.creditorId}</td></tr>
    <tr><th>Mandatsreferenz</th><td>${mandate.reference}</td></tr>
  </table>
  <div class="text">
    <p>Ich ermächtige / Wir ermächtigen ${provider.name}, Zahlungen von meinem / unserem Konto mittels Lastschrift einzuziehen. Zugleich weise ich mein / weisen wir unser Kreditinstitut an, die von ${provider.name} auf mein / unser Konto gezogenen Lastschriften einzulösen.</p>
    <p>Hinweis: Ich kann / Wir können innerhalb von acht Wochen, beginnend mit dem Belastungsdatum, die Erstattung des belasteten Betrages verlangen. Es gelten dabei die mit meinem / unserem Kreditinstitut vereinbarten Bedingungen.</p>
    <p>Vor jeder Belastung werden Sie über Betrag und Fälligkeit vorab informiert (Pre-Notification).</p>
  </div>
  <table>
    <tr><th>Kontoinhaber (Zahlungspflichtiger)</th><td>${mandate.accountHolder}</td></tr>
    <tr><th>Kunde</th><td>${debtor.company ? html`${debtor.company}<br>` : ''}${debtor.name}${debtor.customerNumber ? html` (Kundennummer ${debtor.customerNumber})` : ''}</td></tr>
    <tr><th>Anschrift</th><td>${debtorAddress}</td></tr>
    <tr><th>IBAN</th><td>${groupIban(mandate.iban)}</td></tr>
    ${mandate.bic ? html`<tr><th>BIC</th><td>${mandate.bic}</td></tr>` : ''}
    <tr><th>Datum, Ort</th><td>${dateTime.format(mandate.signedAt)}, elektronisch erteilt im Kundenportal</td></tr>
  </table>
  <p class="foot">${provider.name} · ${provider.register} · USt-IdNr. ${provider.vatId} · ${provider.email}</p>
</div></body></html>`;
}
