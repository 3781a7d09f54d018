/**
 * Amounts in bank files are decimal euros; the portal counts integer cents. These two are the
 * only conversions, so nothing on the way can round.
 */
export function centsToDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`not a cent amount: ${cents}`);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** `"1234.5"` → 123450; null for anything that is not a non-negative amount in whole cents. */
export function decimalToCents(text: string): number | null {
  const match = /^(\d{1,15})(?:\.(\d{1,5}))?$/.exec(text.trim());
  if (!match) return null;
  const fraction = (match[2] ?? '').padEnd(5, '0');
  if (fraction.slice(2) !== '000') return null;
  const cents = Number(match[1]) * 100 + Number(fraction.slice(0, 2));
  return Number.isSafeInteger(cents) ? cents : null;
}
