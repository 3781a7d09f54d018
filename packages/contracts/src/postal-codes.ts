/**
 * Postal code formats of the countries customers come from (EU, EEA, Switzerland, UK), from the
 * UPU's addressing guides. Spaces and hyphens are written as the post office prints them; a
 * country not listed here is not checked.
 */
const postalCodePatterns: Record<string, RegExp> = {
  AT: /^\d{4}$/,
  BE: /^\d{4}$/,
  BG: /^\d{4}$/,
  CH: /^\d{4}$/,
  CY: /^\d{4}$/,
  CZ: /^\d{3} ?\d{2}$/,
  DE: /^\d{5}$/,
  DK: /^\d{4}$/,
  EE: /^\d{5}$/,
  ES: /^\d{5}$/,
  FI: /^\d{5}$/,
  FR: /^\d{5}$/,
  GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i,
  GR: /^\d{3} ?\d{2}$/,
  HR: /^\d{5}$/,
  HU: /^\d{4}$/,
  IE: /^[A-Z]\d[\dW] ?[A-Z\d]{4}$/i,
  IS: /^\d{3}$/,
  IT: /^\d{5}$/,
  LI: /^94(8[5-9]|9[0-8])$/,
  LT: /^(LT-)?\d{5}$/i,
  LU: /^(L-)?\d{4}$/i,
  LV: /^(LV-)?\d{4}$/i,
  MT: /^[A-Z]{3} ?\d{2,4}$/i,
  NL: /^\d{4} ?[A-Z]{2}$/i,
  NO: /^\d{4}$/,
  PL: /^\d{2}-\d{3}$/,
  PT: /^\d{4}-\d{3}$/,
  RO: /^\d{6}$/,
  SE: /^\d{3} ?\d{2}$/,
  SI: /^\d{4}$/,
  SK: /^\d{3} ?\d{2}$/,
};

/** False when the code cannot be a postal code of the country ("123" in Germany). */
export function isPostalCodeOf(country: string, postalCode: string): boolean {
  const pattern = postalCodePatterns[country.trim().toUpperCase()];
  return pattern ? pattern.test(postalCode.trim()) : true;
}
