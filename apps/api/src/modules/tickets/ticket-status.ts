import type { TTicketStatus } from '@portal/contracts';
import { AppError } from '../../lib/app-error';

/**
 * The status a customer's reply leaves a ticket in: a ticket waiting for the customer goes back
 * to the team; open and in-progress tickets stay as they are. A closed ticket takes no replies
 * (the customer opens a new one, so a finished case is not silently revived).
 */
export function statusAfterCustomerReply(current: TTicketStatus): TTicketStatus {
  if (current === 'closed') {
    throw new AppError('conflict', 'The ticket is closed. Please open a new ticket.');
  }
  return current === 'waiting_for_customer' ? 'open' : current;
}

/** A customer may close their own ticket from any state but closed. */
export function statusAfterCustomerClose(current: TTicketStatus): TTicketStatus {
  if (current === 'closed') throw new AppError('conflict', 'The ticket is already closed.');
  return 'closed';
}

/** Staff may move a ticket to any status; the customer hears about it only when it changes. */
export function staffStatusChange(current: TTicketStatus, requested: TTicketStatus) {
  return { status: requested, changed: current !== requested };
}
