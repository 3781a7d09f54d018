/**
 * Standard VAT rates of the EU member states, for consumers in another member state (place of
 * supply of electronic services at the customer, §3a Abs. 5 UStG; declared through OSS).
 * Source: European Commission, "VAT rates applied in the Member States of the European Union"
 * (taxation_customs, situation at 1 January 2025), with the changes announced since: Slovakia
 * 23 % from 1 January 2025, Estonia 24 % from 1 July 2025, Romania 21 % from 1 August 2025.
 * Checked 2025-08-01; review each January and whenever a member state changes its rate.
 * Keys are ISO 3166-1 alpha-2 country codes (Greece is GR here, EL only in VAT IDs).
 */
export const EU_STANDARD_VAT_RATES: Readonly<Record<string, number>> = {
  AT: 20,
  BE: 21,
  BG: 20,
  CY: 19,
  CZ: 21,
  DE: 19,
  DK: 25,
  EE: 24,
  ES: 21,
  FI: 25.5,
  FR: 20,
  GR: 24,
  HR: 25,
  HU: 27,
  IE: 23,
  IT: 22,
  LT: 21,
  LU: 17,
  LV: 21,
  MT: 18,
  NL: 21,
  PL: 23,
  PT: 23,
  RO: 21,
  SE: 25,
  SI: 22,
  SK: 23,
};

/** German rates (§12 UStG). */
export const GERMAN_VAT_RATES = { standard: 19, reduced: 7 } as const;

export function isEuCountry(country: string): boolean {
  return country in EU_STANDARD_VAT_RATES;
}
