import type { TCancellationType } from '@portal/contracts';
import type { DbOrTx } from '../../db/client';
import { BUSINESS_TIME_ZONE } from '../../lib/calendar';
import { sendEmail } from '../../mail/mailer';
import { formatGermanDate } from './document-templates';

const typeNames: Record<TCancellationType, { de: string; en: string }> = {
  ordinary: { de: 'ordentliche Kündigung', en: 'ordinary cancellation' },
  extraordinary: { de: 'außerordentliche Kündigung', en: 'extraordinary cancellation' },
};

/** Time of receipt as the customer reads it: German local time, to the minute. */
export function formatReceivedAt(instant: Date): string {
  return new Intl.DateTimeFormat('de-DE', {
    timeZone: BUSINESS_TIME_ZONE,
    dateStyle: 'long',
    timeStyle: 'medium',
  }).format(instant);
}

export interface ConfirmedCancellation {
  to: string;
  customerName: string;
  productName: string;
  contractNumber: string;
  type: TCancellationType;
  reason: string | null;
  receivedAt: Date;
  effectiveDate: string;
}

/** The confirmation in text form (§312k IV BGB): what was cancelled, when received, when it ends. */
export async function sendCancellationConfirmation(tx: DbOrTx, message: ConfirmedCancellation) {
  const type = typeNames[message.type];
  await sendEmail(tx, {
    to: message.to,
    subject: `Bestätigung Ihrer Kündigung – ${message.productName} (${message.contractNumber})`,
    template: 'cancellation.confirmed',
    paragraphs: [
      `Guten Tag ${message.customerName},`,
      `wir bestätigen den Eingang Ihrer ${type.de} für „${message.productName}“ (Vertrag ${message.contractNumber}).`,
      `Eingang der Kündigung: ${formatReceivedAt(message.receivedAt)} (${BUSINESS_TIME_ZONE})`,
      `Der Vertrag endet zum ${formatGermanDate(message.effectiveDate)}.`,
      ...(message.reason ? [`Angegebener Grund: ${message.reason}`] : []),
      `We confirm your ${type.en} of "${message.productName}" (contract ${message.contractNumber}), received ${message.receivedAt.toISOString()}. The contract ends on ${message.effectiveDate}.`,
    ],
  });
}

export interface PublicDeclaration {
  reference: string;
  type: TCancellationType;
  reason: string | null;
  name: string;
  customerNumber: string | null;
  email: string;
  contract: string;
  requestedEndDate: string | null;
  receivedAt: Date;
}

/**
 * The receipt to the address typed into the public form. It repeats the declaration only and
 * never says whether a contract matched; the confirmed end date goes to the account's address.
 */
export async function sendPublicDeclarationReceipt(tx: DbOrTx, declaration: PublicDeclaration) {
  const type = typeNames[declaration.type];
  const endDate = declaration.requestedEndDate
    ? formatGermanDate(declaration.requestedEndDate)
    : 'zum nächstmöglichen Zeitpunkt';
  await sendEmail(tx, {
    to: declaration.email,
    subject: `Eingangsbestätigung Ihrer Kündigung (${declaration.reference})`,
    template: 'cancellation.public-receipt',
    paragraphs: [
      `Guten Tag ${declaration.name},`,
      `wir haben Ihre Kündigungserklärung erhalten. Vorgangsnummer: ${declaration.reference}`,
      `Eingang: ${formatReceivedAt(declaration.receivedAt)} (${BUSINESS_TIME_ZONE})`,
      `Art der Kündigung: ${type.de}`,
      ...(declaration.reason ? [`Grund: ${declaration.reason}`] : []),
      `Vertrag: ${declaration.contract}`,
      ...(declaration.customerNumber ? [`Kundennummer: ${declaration.customerNumber}`] : []),
      `Gewünschtes Vertragsende: ${endDate}`,
      'Die Bestätigung des Vertragsendes senden wir an die beim Vertrag hinterlegte E-Mail-Adresse.',
      `We have received your cancellation (reference ${declaration.reference}) at ${declaration.receivedAt.toISOString()}. The confirmation of the end date is sent to the address registered with the contract.`,
    ],
  });
}
