import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { customerContactEmail, customers, type InvoiceRow } from '../../db/schema/index';
import { sendEmail } from '../../mail/mailer';
import { languageOfCustomer } from '../../mail/recipient-language';
import type { MailTemplate } from '../../mail/template';
import {
  type DebitReturned,
  type DunningNotice,
  debitPreNotification,
  debitReturned,
  debitWithdrawn,
  dunningNotice,
  type PayeeAccount,
  type PreNotification,
  type WithdrawalReason,
} from '../../mail/templates/collection';
import type { CustomerId } from '../customers/customer-id';

/** Where mails about paying go: the invoice address (accounting) when set, else the sign-in address. */
export async function billingAddressOf(tx: DbOrTx, customerId: CustomerId) {
  const [row] = await tx
    .select({ email: customerContactEmail, invoiceEmail: customers.invoiceEmail })
    .from(customers)
    .where(eq(customers.id, customerId));
  return row ? (row.invoiceEmail ?? row.email) : null;
}

/** A mail about one invoice to the customer's billing address, in the account's language. */
async function mailAbout<P>(tx: DbOrTx, invoice: InvoiceRow, template: MailTemplate<P>, params: P) {
  const to = await billingAddressOf(tx, invoice.customerId);
  if (!to) return;
  await sendEmail(tx, {
    to,
    customerId: invoice.customerId,
    language: await languageOfCustomer(tx, invoice.customerId, to),
    template,
    params,
  });
}

/** The provider's account as the invoice names it: where a transfer goes. */
const payeeOf = (invoice: InvoiceRow): PayeeAccount => ({
  name: invoice.provider.name,
  iban: invoice.provider.iban,
  bic: invoice.provider.bic,
});

export async function sendPreNotification(
  tx: DbOrTx,
  invoice: InvoiceRow,
  debit: Omit<PreNotification, 'invoiceNumber'>,
) {
  await mailAbout(tx, invoice, debitPreNotification, {
    ...debit,
    invoiceNumber: invoice.number,
    name: invoice.billingAddress.name,
  });
}

export async function sendReturnNotice(
  tx: DbOrTx,
  invoice: InvoiceRow,
  debit: Pick<DebitReturned, 'amountCents' | 'reason' | 'feeCents' | 'mandateSuspended'>,
) {
  await mailAbout(tx, invoice, debitReturned, {
    ...debit,
    name: invoice.billingAddress.name,
    invoiceNumber: invoice.number,
    payee: payeeOf(invoice),
  });
}

/** An announced debit that will not be collected: why, and how to pay instead. */
export async function sendWithdrawalNotice(tx: DbOrTx, invoice: InvoiceRow, reason: WithdrawalReason) {
  await mailAbout(tx, invoice, debitWithdrawn, {
    name: invoice.billingAddress.name,
    invoiceNumber: invoice.number,
    reason,
    payee: payeeOf(invoice),
  });
}

export async function sendDunningNotice(
  tx: DbOrTx,
  invoice: InvoiceRow,
  notice: Pick<DunningNotice, 'openCents' | 'feeCents' | 'payBy'> & { level: number },
) {
  const { level, ...amounts } = notice;
  await mailAbout(tx, invoice, dunningNotice(level), {
    ...amounts,
    name: invoice.billingAddress.name,
    invoiceNumber: invoice.number,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    payee: payeeOf(invoice),
  });
}
