import type { Invoice } from '@e-invoice-eu/core';
import type { InvoiceLineRow, InvoiceRow } from '../../../db/schema/index';
import { vatCategoryOf } from '../vat/vat-treatment';
import { unitCodeOf } from './unit-codes';

type UblInvoice = Invoice['ubl:Invoice'];
type Line = UblInvoice['cac:InvoiceLine'][number];

/** The invoice a credit refers to (BT-25/BT-26). */
export interface PrecedingInvoice {
  number: string;
  issueDate: string;
}

export interface EInvoiceSource {
  invoice: InvoiceRow;
  lines: InvoiceLineRow[];
  preceding?: PrecedingInvoice | undefined;
}

/** Cents as the decimal string EN 16931 amounts use. */
function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function quantity(milli: number): string {
  return (milli / 1000).toFixed(3).replace(/\.?0+$/, '') || '0';
}

/**
 * Cancellation and correction invoices are stored with negated amounts (they reduce what the
 * customer owes). In the e-invoice they are credit notes (type 381), whose amounts are positive.
 */
function isCredit(invoice: InvoiceRow): boolean {
  return invoice.kind !== 'invoice';
}

/**
 * The invoice in e-invoice-eu's UBL-shaped model, from which the library writes the XRechnung
 * (CII) and the Factur-X XML: no hand-written XML. Everything comes from the issued invoice's
 * snapshots, so the documents show the parties as they were on the issue date.
 */
export function toEInvoiceModel({ invoice, lines, preceding }: EInvoiceSource): Invoice {
  const sign = isCredit(invoice) ? -1 : 1;
  const p = invoice.provider;
  const to = invoice.billingAddress;
  const category = vatCategoryOf(invoice.vatTreatment);
  const notTaxable = category.code === 'O';
  const sellerTax: NonNullable<UblInvoice['cac:AccountingSupplierParty']['cac:Party']['cac:PartyTaxScheme']> =
    notTaxable
      ? [{ 'cbc:CompanyID': p.taxNumber, 'cac:TaxScheme': { 'cbc:ID': 'FC' } }]
      : [
          { 'cbc:CompanyID': p.vatId, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } },
          { 'cbc:CompanyID': p.taxNumber, 'cac:TaxScheme': { 'cbc:ID': 'FC' } },
        ];
  const means = invoice.paymentMeans ?? { method: 'transfer' as const };
  const notes = [invoice.taxNote, category.note].filter((note): note is string => Boolean(note));
  const model: UblInvoice = {
    'cbc:ID': invoice.number,
    'cbc:IssueDate': invoice.issueDate,
    ...(isCredit(invoice) ? {} : { 'cbc:DueDate': invoice.dueDate }),
    'cbc:InvoiceTypeCode': isCredit(invoice) ? '381' : '380',
    ...(notes.length ? { 'cbc:Note': notes } : {}),
    'cbc:DocumentCurrencyCode': 'EUR',
    'cbc:BuyerReference': to.buyerReference ?? to.customerNumber,
    'cac:InvoicePeriod': { 'cbc:StartDate': invoice.servicePeriodStart, 'cbc:EndDate': invoice.servicePeriodEnd },
    ...(preceding
      ? {
          'cac:BillingReference': [
            { 'cac:InvoiceDocumentReference': { 'cbc:ID': preceding.number, 'cbc:IssueDate': preceding.issueDate } },
          ],
        }
      : {}),
    'cac:AccountingSupplierParty': {
      'cac:Party': {
        'cbc:EndpointID': p.email,
        'cbc:EndpointID@schemeID': 'EM',
        'cac:PostalAddress': {
          'cbc:StreetName': p.street,
          'cbc:CityName': p.city,
          'cbc:PostalZone': p.postalCode,
          'cac:Country': { 'cbc:IdentificationCode': p.country as 'DE' },
        },
        'cac:PartyTaxScheme': sellerTax,
        // BT-30 (the register entry) identifies the seller also where no VAT ID may appear (category O).
        'cac:PartyLegalEntity': {
          'cbc:RegistrationName': p.name,
          'cbc:CompanyID': p.register,
          'cbc:CompanyLegalForm': `Geschäftsführung: ${p.managingDirectors}`,
        },
        'cac:Contact': { 'cbc:Name': p.name, 'cbc:Telephone': p.phone, 'cbc:ElectronicMail': p.email },
      },
    },
    'cac:AccountingCustomerParty': {
      'cac:Party': {
        ...(to.email ? { 'cbc:EndpointID': to.email, 'cbc:EndpointID@schemeID': 'EM' as const } : {}),
        'cac:PartyIdentification': { 'cbc:ID': to.customerNumber },
        'cac:PostalAddress': {
          'cbc:StreetName': to.street,
          'cbc:CityName': to.city,
          'cbc:PostalZone': to.postalCode,
          'cac:Country': { 'cbc:IdentificationCode': to.country as 'DE' },
        },
        ...(to.vatId && !notTaxable
          ? { 'cac:PartyTaxScheme': { 'cbc:CompanyID': to.vatId, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } } }
          : {}),
        'cac:PartyLegalEntity': { 'cbc:RegistrationName': to.company ?? to.name },
        ...(to.company ? { 'cac:Contact': { 'cbc:Name': to.name } } : {}),
      },
    },
    // BT-90, the SEPA creditor identifier, travels as the payee's identifier (the payee is the seller).
    ...(means.method === 'sepa_debit'
      ? {
          'cac:PayeeParty': {
            'cac:PartyIdentification': { 'cbc:ID': means.creditorId, 'cbc:ID@schemeID': 'SEPA' },
            'cac:PartyName': { 'cbc:Name': p.name },
          },
        }
      : {}),
    'cac:PaymentMeans': [paymentMeansOf(invoice, means)],
    ...(isCredit(invoice)
      ? {}
      : {
          'cac:PaymentTerms': {
            'cbc:Note':
              means.method === 'sepa_debit'
                ? `Der Betrag wird am ${means.collectionDate} per SEPA-Lastschrift eingezogen.`
                : `Zahlbar ohne Abzug bis ${invoice.dueDate}.`,
          },
        }),
    'cac:TaxTotal': [
      {
        'cbc:TaxAmount': money(sign * invoice.taxCents),
        'cbc:TaxAmount@currencyID': 'EUR',
        'cac:TaxSubtotal': invoice.taxes.map((row) => ({
          'cbc:TaxableAmount': money(sign * row.net),
          'cbc:TaxableAmount@currencyID': 'EUR',
          'cbc:TaxAmount': money(sign * row.tax),
          'cbc:TaxAmount@currencyID': 'EUR',
          'cac:TaxCategory': {
            'cbc:ID': category.code,
            'cbc:Percent': String(row.taxRate),
            ...(category.exemption
              ? {
                  'cbc:TaxExemptionReasonCode': category.exemption.code,
                  'cbc:TaxExemptionReason': category.exemption.text,
                }
              : {}),
            'cac:TaxScheme': { 'cbc:ID': 'VAT' },
          },
        })),
      },
    ],
    'cac:LegalMonetaryTotal': {
      'cbc:LineExtensionAmount': money(sign * invoice.netCents),
      'cbc:LineExtensionAmount@currencyID': 'EUR',
      'cbc:TaxExclusiveAmount': money(sign * invoice.netCents),
      'cbc:TaxExclusiveAmount@currencyID': 'EUR',
      'cbc:TaxInclusiveAmount': money(sign * invoice.grossCents),
      'cbc:TaxInclusiveAmount@currencyID': 'EUR',
      'cbc:PayableAmount': money(sign * invoice.grossCents),
      'cbc:PayableAmount@currencyID': 'EUR',
    },
    'cac:InvoiceLine': lines.map((line) => lineOf(line, sign, category)) as [Line, ...Line[]],
  };
  return { 'ubl:Invoice': model };
}

