import type { TCorrectInvoiceBody } from '@portal/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { invoices } from '../../db/schema/index';
import { AppError, type FieldError } from '../../lib/app-error';
import { today } from '../../lib/calendar';
import { invoiceCorrected } from '../../mail/templates/invoices';
import type { PdfRenderer } from '../../pdf/pdf-renderer';
import { computeAmounts, negateTaxes, toQuantityMilli } from './invoice-amounts';
import { archiveIssuedDocuments } from './invoice-archive.service';
import { deliverInvoiceEmail } from './invoice-delivery';
import { formatGermanDate } from './invoice-format';
import { formatInvoiceNumber, yearOf } from './invoice-number';
import { allocateInvoiceSequence, insertInvoice, lockInvoiceForBackOffice } from './invoices.repository';

/**
 * Corrects an issued invoice (§14 UStG: never by changing it) with a correction invoice of its
 * own number that credits the given lines and refers to the original (BT-25). The tax follows
 * the original: same treatment, only its rates. Credits never exceed what is left of the
 * original after earlier corrections. The credit is settled at issue (refunded or offset by
 * accounting), so it is stored as paid and shows in the customer's list with negative amounts.
 */
export async function correctInvoice(
  db: Database,
  renderer: PdfRenderer,
  invoiceId: string,
  body: TCorrectInvoiceBody,
) {
  return db.transaction(async (tx) => {
    const original = await lockInvoiceForBackOffice(tx, invoiceId);
    if (!original) throw AppError.notFound('invoice');
    if (original.kind !== 'invoice' || original.state !== 'paid') {
      throw new AppError(
        'conflict',
        `Invoice ${original.number} is ${original.state}; an unpaid invoice is cancelled instead.`,
      );
    }
    const rates = new Set(original.taxes.map((row) => row.taxRate));
    const errors: FieldError[] = body.lines.flatMap((line, index) =>
      rates.has(line.taxRate)
        ? []
        : [{ path: `lines.${index}.taxRate`, message: `the original invoice has no ${line.taxRate} % rate` }],
    );
    if (errors.length) throw AppError.validation(errors);
    const amounts = computeAmounts(body.lines);
    const [credited] = await tx
      .select({ gross: sql<number>`coalesce(-sum(${invoices.grossCents}), 0)::int` })
      .from(invoices)
      .where(and(eq(invoices.correctsInvoiceId, original.id), eq(invoices.kind, 'correction')));
    const remaining = original.grossCents - (credited?.gross ?? 0);
    if (amounts.gross > remaining) {
      throw AppError.validation([
        { path: 'lines', message: `credits ${amounts.gross} cents, but only ${remaining} are left to correct` },
      ]);
    }
    const issueDate = today();
    const year = yearOf(issueDate);
    const number = formatInvoiceNumber(year, await allocateInvoiceSequence(tx, year));
    const correction = await insertInvoice(
      tx,
      {
        customerId: original.customerId,
        number,
        kind: 'correction',
        correctsInvoiceId: original.id,
        state: 'paid',
        paidAt: new Date(),
        issueDate,
        servicePeriodStart: original.servicePeriodStart,
        servicePeriodEnd: original.servicePeriodEnd,
        dueDate: issueDate,
        netCents: -amounts.net,
        taxCents: -amounts.tax,
        grossCents: -amounts.gross,
        taxes: negateTaxes(amounts.taxes),
        vatTreatment: original.vatTreatment,
        paymentMeans: { method: 'transfer' },
        taxNote: `Rechnungskorrektur zur Rechnung ${original.number} vom ${formatGermanDate(original.issueDate)}. Grund: ${body.reason}`,
        billingAddress: original.billingAddress,
        provider: original.provider,
      },
      body.lines.map((line, index) => ({
        position: index + 1,
        description: line.description,
        quantityMilli: toQuantityMilli(line.quantity),
        unit: line.unit,
        unitPriceCents: -line.unitPrice,
        taxRate: line.taxRate,
        netCents: -(amounts.lineNets[index] ?? 0),
      })),
    );
    const documents = await archiveIssuedDocuments(tx, renderer, correction);
    await deliverInvoiceEmail(tx, correction, documents, {
      template: invoiceCorrected,
      params: {
        name: original.billingAddress.name,
        number,
        originalNumber: original.number,
        amountCents: amounts.gross,
      },
    });
    return correction;
  });
}
