import type { TCancellationChannel, TCancellationType } from '@portal/contracts';
import type { DbOrTx } from '../../db/client';
import { BUSINESS_TIME_ZONE } from '../../lib/calendar';
import { salutation } from '../../mail/letter';
import { sendEmail } from '../../mail/mailer';
import { formatGermanDate } from './document-templates';

const typeNames: Record<TCancellationType, { de: string; deGenitive: string }> = {
  ordinary: { de: 'ordentliche Kündigung', deGenitive: 'ordentlichen Kündigung' },
  extraordinary: { de: 'außerordentliche Kündigung', deGenitive: 'außerordentlichen Kündigung' },
};

/**
 * Time of receipt as the customer reads it, to the second (it is a legal receipt), in German
 * local time with its abbreviation: "27. November 2026, 11:15:42 Uhr (MEZ)".
 */
export function formatReceivedAt(instant: Date): string {
  const parts = new Intl.DateTimeFormat('de-DE', {
    timeZone: BUSINESS_TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('day')}. ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')}:${part('second')} Uhr (${part('timeZoneName')})`;
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

const notYou =
  'Falls Sie diese Kündigung nicht erklärt haben, wenden Sie sich bitte umgehend unter Angabe der Vertragsnummer an unseren Kundenservice (Kontaktdaten im Kundenportal unter „Kontakt“).';

/** The confirmation in text form (§312k IV BGB): what was cancelled, when received, when it ends. */
export async function sendCancellationConfirmation(tx: DbOrTx, message: ConfirmedCancellation) {
  const type = typeNames[message.type];
  await sendEmail(tx, {
    to: message.to,
    subject: `Bestätigung Ihrer Kündigung – ${message.productName} (${message.contractNumber})`,
    template: 'cancellation.confirmed',
    paragraphs: [
      salutation(message.customerName),
      `wir bestätigen den Eingang Ihrer ${type.deGenitive} für „${message.productName}“ (Vertrag ${message.contractNumber}).`,
      `Eingang der Kündigung: ${formatReceivedAt(message.receivedAt)}\nDer Vertrag endet zum ${formatGermanDate(message.effectiveDate)}.`,
      ...(message.reason ? [`Angegebener Grund: ${message.reason}`] : []),
      'Diese E-Mail ist Ihre Kündigungsbestätigung; bitte bewahren Sie sie auf.',
      ...(message.channel === 'portal' ? [] : [notYou]),
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
      salutation(declaration.name),
      `wir haben Ihre Kündigungserklärung erhalten. Sie hat die Vorgangsnummer ${declaration.reference}.`,
      [
        `Eingang: ${formatReceivedAt(declaration.receivedAt)}`,
        `Art der Kündigung: ${type.de}`,
        ...(declaration.reason ? [`Grund: ${declaration.reason}`] : []),
        `Vertrag: ${declaration.contract}`,
        ...(declaration.customerNumber ? [`Kundennummer: ${declaration.customerNumber}`] : []),
        `Gewünschtes Vertragsende: ${endDate}`,
      ].join('\n'),
      'Nennt die Erklärung einen Vertrag und ist diese E-Mail-Adresse die beim Vertrag hinterlegte, führen wir eine ordentliche Kündigung sofort aus. Andernfalls prüfen wir die Erklärung und melden uns bei Ihnen. Die Bestätigung des Vertragsendes senden wir an die beim Vertrag hinterlegte E-Mail-Adresse.',
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
  await sendEmail(tx, {
    to: notice.to,
    subject: `${subject} (${notice.reference})`,
    template: 'cancellation.declaration-notice',
    paragraphs: [
      salutation(notice.customerName),
      `über das Kündigungsformular auf unserer Website ist ${what} bei uns eingegangen.`,
      `Eingang: ${formatReceivedAt(notice.receivedAt)}\nVorgangsnummer: ${notice.reference}`,
      'Wir prüfen die Erklärung, bevor sie wirksam wird; bis dahin bleibt Ihr Vertrag unverändert. Führen wir sie aus, erhalten Sie die Bestätigung mit dem Vertragsende an diese Adresse.',
      'Wenn Sie oder eine von Ihnen beauftragte Person die Kündigung erklärt haben, müssen Sie nichts tun; falls Sie das nicht waren, wenden Sie sich bitte unter Angabe der Vorgangsnummer an unseren Kundenservice (Kontaktdaten im Kundenportal unter „Kontakt“).',
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
      salutation(rejection.name),
      `wir haben Ihre Kündigungserklärung mit der Vorgangsnummer ${rejection.reference} geprüft, die am ${formatReceivedAt(rejection.receivedAt)} bei uns eingegangen ist. Leider können wir sie nicht ausführen.`,
      `Begründung: ${rejection.reason}`,
      'Bei Fragen antworten Sie bitte unter Angabe der Vorgangsnummer. Sie können die Kündigung jederzeit mit vollständigen Angaben erneut erklären.',
    ],
  });
}
