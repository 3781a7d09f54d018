import type { DbOrTx } from '../../db/client';
import { sendEmail } from '../../mail/mailer';
import { languageOfCustomer } from '../../mail/recipient-language';
import { type TicketMail, ticketStaffReply, ticketStatusChanged } from '../../mail/templates/tickets';
import type { CustomerId } from '../customers/customer-id';

export interface TicketMailContext extends TicketMail {
  to: string;
  customerId: CustomerId;
}

/** The staff answer, to the customer's contact in the account's language. */
export async function sendStaffReply(tx: DbOrTx, context: TicketMailContext, reply: string) {
  const { to, customerId, ...params } = context;
  await sendEmail(tx, {
    to,
    language: await languageOfCustomer(tx, customerId, to),
    template: ticketStaffReply,
    params: { ...params, reply },
  });
}

export async function sendStatusChanged(tx: DbOrTx, context: TicketMailContext) {
  const { to, customerId, ...params } = context;
  await sendEmail(tx, {
    to,
    language: await languageOfCustomer(tx, customerId, to),
    template: ticketStatusChanged,
    params,
  });
}
