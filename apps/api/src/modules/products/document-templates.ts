import type { ProviderIdentity } from '../../config';
import type { CustomerProductRow, ProductCatalogRow } from '../../db/schema/index';
import { html, type SafeHtml } from '../../lib/html';
import { INDEFINITE_RENEWAL } from './contract-terms';
import { productPrice } from './product-price';
import { specLabel } from './product-specs';

export interface DocumentCustomer {
  name: string;
  company: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  customerNumber: string | null;
  /** Consumers get gross prices and the terms of §309 Nr. 9 BGB spelled out. */
  customerType: 'consumer' | 'business' | null;
}

const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const intervalNames = { monthly: 'monatlich', quarterly: 'vierteljährlich', yearly: 'jährlich' } as const;

export function formatGermanDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

/** A4 letter shell; system fonts only, because the renderer refuses every network request. */
function page(provider: ProviderIdentity, title: string, body: SafeHtml): SafeHtml {
  return html`<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>${title}</title>
<style>
  @page { size: A4; margin: 20mm 18mm; }
  body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; color: #1a1a1a; line-height: 1.45; }
  header { border-bottom: 2px solid #0b5cad; padding-bottom: 6pt; margin-bottom: 14pt; }
  header strong { font-size: 13pt; color: #0b5cad; }
  h1 { font-size: 15pt; margin: 0 0 10pt; }
  h2 { font-size: 11pt; margin: 14pt 0 4pt; }
  table { border-collapse: collapse; width: 100%; }
  td, th { text-align: left; padding: 3pt 6pt 3pt 0; vertical-align: top; }
  th { width: 38%; font-weight: 600; }
  footer { margin-top: 24pt; font-size: 8pt; color: #555; border-top: 1px solid #ccc; padding-top: 6pt; }
</style></head>
<body>
<header><strong>${provider.name}</strong><br>${provider.street} · ${provider.postalCode} ${provider.city}</header>
<h1>${title}</h1>
${body}
<footer>${provider.name} · ${provider.register} · USt-IdNr. ${provider.vatId} · Geschäftsführung: ${provider.managingDirectors}</footer>
</body></html>`;
}

function months(count: number): string {
  return count === 1 ? '1 Monat' : `${count} Monate`;
}

/** Consumers see the gross price (PAngV), businesses the net price plus VAT. */
function priceRow(customer: DocumentCustomer, product: CustomerProductRow): SafeHtml {
  const price = productPrice(product.priceCents, product.billingInterval);
  const interval = intervalNames[product.billingInterval];
  return customer.customerType === 'consumer'
    ? html`<tr><th>Entgelt</th><td>${euro.format(price.gross / 100)} ${interval} (inkl. ${price.vatRate} % USt.)</td></tr>`
    : html`<tr><th>Entgelt (netto)</th><td>${euro.format(price.amount / 100)} ${interval} zzgl. ${price.vatRate} % USt.</td></tr>`;
}

export function orderConfirmationHtml(
  provider: ProviderIdentity,
  customer: DocumentCustomer,
  product: CustomerProductRow,
  catalog: ProductCatalogRow,
): SafeHtml {
  const title = `Auftragsbestätigung ${product.contractNumber}`;
  return page(
    provider,
    title,
    html`<p>${customer.company ?? ''}${customer.company ? html`<br>` : ''}${customer.name}<br>${customer.street ?? ''}<br>${customer.postalCode ?? ''} ${customer.city ?? ''}</p>
<p>Kundennummer: ${customer.customerNumber ?? '–'}</p>
<p>Vielen Dank für Ihren Auftrag. Wir bestätigen die folgende Leistung:</p>
<table>
  <tr><th>Vertragsnummer</th><td>${product.contractNumber}</td></tr>
  <tr><th>Produkt</th><td>${product.name} (${catalog.name}, ${catalog.sku})</td></tr>
  ${catalog.specs.map((spec) => html`<tr><th>${specLabel(spec.key)}</th><td>${spec.value}</td></tr>`)}
  <tr><th>Vertragsbeginn</th><td>${formatGermanDate(product.startDate)}</td></tr>
  ${priceRow(customer, product)}
  <tr><th>Mindestlaufzeit</th><td>${months(product.minimumTermMonths)}</td></tr>
  <tr><th>Kündigungsfrist</th><td>${months(product.noticePeriodMonths)} zum Laufzeitende</td></tr>
  <tr><th>Verlängerung</th><td>${renewalText(product)}</td></tr>
</table>
<p>Es gelten unsere Allgemeinen Geschäftsbedingungen, das Service Level Agreement und der Auftragsverarbeitungsvertrag in der bei Vertragsschluss gültigen Fassung.</p>`,
  );
}

function renewalText(product: CustomerProductRow): string {
  return product.renewalMonths === INDEFINITE_RENEWAL
    ? `auf unbestimmte Zeit; danach jederzeit mit einer Frist von ${months(product.noticePeriodMonths)} zu jedem Tag kündbar`
    : `um jeweils ${months(product.renewalMonths)}, wenn nicht fristgerecht gekündigt`;
}

export interface ContractChangeText {
  version: number;
  effectiveDate: string;
  reason: string;
  /** The contract with its terms before the change. */
  before: CustomerProductRow;
}

