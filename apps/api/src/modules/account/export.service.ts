import { type TCustomerExport, ZCustomerExport } from '@portal/contracts';
import type { Database } from '../../db/client';
import { AppError } from '../../lib/app-error';
import { dataLifecycles } from '../../lifecycle/registry';
import { asCustomerId, type CustomerId } from '../customers/customer-id';
import { findCustomer } from '../customers/customers.repository';

/**
 * Everything the portal holds about the customer (GDPR Art. 15 access, Art. 20 portability), as
 * one JSON document whose schema is `ZCustomerExport`: each registered module adds its records.
 * Binary files (PDFs, attachments) are listed with their metadata and downloadable in their
 * sections. Secrets (password hash, token hashes, link tokens in mails) stay out.
 */
export async function exportCustomerData(db: Database, customerId: CustomerId): Promise<TCustomerExport> {
  const user = await findCustomer(db, asCustomerId(customerId));
  if (!user) throw AppError.notFound('customer');
  const sections = await Promise.all(dataLifecycles.map((entry) => entry.export(db, customerId)));
  // Parsed, so a section no module filled fails here rather than reaching the customer incomplete.
  return ZCustomerExport.parse({
    format: 'portal-customer-export',
    version: 2,
    exportedAt: new Date().toISOString(),
    ...Object.assign({}, ...sections),
  });
}
