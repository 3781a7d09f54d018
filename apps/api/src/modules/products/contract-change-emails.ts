import type { DbOrTx } from '../../db/client';
import type { CustomerProductRow } from '../../db/schema/index';
import { sendEmail } from '../../mail/mailer';
import { languageOfCustomer } from '../../mail/recipient-language';
import {
  contractChangeCancelled,
  contractChanged,
  contractEndedByProvider,
  contractEndMoved,
} from '../../mail/templates/contracts';
import type { CustomerId } from '../customers/customer-id';

interface Recipient {
  email: string;
  name: string;
}

const termsOf = (product: CustomerProductRow) => ({
  priceCents: product.priceCents,
  billingInterval: product.billingInterval,
  minimumTermMonths: product.minimumTermMonths,
  noticePeriodMonths: product.noticePeriodMonths,
});

/** Tells the customer of a new version of their contract: what changes, from when, and why. */
export async function sendContractChangeNotice(
  tx: DbOrTx,
  customerId: CustomerId,
  to: Recipient,
  change: { before: CustomerProductRow; after: CustomerProductRow; effectiveDate: string; reason: string },
) {
  const { before, after } = change;
  await sendEmail(tx, {
    to: to.email,
    customerId,
    language: await languageOfCustomer(tx, customerId, to.email),
    template: contractChanged,
    params: {
      customerName: to.name,
      contractNumber: after.contractNumber,
      productName: after.name,
      effectiveDate: change.effectiveDate,
      before: termsOf(before),
      after: termsOf(after),
      reason: change.reason,
    },
  });
}

/** Tells the customer that the provider ends their contract, on which day, and why. */
export async function sendContractEndNotice(
  tx: DbOrTx,
  customerId: CustomerId,
  to: Recipient,
  product: CustomerProductRow,
  end: { endDate: string; reason: string },
) {
  await sendEmail(tx, {
    to: to.email,
    customerId,
    language: await languageOfCustomer(tx, customerId, to.email),
    template: contractEndedByProvider,
    params: {
      customerName: to.name,
      contractNumber: product.contractNumber,
      productName: product.name,
      endDate: end.endDate,
      reason: end.reason,
    },
  });
}

/** Tells the customer their contract ends on another day than they were told, and why. */
export async function sendContractEndMovedNotice(
  tx: DbOrTx,
  customerId: CustomerId,
  to: Recipient,
  product: CustomerProductRow,
  move: { previousEndDate: string; endDate: string; reason: string; movedOn: string },
) {
  await sendEmail(tx, {
    to: to.email,
    customerId,
    language: await languageOfCustomer(tx, customerId, to.email),
    template: contractEndMoved,
    params: {
      customerName: to.name,
      contractNumber: product.contractNumber,
      productName: product.name,
      ...move,
    },
  });
}

/** Tells the customer that a change they were told of will not take place. */
export async function sendContractChangeCancelledNotice(
  tx: DbOrTx,
  customerId: CustomerId,
  to: Recipient,
  product: CustomerProductRow,
  effectiveDate: string,
) {
  await sendEmail(tx, {
    to: to.email,
    customerId,
    language: await languageOfCustomer(tx, customerId, to.email),
    template: contractChangeCancelled,
    params: {
      customerName: to.name,
      contractNumber: product.contractNumber,
      productName: product.name,
      effectiveDate,
    },
  });
}