/**
 * The new version of the order confirmation after the provider changed price or terms: the
 * terms from the effective date on, the ones they replace, and the reason.
 */
export function contractChangeHtml(
  provider: ProviderIdentity,
  customer: DocumentCustomer,
  product: CustomerProductRow,
  catalog: ProductCatalogRow,
  change: ContractChangeText,
): SafeHtml {
  const title = `Vertragsänderung ${product.contractNumber} (Fassung ${change.version})`;
  const { before } = change;
  return page(
    provider,
    title,
    html`<p>${customer.company ?? ''}${customer.company ? html`<br>` : ''}${customer.name}<br>${customer.street ?? ''}<br>${customer.postalCode ?? ''} ${customer.city ?? ''}</p>
<p>Kundennummer: ${customer.customerNumber ?? '–'}</p>
<p>Für den Vertrag ${product.contractNumber} (${product.name}, ${catalog.name}) gelten ab dem ${formatGermanDate(change.effectiveDate)} die folgenden Bedingungen. Sie ersetzen die bisherige Fassung, die archiviert bleibt.</p>
<p>Grund der Änderung: ${change.reason}</p>
<h2>Ab ${formatGermanDate(change.effectiveDate)}</h2>
<table>
  ${priceRow(customer, product)}
  <tr><th>Mindestlaufzeit</th><td>${months(product.minimumTermMonths)} ab Vertragsbeginn (${formatGermanDate(product.startDate)})</td></tr>
  <tr><th>Kündigungsfrist</th><td>${months(product.noticePeriodMonths)} zum Laufzeitende</td></tr>
  <tr><th>Verlängerung</th><td>${renewalText(product)}</td></tr>
</table>
<h2>Bisher</h2>
<table>
  ${priceRow(customer, before)}
  <tr><th>Mindestlaufzeit</th><td>${months(before.minimumTermMonths)}</td></tr>
  <tr><th>Kündigungsfrist</th><td>${months(before.noticePeriodMonths)} zum Laufzeitende</td></tr>
  <tr><th>Verlängerung</th><td>${renewalText(before)}</td></tr>
</table>
<p>Alle übrigen Vereinbarungen des Vertrags bleiben unverändert.</p>`,
  );
}

export const GENERAL_DOCUMENTS = [
  {
    kind: 'terms',
    title: 'Allgemeine Geschäftsbedingungen',
    version: '2026-01',
    sections: [
      ['§ 1 Geltungsbereich', 'Diese Bedingungen gelten für alle Colocation- und Cloud-Leistungen des Anbieters.'],
      [
        '§ 2 Laufzeit und Kündigung',
        'Verträge laufen für die vereinbarte Mindestlaufzeit und verlängern sich um die vereinbarte Verlängerungsperiode, wenn sie nicht mit der vereinbarten Frist zum Laufzeitende gekündigt werden. Das Recht zur außerordentlichen Kündigung aus wichtigem Grund (§ 314 BGB) bleibt unberührt. Kündigungen sind in Textform oder über das Kundenportal möglich.',
      ],
      [
        '§ 3 Entgelte',
        'Entgelte sind im Voraus für den Abrechnungszeitraum fällig und verstehen sich zuzüglich Umsatzsteuer.',
      ],
      [
        '§ 4 Haftung',
        'Der Anbieter haftet unbeschränkt bei Vorsatz und grober Fahrlässigkeit sowie nach dem Produkthaftungsgesetz.',
      ],
    ],
  },
  {
    kind: 'sla',
    title: 'Service Level Agreement',
    version: '2026-01',
    sections: [
      ['Verfügbarkeit', 'Stromversorgung und Netzanbindung stehen im Jahresmittel zu 99,95 % zur Verfügung.'],
      ['Entstörung', 'Störungen werden rund um die Uhr angenommen; die Reaktionszeit beträgt höchstens 30 Minuten.'],
      [
        'Gutschriften',
        'Für jede angefangene Stunde unter dem Zielwert erhält der Kunde 5 % des Monatsentgelts gutgeschrieben.',
      ],
    ],
  },
  {
    kind: 'data_processing',
    title: 'Auftragsverarbeitungsvertrag (Art. 28 DSGVO)',
    version: '2026-01',
    sections: [
      ['Gegenstand', 'Der Anbieter verarbeitet personenbezogene Daten ausschließlich nach Weisung des Kunden.'],
      [
        'Technische und organisatorische Maßnahmen',
        'Zutrittskontrolle, Videoüberwachung, Verschlüsselung der Verwaltungszugänge.',
      ],
      [
        'Unterauftragsverarbeiter',
        'Unterauftragsverarbeiter werden nur nach vorheriger Information des Kunden eingesetzt.',
      ],
    ],
  },
] as const;

export type GeneralDocument = (typeof GENERAL_DOCUMENTS)[number];

export function generalDocumentHtml(provider: ProviderIdentity, document: GeneralDocument): SafeHtml {
  return page(
    provider,
    document.title,
    html`<p>Fassung ${document.version}</p>${document.sections.map(([heading, text]) => html`<h2>${heading}</h2><p>${text}</p>`)}`,
  );
}
