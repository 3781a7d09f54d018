/**
 * BIC (ISO 9362): 4 letters institution, 2 letters country, 2 alphanumerics location, optional
 * 3 alphanumerics branch. The second location character `0` marks test BICs, which we refuse.
 */
const BIC = /^[A-Z]{4}[A-Z]{2}[A-Z0-9][A-NP-Z1-9]([A-Z0-9]{3})?$/;

export function normalizeBic(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export type BicProblem = 'format' | 'country';

/** Why a BIC (normalised) is invalid; when an IBAN is given, the countries must match. */
export function bicProblem(bic: string, ibanCountry?: string): BicProblem | null {
  if (!BIC.test(bic)) return 'format';
  // Monaco, San Marino, Vatican and others bank through French/Italian BICs; only flag plain mismatches.
  const relaxed: Record<string, string[]> = { MC: ['FR'], SM: ['IT'], VA: ['IT'], GI: ['GB'] };
  const country = bic.slice(4, 6);
  if (ibanCountry && country !== ibanCountry && !relaxed[ibanCountry]?.includes(country)) return 'country';
  return null;
}
