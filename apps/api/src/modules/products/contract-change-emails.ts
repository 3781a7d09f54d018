import type { DbOrTx } from '../../db/client';
import type { CustomerProductRow } from '../../db/schema/index';
import { salutation } from '../../mail/letter';
import { sendEmail } from '../../mail/mailer';
import { formatGermanDate } from './document-templates';
import { productPrice } from './product-price';

const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const intervalNames = { monthly: 'monatlich', quarterly: 'vierteljährlich', yearly: 'jährlich' } as const;

function priceText(product: CustomerProductRow): string {
  const price = productPrice(product.priceCents, product.billingInterval);
  return `${euro.format(price.amount / 100)} netto ${intervalNames[product.billingInterval]}`;
}

interface Recipient {
  email: string;
  name: string;
}

const portalHint =
  'Die Einzelheiten und alle Fassungen Ihrer Vertragsunterlagen finden Sie im Kundenportal unter „Produkte“.';

/** Tells the customer of a new version of their contract: what changes, from when, and why. */
export async function sendContractChangeNotice(
  tx: DbOrTx,
  to: Recipient,
  change: { before: CustomerProductRow; after: CustomerProductRow; effectiveDate: string; reason: string },
) {
  const { before, after } = change;
  await sendEmail(tx, {
    to: to.email,
    subject: `Änderung Ihres Vertrags ${after.contractNumber} – ${after.name}`,
    template: 'contract.changed',
    paragraphs: [
      salutation(to.name),
      `für Ihren Vertrag ${after.contractNumber} („${after.name}“) gelten ab dem ${formatGermanDate(change.effectiveDate)} neue Bedingungen.`,
      `Entgelt: bisher ${priceText(before)}, künftig ${priceText(after)}\nMindestlaufzeit: ${after.minimumTermMonths} Monate, Kündigungsfrist: ${after.noticePeriodMonths} Monate`,
      `Grund der Änderung: ${change.reason}`,
      portalHint,
    ],
  });
}

/** Tells the customer that the provider ends their contract, on which day, and why. */
export async function sendContractEndNotice(
  tx: DbOrTx,
  to: Recipient,
  product: CustomerProductRow,
  end: { endDate: string; reason: string },
) {
  await sendEmail(tx, {
    to: to.email,
    subject: `Beendigung Ihres Vertrags ${product.contractNumber} – ${product.name}`,
    template: 'contract.ended_by_provider',
    paragraphs: [
      salutation(to.name),
      `wir beenden Ihren Vertrag ${product.contractNumber} („${product.name}“) zum ${formatGermanDate(end.endDate)}.`,
      `Grund: ${end.reason}`,
      portalHint,
    ],
  });
}
