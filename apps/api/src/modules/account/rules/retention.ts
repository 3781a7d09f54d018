/** §147 AO, §14b UStG (since 2025): invoices are kept 8 years from the end of their calendar year. */
export const INVOICE_RETENTION_YEARS = 8;

/** The last day an invoice issued on `issueDate` (YYYY-MM-DD) must still be kept. */
export function retainedUntil(issueDate: string): string {
  const year = Number(issueDate.slice(0, 4));
  return `${year + INVOICE_RETENTION_YEARS}-12-31`;
}

/** A deleted customer's remaining records may go once every invoice's period has ended. */
export function mayPurge(invoiceIssueDates: string[], today: string): boolean {
  return invoiceIssueDates.every((issueDate) => today > retainedUntil(issueDate));
}