function lineOf(line: InvoiceLineRow, sign: number, category: ReturnType<typeof vatCategoryOf>): Line {
  return {
    'cbc:ID': String(line.position),
    'cbc:InvoicedQuantity': quantity(line.quantityMilli),
    'cbc:InvoicedQuantity@unitCode': unitCodeOf(line.unit) as Line['cbc:InvoicedQuantity@unitCode'],
    'cbc:LineExtensionAmount': money(sign * line.netCents),
    'cbc:LineExtensionAmount@currencyID': 'EUR',
    'cac:Item': {
      'cbc:Name': line.description,
      'cac:ClassifiedTaxCategory': {
        'cbc:ID': category.code,
        ...(category.code === 'O' ? {} : { 'cbc:Percent': String(line.taxRate) }),
        'cac:TaxScheme': { 'cbc:ID': 'VAT' },
      },
    },
    'cac:Price': { 'cbc:PriceAmount': money(sign * line.unitPriceCents), 'cbc:PriceAmount@currencyID': 'EUR' },
  };
}

function paymentMeansOf(
  invoice: InvoiceRow,
  means: NonNullable<InvoiceRow['paymentMeans']>,
): UblInvoice['cac:PaymentMeans'] extends Array<infer T> | undefined ? T : never {
  const p = invoice.provider;
  if (means.method === 'sepa_debit') {
    return {
      'cbc:PaymentMeansCode': '59',
      'cbc:PaymentID': invoice.number,
      'cac:PaymentMandate': { 'cbc:ID': means.mandateReference, 'cac:PayerFinancialAccount': { 'cbc:ID': means.iban } },
    };
  }
  return {
    'cbc:PaymentMeansCode': '58',
    'cbc:PaymentID': invoice.number,
    'cac:PayeeFinancialAccount': {
      'cbc:ID': p.iban,
      'cbc:Name': p.name,
      'cac:FinancialInstitutionBranch': { 'cbc:ID': p.bic },
    },
  };
}
