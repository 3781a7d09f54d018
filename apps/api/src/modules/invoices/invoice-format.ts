/** German formatting for invoice documents (German, as issued); e-mails format with mail/format.ts. */
const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const quantity = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 3 });

export function formatEuro(cents: number): string {
  return euro.format(cents / 100);
}

/** A VAT rate as German documents write it: "19", "25,5". */
export function formatRate(percent: number): string {
  return new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }).format(percent);
}

export function formatQuantity(quantityMilli: number): string {
  return quantity.format(quantityMilli / 1000);
}

/** `2026-03-01` → `01.03.2026`. */
export function formatGermanDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

/** IBAN in groups of four, as printed on paper. */
export function formatIban(iban: string): string {
  return iban
    .replace(/\s+/g, '')
    .replace(/(.{4})/g, '$1 ')
    .trim();
}

export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}
