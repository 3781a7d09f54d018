/**
 * Invoice numbers (`RE-2026-000123`) in a remittance line, as people type them: any case, with
 * spaces or other separators, or none (`re 2026 000123`, `RE2026000123`). Found in order, once each.
 */
export function invoiceNumbersIn(remittance: string): string[] {
  const found: string[] = [];
  const compact = remittance.toUpperCase();
  for (const match of compact.matchAll(/(?<![A-Z0-9])R\s*E[\s\-./]*(\d{4})[\s\-./]*(\d{6})(?!\d)/g)) {
    const number = `RE-${match[1]}-${match[2]}`;
    if (!found.includes(number)) found.push(number);
  }
  return found;
}

/**
 * How a received amount pays the named invoices, in the order named: each up to what is open;
 * what is left over is a credit on the customer's account.
 */
export function allocate(
  amountCents: number,
  openInvoices: ReadonlyArray<{ id: string; openCents: number }>,
): { payments: Array<{ invoiceId: string; amountCents: number }>; creditCents: number } {
  let left = amountCents;
  const payments: Array<{ invoiceId: string; amountCents: number }> = [];
  for (const invoice of openInvoices) {
    if (left <= 0) break;
    const share = Math.min(left, invoice.openCents);
    if (share <= 0) continue;
    payments.push({ invoiceId: invoice.id, amountCents: share });
    left -= share;
  }
  return { payments, creditCents: left };
}
