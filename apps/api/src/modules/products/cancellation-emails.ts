import type { TCancellationChannel, TCancellationType } from '@portal/contracts';
import type { DbOrTx } from '../../db/client';
import { BUSINESS_TIME_ZONE } from '../../lib/calendar';
import { sendEmail } from '../../mail/mailer';
import { formatGermanDate } from './document-templates';

const typeNames: Record<TCancellationType, { de: string; deGenitive: string; en: string }> = {
  ordinary: { de: 'ordentliche Kündigung', deGenitive: 'ordentlichen Kündigung', en: 'ordinary cancellation' },
  extraordinary: {
    de: 'außerordentliche Kündigung',
    deGenitive: 'außerordentlichen Kündigung',
    en: 'extraordinary cancellation',
  },
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
  channel: TCancellationChannel;
}

const notYou = {
  de: 'Falls Sie diese Kündigung nicht erklärt haben, wenden Sie sich bitte umgehend mit der Vertragsnummer an unseren Kundenservice (Kontaktdaten im Kundenportal unter „Kontakt“).',
  en: 'If you did not declare this cancellation, please contact our customer service at once, quoting the contract number.',
};

/** The confirmation in text form (§312k IV BGB): what was cancelled, when received, when it ends. */
export async function sendCancellationConfirmation(tx: DbOrTx, message: ConfirmedCancellation) {
  const type = typeNames[message.type];
  await sendEmail(tx, {
    to: message.to,
    subject: `Bestätigung Ihrer Kündigung – ${message.productName} (${message.contractNumber})`,
    template: 'cancellation.confirmed',
    paragraphs: [
      `Guten Tag ${message.customerName},`,
      `wir bestätigen den Eingang Ihrer ${type.deGenitive} für „${message.productName}“ (Vertrag ${message.contractNumber}).`,
      `Eingang der Kündigung: ${formatReceivedAt(message.receivedAt)} (${BUSINESS_TIME_ZONE})`,
      `Der Vertrag endet zum ${formatGermanDate(message.effectiveDate)}.`,
      ...(message.reason ? [`Angegebener Grund: ${message.reason}`] : []),
      ...(message.channel === 'portal' ? [] : [notYou.de]),
      `We confirm your ${type.en} of "${message.productName}" (contract ${message.contractNumber}), received ${message.receivedAt.toISOString()}. The contract ends on ${message.effectiveDate}.`,
      ...(message.channel === 'portal' ? [] : [notYou.en]),
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
      'Nennt die Erklärung einen Vertrag und ist diese Adresse die beim Vertrag hinterlegte, wird eine ordentliche Kündigung sofort ausgeführt. Sonst prüfen wir die Erklärung und melden uns. Die Bestätigung des Vertragsendes senden wir an die beim Vertrag hinterlegte E-Mail-Adresse.',
      `We have received your cancellation (reference ${declaration.reference}) at ${declaration.receivedAt.toISOString()}. An ordinary cancellation sent from the address registered with the contract takes effect at once; any other declaration is reviewed by our staff. The confirmation of the end date is sent to the address registered with the contract.`,
    ],
  });
}

export interface DeclarationNotice {
  to: string;
  customerName: string;
  reference: string;
  type: TCancellationType;
  receivedAt: Date;
  /** The customer's own contract the declaration names; absent when it named only their customer number. */
  contract?: { number: string; productName: string } | undefined;
  customerNumber: string | null;
}

/**
 * Tells a customer at the registered address that a declaration through the public form names
 * their contract or customer number and now waits for review. It repeats nothing the sender
 * typed (name, reason, address), so a stranger cannot write to the customer through it.
 */
export async function sendDeclarationNotice(tx: DbOrTx, notice: DeclarationNotice) {
  const type = typeNames[notice.type];
  const subject = notice.contract
    ? `Kündigung für Vertrag ${notice.contract.number} eingegangen`
    : `Kündigung mit Ihrer Kundennummer ${notice.customerNumber ?? ''} eingegangen`;
  const what = notice.contract
    ? `eine ${type.de} für Ihren Vertrag ${notice.contract.number} („${notice.contract.productName}“)`
    : `eine ${type.de}, die Ihre Kundennummer ${notice.customerNumber ?? ''} angibt`;
  const whatEn = notice.contract
    ? `an ${type.en} of your contract ${notice.contract.number} ("${notice.contract.productName}")`
    : `an ${type.en} giving your customer number ${notice.customerNumber ?? ''}`;
  await sendEmail(tx, {
    to: notice.to,
    subject: `${subject} (${notice.reference})`,
    template: 'cancellation.declaration-notice',
    paragraphs: [
      `Guten Tag ${notice.customerName},`,
      `bei uns ist über das Kündigungsformular auf unserer Website ${what} eingegangen.`,
      `Eingang: ${formatReceivedAt(notice.receivedAt)} (${BUSINESS_TIME_ZONE}), Vorgangsnummer: ${notice.reference}`,
      'Wir prüfen die Erklärung, bevor sie wirksam wird; bis dahin bleibt Ihr Vertrag unverändert. Wird sie ausgeführt, erhalten Sie die Bestätigung mit dem Vertragsende an diese Adresse.',
      'Wenn Sie oder eine von Ihnen beauftragte Person die Kündigung erklärt haben, müssen Sie nichts tun; falls Sie das nicht waren, wenden Sie sich bitte mit der Vorgangsnummer an unseren Kundenservice (Kontaktdaten im Kundenportal unter „Kontakt“).',
      `We have received ${whatEn} through the cancellation form on our website at ${notice.receivedAt.toISOString()} (reference ${notice.reference}). We review it before it takes effect; until then your contract is unchanged. If you did not send it, please contact our customer service quoting the reference.`,
    ],
  });
}

export interface DeclarationRejection {
  to: string;
  name: string;
  reference: string;
  receivedAt: Date;
  reason: string;
}

/** Tells the declarant why their declaration was not carried out (staff wrote the reason). */
export async function sendDeclarationRejection(tx: DbOrTx, rejection: DeclarationRejection) {
  await sendEmail(tx, {
    to: rejection.to,
    subject: `Ihre Kündigung (${rejection.reference}) wurde nicht ausgeführt`,
    template: 'cancellation.declaration-rejected',
    paragraphs: [
      `Guten Tag ${rejection.name},`,
      `wir haben Ihre Kündigungserklärung vom ${formatReceivedAt(rejection.receivedAt)} (${BUSINESS_TIME_ZONE}, Vorgangsnummer ${rejection.reference}) geprüft und können sie nicht ausführen.`,
      `Begründung: ${rejection.reason}`,
      'Bei Fragen antworten Sie bitte unter Angabe der Vorgangsnummer; Sie können die Kündigung jederzeit mit vollständigen Angaben erneut erklären.',
      `We have reviewed your cancellation (reference ${rejection.reference}, received ${rejection.receivedAt.toISOString()}) and cannot carry it out. Reason: ${rejection.reason}`,
    ],
  });
}
