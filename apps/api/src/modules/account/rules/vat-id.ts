/**
 * Format of VAT identification numbers per EU member state (VIES format rules). Only the format
 * is checked here; whether the number is registered is a VIES query the back office makes.
 * Greece uses the prefix EL, Northern Ireland XI.
 */
export const VAT_ID_FORMATS: Readonly<Record<string, RegExp>> = {
  AT: /^ATU\d{8}$/,
  BE: /^BE[01]\d{9}$/,
  BG: /^BG\d{9,10}$/,
  CY: /^CY\d{8}[A-Z]$/,
  CZ: /^CZ\d{8,10}$/,
  DE: /^DE\d{9}$/,
  DK: /^DK\d{8}$/,
  EE: /^EE\d{9}$/,
  EL: /^EL\d{9}$/,
  ES: /^ES[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^FI\d{8}$/,
  FR: /^FR[A-HJ-NP-Z0-9]{2}\d{9}$/,
  HR: /^HR\d{11}$/,
  HU: /^HU\d{8}$/,
  IE: /^IE(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^IT\d{11}$/,
  LT: /^LT(\d{9}|\d{12})$/,
  LU: /^LU\d{8}$/,
  LV: /^LV\d{11}$/,
  MT: /^MT\d{8}$/,
  NL: /^NL\d{9}B\d{2}$/,
  PL: /^PL\d{10}$/,
  PT: /^PT\d{9}$/,
  RO: /^RO[1-9]\d{1,9}$/,
  SE: /^SE\d{10}01$/,
  SI: /^SI\d{8}$/,
  SK: /^SK\d{10}$/,
  XI: /^XI(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
};

/** Spaces, dots and dashes as people type them are dropped; letters upper-cased. */
export function normalizeVatId(input: string): string {
  return input.replace(/[\s.-]+/g, '').toUpperCase();
}

export type VatIdProblem = 'format' | 'country';

/** Why a VAT ID (normalised) is invalid, or null. */
export function vatIdProblem(vatId: string): VatIdProblem | null {
  const format = VAT_ID_FORMATS[vatId.slice(0, 2)];
  if (!format) return 'country';
  return format.test(vatId) ? null : 'format';
}
