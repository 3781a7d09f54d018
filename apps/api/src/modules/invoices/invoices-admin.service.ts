import type { TAdminInvoiceDetail, TAdminInvoiceListItem, TInvoiceStatus } from '@portal/contracts';
import type { Database } from '../../db/client';
import { AppError } from '../../lib/app-error';
import { today } from '../../lib/calendar';
import { type Page, pageOf } from '../../lib/pagination';
import type { PdfRenderer } from '../../pdf/pdf-renderer';
import { asCustomerId } from '../customers/customer-id';
import { getArchivedFile } from './invoice-archive.service';
import { toInvoiceSummary } from './invoice-mapping';
import { decodeCursor, encodeCursor, getInvoice } from './invoices.service';
import { findInvoiceOwner, findInvoicesForStaff } from './invoices-admin.repository';

/** The back office's invoice list: every customer, newest first, with the customer named. */
export async function listInvoicesForStaff(
  db: Database,
  query: {
    q?: string | undefined;
    status?: TInvoiceStatus[] | undefined;
    customerId?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<Page<TAdminInvoiceListItem>> {
  const day = today();
  const rows = await findInvoicesForStaff(db, {
    q: query.q,
    statuses: query.status,
    customerId: query.customerId,
    today: day,
    limit: query.limit + 1,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
  });
  const { rows: page, nextCursor, hasMore } = pageOf(rows, query.limit, encodeCursor);
  return {
    items: page.map((row) => {
      // The list leaves out direct debit and dunning (the customer's page shows them).
      const {
        directDebit: _debit,
        dunningLevel: _dunning,
        ...summary
      } = toInvoiceSummary(row, day, {
        directDebit: null,
        debitPending: row.debitPending,
        dunningLevel: null,
      });
      return {
        ...summary,
        customerId: row.customerId,
        customerNumber: row.customerNumber,
        customerName: row.customerName,
        customerCompany: row.customerCompany,
      };
    }),
    nextCursor,
    hasMore,
  };
}

/** The archived PDF of any customer's invoice: the customer's own download path, for its owner. */
export async function getArchivedPdfForStaff(db: Database, renderer: PdfRenderer, invoiceId: string) {
  const customerId = await findInvoiceOwner(db, invoiceId);
  if (!customerId) throw AppError.notFound('invoice');
  return getArchivedFile(db, renderer, customerId, invoiceId, 'pdf');
}

/** One invoice for staff: its owner first, then the customer's own detail (scoped by that id). */
export async function getInvoiceForStaff(db: Database, invoiceId: string): Promise<TAdminInvoiceDetail> {
  const owner = await findInvoiceOwner(db, invoiceId);
  if (!owner) throw AppError.notFound('invoice');
  return { ...(await getInvoice(db, asCustomerId(owner), invoiceId)), customerId: owner };
}
