import type { TIssueInvoiceBody } from '@portal/contracts';
import { eq } from 'drizzle-orm';
import type { ProviderIdentity } from '../../config';
import type { Database, DbOrTx } from '../../db/client';
import {
  type BillingAddressSnapshot,
  type CustomerRow,
  customerContactEmail,
  customers,
  type PaymentMeansSnapshot,
  type ProviderSnapshot,
} from '../../db/schema/index';
import { AppError, type FieldError } from '../../lib/app-error';
import { today } from '../../lib/calendar';
import { invoiceCancelled, invoiceIssued } from '../../mail/templates/invoices';
import type { PdfRenderer } from '../../pdf/pdf-renderer';
import {
  announceAtIssue,
  collectionDateAtIssue,
  mandateFor,
  withdrawAnnouncedDebit,
} from '../collection/announcement.service';
import { asCustomerId, type CustomerId } from '../customers/customer-id';
import { publishEvent } from '../webhooks/webhooks.service';
import { computeAmounts, lineNet, negateTaxes, toQuantityMilli } from './invoice-amounts';
import { archiveIssuedDocuments } from './invoice-archive.service';
import { deliverInvoiceEmail } from './invoice-delivery';
import { addDays, formatGermanDate } from './invoice-format';
import { formatInvoiceNumber, yearOf } from './invoice-number';
import {
  allocateInvoiceSequence,
  findInvoiceLines,
  insertInvoice,
  lockInvoiceForBackOffice,
  setInvoiceState,
} from './invoices.repository';
import { closeOpenTransfers, findPaymentsOfInvoice } from './payments.repository';
import { deriveVatTreatment } from './vat/vat-treatment';

/** Largest gross amount an invoice may carry (integer column, and a sanity bound). */
const MAX_AMOUNT_CENTS = 1_000_000_000;
const PAYMENT_TERM_DAYS = 14;

export function providerSnapshot(provider: ProviderIdentity): ProviderSnapshot {
  const { supportHours: _hours, ...snapshot } = provider;
  return snapshot;
}

/** Everything issuing needs besides the database. */
export interface IssuingDeps {
  provider: ProviderIdentity;
  renderer: PdfRenderer;
  /** SEPA_PRE_NOTIFICATION_DAYS: a direct debit is announced at least this long before it is collected. */
  preNotificationDays?: number;
}

const DEFAULT_PRE_NOTIFICATION_DAYS = 14;

type BilledCustomer = CustomerRow & { email: string };

async function customerOf(db: DbOrTx, customerId: CustomerId): Promise<BilledCustomer> {
  const [row] = await db
    .select({ customer: customers, email: customerContactEmail })
    .from(customers)
    .where(eq(customers.id, customerId));
  const customer = row ? { ...row.customer, email: row.email } : undefined;
  if (!customer?.customerNumber) throw AppError.notFound('customer');
  if (!customer.street || !customer.postalCode || !customer.city || !customer.country) {
    throw new AppError('unprocessable', 'The customer has no complete billing address.');
  }
  return customer;
}

function billingAddressOf(customer: BilledCustomer): BillingAddressSnapshot {
  const customerNumber = customer.customerNumber ?? '';
  return {
    name: customer.name,
    company: customer.company,
    street: customer.street ?? '',
    postalCode: customer.postalCode ?? '',
    city: customer.city ?? '',
    country: customer.country ?? '',
    vatId: customer.vatId,
    customerNumber,
    buyerReference: customer.leitwegId ?? customerNumber,
    email: customer.invoiceEmail ?? customer.email,
  };
}

/** The tax rate of every line, derived from the customer; field errors for what cannot apply. */
function derivedLines(customer: BilledCustomer, body: TIssueInvoiceBody) {
  const derivation = deriveVatTreatment({
    country: customer.country ?? '',
    customerType: customer.customerType,
    vatId: customer.vatId,
    vatIdVerifiedAt: customer.vatIdVerifiedAt,
  });
  if (!derivation.ok) throw AppError.validation([derivation.error]);
  const errors: FieldError[] = [];
  const lines = body.lines.map((line, index) => {
    const taxRate = derivation.rateOf(line.vatRate);
    if (taxRate === null) {
      errors.push({ path: `lines.${index}.vatRate`, message: 'a reduced rate applies to customers in Germany only' });
    }
    const net = lineNet(toQuantityMilli(line.quantity), line.unitPrice);
    if (line.net !== undefined && line.net !== net) {
      errors.push({ path: `lines.${index}.net`, message: `quantity × unit price is ${net}, not ${line.net}` });
    }
    return { ...line, taxRate: taxRate ?? 0 };
  });
  if (errors.length) throw AppError.validation(errors);
  return { treatment: derivation.treatment, lines };
}

