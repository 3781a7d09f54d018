import type { FieldError } from '../../../lib/app-error';
import { EU_STANDARD_VAT_RATES, GERMAN_VAT_RATES, isEuCountry } from './eu-vat-rates';

export type VatTreatment = 'domestic' | 'reverse_charge' | 'eu_consumer' | 'non_eu';
export type RateKind = 'standard' | 'reduced';

export interface VatCustomer {
  country: string;
  customerType: 'consumer' | 'business' | null;
  vatId: string | null;
  vatIdVerifiedAt: Date | null;
}

export type VatDerivation =
  | { ok: true; treatment: VatTreatment; rateOf: (kind: RateKind) => number | null }
  | { ok: false; error: FieldError };

/**
 * The VAT treatment follows from who the customer is; staff never type a rate or an exemption.
 * - customer in Germany: German VAT, 19 % or 7 % (§12 UStG)
 * - EU business with a VAT ID staff verified (VIES): reverse charge (§13b UStG, Art. 196 MwStSystRL)
 * - EU consumer: their country's standard rate (§3a Abs. 5 UStG, OSS)
 * - outside the EU: not taxable in Germany (§3a Abs. 2 / Abs. 4 UStG)
 * An EU business without a verified VAT ID is refused: 0 % needs the verified ID, and charging
 * German VAT to a business abroad would be wrong too, so the back office verifies first.
 */
export function deriveVatTreatment(customer: VatCustomer): VatDerivation {
  const country = customer.country.toUpperCase();
  if (country === 'DE') {
    return { ok: true, treatment: 'domestic', rateOf: (kind) => GERMAN_VAT_RATES[kind] };
  }
  if (!isEuCountry(country)) return { ok: true, treatment: 'non_eu', rateOf: () => 0 };
  if (customer.customerType === 'consumer') {
    const standard = EU_STANDARD_VAT_RATES[country] ?? null;
    return { ok: true, treatment: 'eu_consumer', rateOf: (kind) => (kind === 'standard' ? standard : null) };
  }
  if (!customer.vatId || !customer.vatIdVerifiedAt) {
    return {
      ok: false,
      error: {
        path: 'customerId',
        message: 'reverse charge needs the customer’s VAT ID verified by staff first (no 0 % invoice without it)',
      },
    };
  }
  return { ok: true, treatment: 'reverse_charge', rateOf: () => 0 };
}

export interface VatCategory {
  /** EN 16931 VAT category code (UNCL 5305). */
  code: 'S' | 'AE' | 'O';
  exemption: { code: string; text: string } | null;
  /** The sentence the invoice must carry (§14a UStG), if any. */
  note: string | null;
}

const categories: Record<VatTreatment, VatCategory> = {
  domestic: { code: 'S', exemption: null, note: null },
  eu_consumer: { code: 'S', exemption: null, note: null },
  reverse_charge: {
    code: 'AE',
    exemption: { code: 'VATEX-EU-AE', text: 'Steuerschuldnerschaft des Leistungsempfängers' },
    note: 'Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge, §13b UStG, Art. 196 MwStSystRL).',
  },
  non_eu: {
    code: 'O',
    exemption: { code: 'VATEX-EU-O', text: 'Nicht im Inland steuerbare Leistung' },
    note: 'Nicht im Inland steuerbare Leistung (Ort der Leistung beim Leistungsempfänger, §3a UStG).',
  },
};

export function vatCategoryOf(treatment: VatTreatment): VatCategory {
  return categories[treatment];
}
