import type { InvoiceLineRow, InvoiceRow } from '../../db/schema/index';
import { html, rawHtml, type SafeHtml } from '../../lib/html';
import { epcQrDataUri } from './epc-qr';
import { footerStyles, invoiceDocumentStyles, providerLogo } from './invoice-document.styles';
import { formatEuro, formatGermanDate, formatIban, formatQuantity, formatRate } from './invoice-format';
import { vatCategoryOf } from './vat/vat-treatment';

/** Only the last four digits of the customer's IBAN go on the document. */
function maskIban(iban: string): string {
  return `${iban.slice(0, 2)}•• •••• •••• •••• ${iban.slice(-4)}`;
}

const countryNames: Record<string, string> = { DE: 'Deutschland', AT: 'Österreich', CH: 'Schweiz', NL: 'Niederlande' };

/**
 * The invoice as HTML for the PDF renderer, with everything §14 Abs. 4 UStG asks for. Every value
 * goes through the `html` tag (escaped); images are inline data: URIs because the renderer
 * refuses all network requests.
 */
export async function invoiceDocument(
  invoice: InvoiceRow,
  lines: InvoiceLineRow[],
  cancelledNumber?: string,
): Promise<SafeHtml> {
  const { provider: p, billingAddress: to } = invoice;
  const isCancellation = invoice.kind !== 'invoice';
  const means = invoice.paymentMeans ?? { method: 'transfer' as const };
  const title =
    invoice.kind === 'cancellation'
      ? html`Stornorechnung zu Rechnung ${cancelledNumber ?? ''}`
      : invoice.kind === 'correction'
        ? html`Rechnungskorrektur zu Rechnung ${cancelledNumber ?? ''}`
        : 'Rechnung';
  const vatNote = vatCategoryOf(invoice.vatTreatment).note;
  const singleDay = invoice.servicePeriodStart === invoice.servicePeriodEnd;
  const qrCode =
    invoice.state === 'open' && !isCancellation && means.method === 'transfer'
      ? await epcQrDataUri({
          bic: p.bic,
          name: p.name,
          iban: p.iban,
          amountCents: invoice.grossCents,
          reference: invoice.number,
        })
      : null;
  return html`<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>${invoice.number}</title>
<style>${rawHtml(invoiceDocumentStyles)}
${rawHtml(
  footerStyles([
    [p.name, `${p.street}, ${p.postalCode} ${p.city}`, `Geschäftsführung: ${p.managingDirectors}`],
    [p.register, `USt-IdNr.: ${p.vatId}`, `Steuernummer: ${p.taxNumber}`],
    [p.bankName, `IBAN: ${formatIban(p.iban)}`, `BIC: ${p.bic}`, `Gläubiger-ID: ${p.creditorId}`],
  ]),
)}</style></head>
<body>
<header class="letterhead">
  <img class="logo" alt="" src="${providerLogo}">
  <div class="provider">
    <strong>${p.name}</strong><br>${p.street}<br>${p.postalCode} ${p.city}<br>
    ${p.phone}<br>${p.email}<br>${p.website}
  </div>
</header>
<div class="addressing">
<div class="window">
<p class="sender">${p.name} · ${p.street} · ${p.postalCode} ${p.city}</p>
<section class="recipient">
  ${to.company ? html`${to.company}<br>` : ''}${to.name}<br>${to.street}<br>${to.postalCode} ${to.city}
  ${to.country !== p.country ? html`<br>${countryNames[to.country] ?? to.country}` : ''}
</section>
</div>
<table class="meta">
  <tr><th>Rechnungsnummer</th><td>${invoice.number}</td></tr>
  <tr><th>Rechnungsdatum</th><td>${formatGermanDate(invoice.issueDate)}</td></tr>
  ${
    singleDay
      ? html`<tr><th>Leistungsdatum</th><td>${formatGermanDate(invoice.servicePeriodStart)}</td></tr>`
      : html`<tr><th>Leistungszeitraum</th><td>${formatGermanDate(invoice.servicePeriodStart)} – ${formatGermanDate(invoice.servicePeriodEnd)}</td></tr>`
  }
  <tr><th>Kundennummer</th><td>${to.customerNumber}</td></tr>
  ${to.vatId ? html`<tr><th>Ihre USt-IdNr.</th><td>${to.vatId}</td></tr>` : ''}
  ${invoice.vatTreatment === 'reverse_charge' ? html`<tr><th>Unsere USt-IdNr.</th><td>${p.vatId}</td></tr>` : ''}
  ${isCancellation ? '' : html`<tr><th>Fällig am</th><td>${formatGermanDate(invoice.dueDate)}</td></tr>`}
</table>
</div>
<h1>${title}</h1>
<table class="lines">
  <thead><tr><th>Pos.</th><th>Leistung</th><th class="num">Menge</th><th>Einheit</th><th class="num">Einzelpreis</th><th class="num">USt</th><th class="num">Netto</th></tr></thead>
  <tbody>${lines.map(
    (line) =>
      html`<tr><td>${line.position}</td><td>${line.description}</td><td class="num">${formatQuantity(line.quantityMilli)}</td><td>${line.unit}</td><td class="num">${formatEuro(line.unitPriceCents)}</td><td class="num">${formatRate(line.taxRate)} %</td><td class="num">${formatEuro(line.netCents)}</td></tr>`,
  )}</tbody>
</table>
<table class="totals">
  ${invoice.taxes.map(
    (row) => html`<tr><th>Netto ${formatRate(row.taxRate)} %</th><td>${formatEuro(row.net)}</td></tr>
      <tr><th>Umsatzsteuer ${formatRate(row.taxRate)} %</th><td>${formatEuro(row.tax)}</td></tr>`,
  )}
  <tr><th>Summe netto</th><td>${formatEuro(invoice.netCents)}</td></tr>
  <tr><th>Summe Umsatzsteuer</th><td>${formatEuro(invoice.taxCents)}</td></tr>
  <tr class="gross"><th>Rechnungsbetrag</th><td>${formatEuro(invoice.grossCents)}</td></tr>
</table>
${invoice.taxNote ? html`<p class="note">${invoice.taxNote}</p>` : ''}
${vatNote ? html`<p class="note">${vatNote}</p>` : ''}
${
  invoice.kind === 'cancellation'
    ? html`<p>Diese Stornorechnung hebt die Rechnung ${cancelledNumber ?? ''} vollständig auf. Der Betrag wird nicht eingezogen.</p>`
    : invoice.kind === 'correction'
      ? html`<p>Der Betrag von ${formatEuro(-invoice.grossCents)} wird Ihnen auf Ihr bei uns hinterlegtes Konto erstattet oder mit offenen Rechnungen verrechnet.</p>`
      : invoice.state === 'paid'
        ? html`<p>Der Rechnungsbetrag ist bereits beglichen. Vielen Dank.</p>`
        : means.method === 'sepa_debit'
          ? html`<p>Vorabankündigung: Den Rechnungsbetrag von ${formatEuro(invoice.grossCents)} ziehen wir am
  <strong>${formatGermanDate(means.collectionDate)}</strong> per SEPA-Lastschrift von Ihrem Konto ${maskIban(means.iban)} ein.
  Mandatsreferenz: ${means.mandateReference}, Gläubiger-ID: ${means.creditorId}. Bitte überweisen Sie den Betrag nicht.</p>`
          : html`<section class="payment">
  <div><p>Bitte überweisen Sie den Rechnungsbetrag bis zum <strong>${formatGermanDate(invoice.dueDate)}</strong>
  unter Angabe der Rechnungsnummer <strong>${invoice.number}</strong> auf das unten genannte Konto
  oder bezahlen Sie bequem im Kundenportal.</p></div>
  ${qrCode ? html`<figure><img class="qr" alt="GiroCode" src="${qrCode}"><figcaption>GiroCode</figcaption></figure>` : ''}
</section>`
}
</body></html>`;
}
