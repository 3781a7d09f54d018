/** `RE-2026-000123`: prefix, year of the issue date, six-digit running number of that year. */
export function formatInvoiceNumber(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) {
    throw new RangeError(`invoice sequence out of range: ${sequence}`);
  }
  return `RE-${year}-${String(sequence).padStart(6, '0')}`;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