/**
 * How the invoice is paid: by SEPA direct debit when the customer has a usable mandate (unless
 * staff say `directDebit: false`), collected on the due date, which then lies at least the
 * pre-notification period after the issue date; else by transfer.
 */
async function paymentMeansFor(
  tx: DbOrTx,
  customerId: CustomerId,
  body: TIssueInvoiceBody,
  dates: { issueDate: string; dueDate: string; preNotificationDays: number },
) {
  if (body.directDebit === false) return { means: { method: 'transfer' } as PaymentMeansSnapshot, mandate: null };
  const use = await mandateFor(tx, customerId);
  if (!use.usable) {
    if (!body.directDebit) return { means: { method: 'transfer' } as PaymentMeansSnapshot, mandate: null };
    const message =
      use.reason === 'mandate_suspended'
        ? 'the mandate is suspended after returned debits'
        : 'the customer has no active SEPA mandate';
    throw AppError.validation([{ path: 'directDebit', message }]);
  }
  const earliest = addDays(dates.issueDate, dates.preNotificationDays);
  if (dates.dueDate < earliest) {
    throw AppError.validation([
      {
        path: 'dueDate',
        message: `a direct debit is announced ${dates.preNotificationDays} days ahead: ${earliest} at the earliest (or directDebit: false)`,
      },
    ]);
  }
  const { mandate } = use;
  const means: PaymentMeansSnapshot = {
    method: 'sepa_debit',
    mandateReference: mandate.reference,
    iban: mandate.iban,
    creditorId: mandate.creditorId,
    collectionDate: collectionDateAtIssue(dates.issueDate, dates.dueDate),
  };
  return { means, mandate };
}

/** Issues an invoice in one transaction: number, invoice, lines, archived documents, e-mail. */
export async function issueInvoice(db: Database, deps: IssuingDeps, body: TIssueInvoiceBody) {
  return db.transaction((tx) => issueInvoiceIn(tx, deps, body));
}

/** The issuing steps inside the caller's transaction (the demo seed issues through this too). */
export async function issueInvoiceIn(tx: DbOrTx, deps: IssuingDeps, body: TIssueInvoiceBody) {
  const issueDate = body.issueDate ?? today();
  const preNotificationDays = deps.preNotificationDays ?? DEFAULT_PRE_NOTIFICATION_DAYS;
  const customer = await customerOf(tx, asCustomerId(body.customerId));
  // A direct debit's due date is its collection date, at least the pre-notification period ahead.
  const debitLikely = body.directDebit !== false && (await mandateFor(tx, customer.id)).usable;
  const dueDate =
    body.dueDate ??
    addDays(issueDate, debitLikely ? Math.max(PAYMENT_TERM_DAYS, preNotificationDays) : PAYMENT_TERM_DAYS);
  if (dueDate < issueDate)
    throw AppError.validation([{ path: 'dueDate', message: 'must not be before the issue date' }]);
  const { treatment, lines } = derivedLines(customer, body);
  const amounts = computeAmounts(lines);
  if (amounts.gross > MAX_AMOUNT_CENTS) {
    throw AppError.validation([{ path: 'lines', message: 'the total exceeds 10,000,000.00 EUR' }]);
  }
  const { means: paymentMeans, mandate } = await paymentMeansFor(tx, customer.id, body, {
    issueDate,
    dueDate,
    preNotificationDays,
  });
  const billingAddress = billingAddressOf(customer);
  const year = yearOf(issueDate);
  const number = formatInvoiceNumber(year, await allocateInvoiceSequence(tx, year));
  const invoice = await insertInvoice(
    tx,
    {
      customerId: asCustomerId(body.customerId),
      number,
      issueDate,
      servicePeriodStart: body.servicePeriod.start,
      servicePeriodEnd: body.servicePeriod.end,
      dueDate,
      netCents: amounts.net,
      taxCents: amounts.tax,
      grossCents: amounts.gross,
      taxes: amounts.taxes,
      vatTreatment: treatment,
      paymentMeans,
      billingAddress,
      provider: providerSnapshot(deps.provider),
    },
    lines.map((line, index) => ({
      position: index + 1,
      description: line.description,
      quantityMilli: toQuantityMilli(line.quantity),
      unit: line.unit,
      unitPriceCents: line.unitPrice,
      taxRate: line.taxRate,
      netCents: amounts.lineNets[index] ?? 0,
    })),
  );
  const documents = await archiveIssuedDocuments(tx, deps.renderer, invoice);
  // The invoice mail is the debit's pre-notification too (amount, date, mandate, creditor).
  const debit = mandate ? await announceAtIssue(tx, invoice, mandate) : null;
  await deliverInvoiceEmail(tx, invoice, documents, {
    template: invoiceIssued,
    params: {
      name: billingAddress.name,
      number,
      grossCents: amounts.gross,
      dueDate,
      debit:
        debit && paymentMeans.method === 'sepa_debit'
          ? { ...debit, creditorId: paymentMeans.creditorId, invoiceNumber: number }
          : null,
    },
  });
  await publishEvent(tx, asCustomerId(body.customerId), 'invoice.issued', {
    invoiceId: invoice.id,
    number,
    total: { amount: amounts.gross, currency: 'EUR' },
    dueDate,
  });
  return invoice;
}

