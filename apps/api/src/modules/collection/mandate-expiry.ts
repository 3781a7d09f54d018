import type { Database } from '../../db/client';
import { sendEmail } from '../../mail/mailer';
import { mandateExpired } from '../../mail/templates/collection';
import { asCustomerId } from '../customers/customer-id';
import { findCustomer, findOwners } from '../customers/customers.repository';
import { expireMandate, findMandatesUnusedSince } from './debits.repository';

/** SEPA rulebook: a mandate not used for 36 months expires; a new debit needs a new mandate. */
export const MANDATE_EXPIRY_MONTHS = 36;

export function mandateExpiryCutoff(now: Date): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - MANDATE_EXPIRY_MONTHS);
  return cutoff;
}

/** Ends every active mandate without a debit submitted in the last 36 months, and tells the customer. */
export async function expireUnusedMandates(db: Database, now: Date): Promise<number> {
  let expired = 0;
  for (const mandate of await findMandatesUnusedSince(db, mandateExpiryCutoff(now))) {
    const done = await db.transaction(async (tx) => {
      if (!(await expireMandate(tx, mandate.customerId, mandate.id))) return false;
      const customer = await findCustomer(tx, asCustomerId(mandate.customerId));
      const [owner] = customer ? await findOwners(tx, asCustomerId(customer.id)) : [];
      if (customer && owner) {
        await sendEmail(tx, {
          to: owner.email,
          customerId: customer.id,
          language: owner.language,
          template: mandateExpired,
          params: { name: customer.name, reference: mandate.reference },
        });
      }
      return true;
    });
    if (done) expired++;
  }
  return expired;
}
