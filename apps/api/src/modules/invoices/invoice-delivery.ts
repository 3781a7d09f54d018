import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { InvoiceRow } from '../../db/schema/index';
import { customerContactEmail, customers } from '../../db/schema/index';
import { sendEmail } from '../../mail/mailer';
import { languageOfCustomer } from '../../mail/recipient-language';
import type { MailTemplate } from '../../mail/template';

/**
 * Sends an issued document to the customer through the outbox, in the issuing transaction, as
 * they chose in Stammdaten: the archived PDF attached (default), the XRechnung too, or only a
 * notice that the document is in the portal. Goes to the invoice address when one is set.
 */
export async function deliverInvoiceEmail<P>(
  tx: DbOrTx,
  invoice: InvoiceRow,
  documents: { pdf: Buffer; xml: Buffer },
  mail: { template: MailTemplate<P>; params: P },
) {
  const [customer] = await tx
    .select({ email: customerContactEmail, invoiceEmail: customers.invoiceEmail, delivery: customers.invoiceDelivery })
    .from(customers)
    .where(eq(customers.id, invoice.customerId));
  if (!customer) return;
  const pdf = { filename: `${invoice.number}.pdf`, contentType: 'application/pdf', content: documents.pdf };
  const xml = { filename: `${invoice.number}-xrechnung.xml`, contentType: 'application/xml', content: documents.xml };
  const attachments =
    customer.delivery === 'portal' ? [] : customer.delivery === 'email_pdf_xrechnung' ? [pdf, xml] : [pdf];
  const to = customer.invoiceEmail ?? customer.email;
  await sendEmail(tx, { to, language: await languageOfCustomer(tx, invoice.customerId, to), ...mail, attachments });
}
