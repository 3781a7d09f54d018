import type { TAdminCustomerDetail, TAdminCustomerListItem } from '@portal/contracts';
import type { Database } from '../../db/client';
import type { UserRow } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import { listInvoices } from '../invoices/invoices.service';
import { listProducts } from '../products/products.service';
import { listTickets } from '../tickets/tickets.service';
import { findCustomerForStaff, findCustomersForStaff } from './admin-customers.repository';

function toListItem(row: UserRow): TAdminCustomerListItem {
  return {
    id: row.id,
    customerNumber: row.customerNumber ?? '',
    email: row.email,
    name: row.name,
    company: row.company,
    customerType: row.customerType ?? 'business',
    vatId: row.vatId,
    disabled: row.disabledAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listCustomersForStaff(
  db: Database,
  query: { q?: string | undefined; limit: number; cursor?: string | undefined },
) {
  const { rows, nextCursor, hasMore } = await findCustomersForStaff(db, query);
  return { items: rows.map(toListItem), nextCursor, hasMore };
}

/** The customer page of the back office: reads through the customer's own services, scoped by their id. */
export async function getCustomerForStaff(db: Database, customerId: string): Promise<TAdminCustomerDetail> {
  const row = await findCustomerForStaff(db, customerId);
  if (!row) throw AppError.notFound('customer');
  const [products, invoices, tickets] = await Promise.all([
    listProducts(db, customerId, 100),
    listInvoices(db, customerId, { limit: 50 }),
    listTickets(db, customerId, { limit: 50 }),
  ]);
  return {
    ...toListItem(row),
    phone: row.phone,
    address:
      row.street && row.postalCode && row.city && row.country
        ? { street: row.street, postalCode: row.postalCode, city: row.city, country: row.country }
        : null,
    vatIdVerifiedAt: row.vatIdVerifiedAt?.toISOString() ?? null,
    products: products.items,
    invoices: invoices.items,
    tickets: tickets.items,
  };
}
