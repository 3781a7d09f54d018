import type { TAdminSecurityEvent, TSecurityEventType } from '@portal/contracts';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/app-error';
import type { Page } from '../../lib/pagination';
import { findCustomerForStaff } from '../account/admin-customers.repository';
import { asCustomerId } from '../customers/customer-id';
import { findCustomerSecurityEvents } from './customer-security-log.repository';

/** A customer account's security log for the back office; deleted accounts too, while entries are kept. */
export async function listCustomerSecurityEventsForStaff(
  db: DbOrTx,
  customerId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<TAdminSecurityEvent>> {
  if (!(await findCustomerForStaff(db, customerId))) throw AppError.notFound('customer');
  const { rows, nextCursor, hasMore } = await findCustomerSecurityEvents(db, asCustomerId(customerId), query);
  return {
    nextCursor,
    hasMore,
    items: rows.map(({ event, user }) => ({
      id: event.id,
      type: event.type as TSecurityEventType,
      occurredAt: event.occurredAt.toISOString(),
      requestId: event.requestId,
      ipAddress: event.ipAddress,
      userAgent: event.userAgent,
      details: event.details as TAdminSecurityEvent['details'],
      user,
    })),
  };
}
