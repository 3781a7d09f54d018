/**
 * Leitweg-ID (KoSIT, "Format und Vergabe der Leitweg-ID" 2.0.2): the routing ID of a German
 * public-sector buyer, `Grobadressierung[-Feinadressierung]-Prüfziffer`. The check digits are
 * ISO 7064 MOD 97-10 over the ID without hyphens, letters as numbers (A = 10 … Z = 35), as in an
 * IBAN: the whole value modulo 97 is 1.
 */
const LEITWEG_FORMAT = /^\d{2,12}(-[A-Z0-9]{1,30})?-\d{2}$/;

function mod97(digits: string): number {
  let remainder = 0;
  for (const char of digits) remainder = (remainder * 10 + Number(char)) % 97;
  return remainder;
}

function asDigits(value: string): string {
  return [...value.replace(/-/g, '')]
    .map((char) => (/[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char))
    .join('');
}

export function normalizeLeitwegId(input: string): string {
  return input.trim().toUpperCase();
}

export function isValidLeitwegId(input: string): boolean {
  const value = normalizeLeitwegId(input);
  return LEITWEG_FORMAT.test(value) && mod97(asDigits(value)) === 1;
}

/** The two check digits for an ID without them (used by tests and by staff tools). */
export function leitwegCheckDigits(withoutCheck: string): string {
  const remainder = mod97(`${asDigits(normalizeLeitwegId(withoutCheck))}00`);
  return String(98 - remainder).padStart(2, '0');
}
