import type { TInvoiceSettings } from '@portal/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { customers } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import { isValidLeitwegId, normalizeLeitwegId } from '../account/rules/leitweg-id';
import type { CustomerId } from '../customers/customer-id';

const columns = {
  delivery: customers.invoiceDelivery,
  invoiceEmail: customers.invoiceEmail,
  leitwegId: customers.leitwegId,
  customerType: customers.customerType,
};

function toSettings(row: {
  delivery: TInvoiceSettings['delivery'];
  invoiceEmail: string | null;
  leitwegId: string | null;
  customerType: 'consumer' | 'business' | null;
}): TInvoiceSettings {
  return { ...row, customerType: row.customerType ?? 'business' };
}

/** How the customer receives invoices (Stammdaten). */
export async function getInvoiceSettings(db: Database, customerId: CustomerId): Promise<TInvoiceSettings> {
  const [row] = await db.select(columns).from(customers).where(eq(customers.id, customerId));
  if (!row) throw AppError.notFound('customer');
  return toSettings(row);
}

/**
 * Saves the invoice settings. A Leitweg-ID must pass its check digits (a typo would route the
 * XRechnung nowhere). They apply to invoices issued from now on; issued ones never change.
 */
export async function saveInvoiceSettings(
  db: Database,
  customerId: CustomerId,
  input: TInvoiceSettings,
): Promise<TInvoiceSettings> {
  const leitwegId = input.leitwegId ? normalizeLeitwegId(input.leitwegId) : null;
  if (leitwegId && !isValidLeitwegId(leitwegId)) {
    throw AppError.validation([{ path: 'leitwegId', message: 'is not a Leitweg-ID (format or check digits)' }]);
  }
  const [row] = await db
    .update(customers)
    .set({
      invoiceDelivery: input.delivery,
      invoiceEmail: input.invoiceEmail,
      leitwegId,
      customerType: input.customerType,
      updatedAt: sql`now()`,
    })
    .where(eq(customers.id, customerId))
    .returning(columns);
  if (!row) throw AppError.notFound('customer');
  return toSettings(row);
}