/**
 * Cancels an unpaid invoice with a cancellation invoice (Stornorechnung) that reverses every
 * amount; the original never changes except its state. A paid invoice needs a refund first.
 */
export async function cancelInvoice(db: Database, renderer: PdfRenderer, invoiceId: string, reason: string) {
  return db.transaction(async (tx) => {
    const original = await lockInvoiceForBackOffice(tx, invoiceId);
    if (!original) throw AppError.notFound('invoice');
    if (original.kind !== 'invoice' || original.state !== 'open') {
      throw new AppError(
        'conflict',
        `Invoice ${original.number} is ${original.state}; only open invoices can be cancelled.`,
      );
    }
    // An announced direct debit is withdrawn with the invoice; one at the bank already blocks.
    await withdrawAnnouncedDebit(tx, original, 'invoice_cancelled');
    const payments = await findPaymentsOfInvoice(tx, original.customerId, original.id);
    if (
      payments.some(
        (payment) => payment.method !== 'bank_transfer' && ['pending', 'requires_action'].includes(payment.status),
      )
    ) {
      throw new AppError('conflict', 'A payment of this invoice is in progress.');
    }
    const issueDate = today();
    const year = yearOf(issueDate);
    const number = formatInvoiceNumber(year, await allocateInvoiceSequence(tx, year));
    const lines = await findInvoiceLines(tx, original.id);
    const cancellation = await insertInvoice(
      tx,
      {
        customerId: original.customerId,
        number,
        kind: 'cancellation',
        cancelsInvoiceId: original.id,
        state: 'cancelled',
        issueDate,
        servicePeriodStart: original.servicePeriodStart,
        servicePeriodEnd: original.servicePeriodEnd,
        dueDate: issueDate,
        netCents: -original.netCents,
        taxCents: -original.taxCents,
        grossCents: -original.grossCents,
        taxes: negateTaxes(original.taxes),
        vatTreatment: original.vatTreatment,
        paymentMeans: { method: 'transfer' },
        taxNote: `Storno der Rechnung ${original.number} vom ${formatGermanDate(original.issueDate)}. Grund: ${reason}`,
        // The parties are those of the original invoice, as it was issued.
        billingAddress: original.billingAddress,
        provider: original.provider,
      },
      lines.map((line) => ({
        position: line.position,
        description: line.description,
        quantityMilli: line.quantityMilli,
        unit: line.unit,
        unitPriceCents: -line.unitPriceCents,
        taxRate: line.taxRate,
        netCents: -line.netCents,
      })),
    );
    const documents = await archiveIssuedDocuments(tx, renderer, cancellation);
    await setInvoiceState(tx, original.id, 'cancelled');
    await closeOpenTransfers(tx, original.id, 'invoice_cancelled');
    await deliverInvoiceEmail(tx, cancellation, documents, {
      template: invoiceCancelled,
      params: { name: original.billingAddress.name, number, originalNumber: original.number },
    });
    return cancellation;
  });
}
