import type { TAdminCustomerDetail, TAdminCustomerListItem } from '@portal/contracts';
import type { Database } from '../../db/client';
import type { CustomerRow } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import { listInvoices } from '../invoices/invoices.service';
import { listProducts } from '../products/products.service';
import { listTickets } from '../tickets/tickets.service';
import { findCustomerForStaff, findCustomersForStaff } from './admin-customers.repository';

function toListItem({ customer, email }: { customer: CustomerRow; email: string | null }): TAdminCustomerListItem {
  return {
    id: customer.id,
    customerNumber: customer.customerNumber,
    email: email ?? '',
    name: customer.name,
    company: customer.company,
    customerType: customer.customerType,
    vatId: customer.vatId,
    disabled: customer.deletedAt !== null,
    createdAt: customer.createdAt.toISOString(),
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
  const { customer } = row;
  const [products, invoices, tickets] = await Promise.all([
    listProducts(db, customer.id, 100),
    listInvoices(db, customer.id, { limit: 50 }),
    listTickets(db, customer.id, { limit: 50 }),
  ]);
  return {
    ...toListItem(row),
    phone: customer.phone,
    address:
      customer.street && customer.postalCode && customer.city && customer.country
        ? { street: customer.street, postalCode: customer.postalCode, city: customer.city, country: customer.country }
        : null,
    vatIdVerifiedAt: customer.vatIdVerifiedAt?.toISOString() ?? null,
    products: products.items,
    invoices: invoices.items,
    tickets: tickets.items,
  };
}
