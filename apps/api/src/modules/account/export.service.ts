import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { contractDocuments, customerProducts, payments, productCancellations, sessions } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import { today } from '../../lib/calendar';
import { findEmailsTo } from '../../mail/outbox.repository';
import { findInvoiceLines, findInvoices } from '../invoices/invoices.repository';
import { findThread, findTicketsOfCustomer } from '../tickets/tickets.repository';
import { findCustomer } from './account.repository';
import { findPendingEmailChange } from './account-tokens.repository';
import { listMandates } from './bank-account.repository';
import { toProfile } from './profile.service';

/** Far above any real customer's count; the export is one file, not a paginated list. */
const ALL = 100_000;

/**
 * Everything the portal holds about the customer (GDPR Art. 15 access, Art. 20 portability), as
 * one JSON document. Binary files (PDFs, attachments) are listed with their metadata; they are
 * downloadable in their sections. Secrets (password hash, token hashes) are not personal data
 * the customer could use and stay out.
 */
export async function exportCustomerData(db: Database, customerId: string) {
  const user = await findCustomer(db, customerId);
  if (!user) throw AppError.notFound('customer');

  const [invoiceRows, ticketRows, mandates, sessionRows, products, cancellations, documents, paymentRows, emails] =
    await Promise.all([
      findInvoices(db, customerId, { today: today(), limit: ALL }),
      findTicketsOfCustomer(db, customerId, { limit: ALL }),
      listMandates(db, customerId),
      db.select().from(sessions).where(eq(sessions.userId, customerId)),
      db.select().from(customerProducts).where(eq(customerProducts.customerId, customerId)),
      db.select().from(productCancellations).where(eq(productCancellations.customerId, customerId)),
      db
        .select({
          id: contractDocuments.id,
          productId: contractDocuments.productId,
          kind: contractDocuments.kind,
          title: contractDocuments.title,
          version: contractDocuments.version,
          acceptedOn: contractDocuments.acceptedOn,
          createdAt: contractDocuments.createdAt,
        })
        .from(contractDocuments)
        .where(eq(contractDocuments.customerId, customerId)),
      db.select().from(payments).where(eq(payments.customerId, customerId)),
      findEmailsTo(db, user.email),
    ]);

  const invoicesWithLines = await Promise.all(
    invoiceRows.map(async (invoice) => ({ ...invoice, lines: await findInvoiceLines(db, invoice.id) })),
  );
  const ticketsWithThreads = await Promise.all(
    ticketRows.map(async (ticket) => ({ ...ticket, ...(await findThread(db, ticket.id)) })),
  );

  return {
    format: 'portal-customer-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    account: {
      id: user.id,
      role: user.role,
      ...toProfile(user, await findPendingEmailChange(db, customerId)),
      hasPassword: user.passwordHash !== null,
      createdAt: user.createdAt.toISOString(),
      updatedAt: user.updatedAt.toISOString(),
    },
    sessions: sessionRows.map(({ userId: _userId, ...session }) => session),
    sepaMandates: mandates.map(({ customerId: _customerId, ...mandate }) => mandate),
    products,
    cancellations,
    contractDocuments: documents,
    invoices: invoicesWithLines,
    payments: paymentRows.map(({ requestHash: _hash, ...payment }) => payment),
    tickets: ticketsWithThreads,
    emails: emails.map((email) => ({
      subject: email.subject,
      template: email.template,
      textBody: email.textBody,
      createdAt: email.createdAt,
    })),
  };
}
