import { checkInvoiceDates, ZCorrectInvoiceBody, ZIssueInvoiceBody, ZIssueInvoiceLine } from '@portal/contracts';
import { z } from 'zod';

/** "1.234,50", "12,5" or "12.50" euros as integer cents, never through a float. */
export function eurosToCents(text: string): number {
  const [euros = '0', cents = ''] = text.replace(/[\s.](?=\d{3}(\D|$))/g, '').split(/[.,]/);
  return Number(euros) * 100 + Number(cents.padEnd(2, '0'));
}

/** Euros as staff type them, turned into the cents a contract's schema checks. */
export const eurosText = (cents: z.ZodType<number, number>) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,3}([.\s]?\d{3})*([.,]\d{1,2})?$/)
    .transform(eurosToCents)
    .pipe(cents);

const ZEuros = eurosText(ZIssueInvoiceLine.shape.unitPrice);

const ZQuantity = z
  .string()
  .trim()
  .regex(/^\d+([.,]\d{1,3})?$/)
  .transform((text) => Number(text.replace(',', '.')))
  .pipe(ZIssueInvoiceLine.shape.quantity);

/** A line as staff type it: quantity and euros as text (German or English decimals). */
const lineOverrides = { quantity: ZQuantity, unitPrice: ZEuros };

/** The issuing contract with lines typed in euros; the dates and their rules are the contract's own. */
export const ZIssueInvoiceForm = z
  .object({
    ...ZIssueInvoiceBody.shape,
    lines: z
      .array(ZIssueInvoiceLine.omit({ net: true }).extend(lineOverrides))
      .min(1)
      .max(200),
  })
  .superRefine(checkInvoiceDates);

const correctionLine = ZCorrectInvoiceBody.shape.lines.element;

export const ZCorrectInvoiceForm = ZCorrectInvoiceBody.extend({
  lines: z
    .array(
      correctionLine
        .omit({ net: true })
        .extend({ ...lineOverrides, taxRate: z.coerce.number().pipe(correctionLine.shape.taxRate) }),
    )
    .min(1)
    .max(200),
});

export const emptyLine = { description: '', quantity: '1', unit: 'Monat', unitPrice: '' };
