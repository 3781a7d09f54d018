import type { TCancellationType } from '@portal/contracts';
import { formatDate, formatInstant } from '../format';
import { defineTemplate } from '../template';

/** §312k BGB receipts and notices: legal evidence, so every time is given to the second. */

const typeNames: Record<TCancellationType, { de: string; deGenitive: string; en: string }> = {
  ordinary: { de: 'ordentliche Kündigung', deGenitive: 'ordentlichen Kündigung', en: 'ordinary termination' },
  extraordinary: {
    de: 'außerordentliche Kündigung',
    deGenitive: 'außerordentlichen Kündigung',
    en: 'extraordinary termination',
  },
};

export interface ConfirmedCancellation {
  customerName: string;
  productName: string;
  contractNumber: string;
  type: TCancellationType;
  reason: string | null;
  receivedAt: Date;
  effectiveDate: string;
  /** Not declared in the portal by a signed-in member: the mail says what to do if it was not them. */
  askIfNotYou: boolean;
}

/** The confirmation in text form (§312k IV BGB): what was cancelled, when received, when it ends. */
export const cancellationConfirmed = defineTemplate<ConfirmedCancellation>('cancellation.confirmed', {
  de: (p) => ({
    subject: `Bestätigung Ihrer Kündigung – ${p.productName} (${p.contractNumber})`,
    addressee: p.customerName,
    paragraphs: [
      `wir bestätigen den Eingang Ihrer ${typeNames[p.type].deGenitive} für „${p.productName}“ (Vertrag ${p.contractNumber}).`,
      `Eingang der Kündigung: ${formatInstant(p.receivedAt, 'de')}\nDer Vertrag endet zum ${formatDate(p.effectiveDate, 'de')}.`,
      ...(p.reason ? [`Angegebener Grund: ${p.reason}`] : []),
      'Diese E-Mail ist Ihre Kündigungsbestätigung; bitte bewahren Sie sie auf.',
      ...(p.askIfNotYou
        ? [
            'Falls Sie diese Kündigung nicht erklärt haben, wenden Sie sich bitte umgehend unter Angabe der Vertragsnummer an unseren Kundenservice (Kontaktdaten im Kundenportal unter „Kontakt“).',
          ]
        : []),
    ],
  }),
  en: (p) => ({
    subject: `Confirmation of your termination – ${p.productName} (${p.contractNumber})`,
    addressee: p.customerName,
    paragraphs: [
      `We confirm receipt of your ${typeNames[p.type].en} of “${p.productName}” (contract ${p.contractNumber}).`,
      `Termination received: ${formatInstant(p.receivedAt, 'en')}\nThe contract ends on ${formatDate(p.effectiveDate, 'en')}.`,
      ...(p.reason ? [`Reason given: ${p.reason}`] : []),
      'This e-mail is your confirmation of termination; please keep it for your records.',
      ...(p.askIfNotYou
        ? [
            'If you did not declare this termination, please contact our customer service immediately, quoting the contract number (contact details in the customer portal under “Contact”).',
          ]
        : []),
    ],
  }),
});

export interface PublicDeclaration {
  reference: string;
  type: TCancellationType;
  reason: string | null;
  name: string;
  customerNumber: string | null;
  contract: string;
  requestedEndDate: string | null;
  receivedAt: Date;
}

/**
 * The receipt to the address typed into the public form. It repeats the declaration only and
 * never says whether a contract matched; the confirmed end date goes to the account's address.
 */
export const publicDeclarationReceipt = defineTemplate<PublicDeclaration>('cancellation.public-receipt', {
  de: (p) => ({
    subject: `Eingangsbestätigung Ihrer Kündigung (${p.reference})`,
    addressee: p.name,
    paragraphs: [
      `wir haben Ihre Kündigungserklärung erhalten. Sie hat die Vorgangsnummer ${p.reference}.`,
      [
        `Eingang: ${formatInstant(p.receivedAt, 'de')}`,
        `Art der Kündigung: ${typeNames[p.type].de}`,
        ...(p.reason ? [`Grund: ${p.reason}`] : []),
        `Vertrag: ${p.contract}`,
        ...(p.customerNumber ? [`Kundennummer: ${p.customerNumber}`] : []),
        `Gewünschtes Vertragsende: ${p.requestedEndDate ? formatDate(p.requestedEndDate, 'de') : 'zum nächstmöglichen Zeitpunkt'}`,
      ].join('\n'),
      'Nennt die Erklärung einen Vertrag und ist diese E-Mail-Adresse die beim Vertrag hinterlegte, führen wir eine ordentliche Kündigung sofort aus. Andernfalls prüfen wir die Erklärung und melden uns bei Ihnen. Die Bestätigung des Vertragsendes senden wir an die beim Vertrag hinterlegte E-Mail-Adresse.',
    ],
  }),
  en: (p) => ({
    subject: `Acknowledgement of receipt of your notice of termination (${p.reference})`,
    addressee: p.name,
    paragraphs: [
      `We have received your notice of termination. Its reference number is ${p.reference}.`,
      [
        `Received: ${formatInstant(p.receivedAt, 'en')}`,
        `Type of termination: ${typeNames[p.type].en}`,
        ...(p.reason ? [`Reason: ${p.reason}`] : []),
        `Contract: ${p.contract}`,
        ...(p.customerNumber ? [`Customer number: ${p.customerNumber}`] : []),
        `Requested end of contract: ${p.requestedEndDate ? formatDate(p.requestedEndDate, 'en') : 'at the earliest possible date'}`,
      ].join('\n'),
      'If the notice names a contract and this e-mail address is the one registered for that contract, we carry out an ordinary termination immediately. Otherwise we will review the notice and get back to you. We send the confirmation of the end of the contract to the e-mail address registered for the contract.',
    ],
  }),
});

export interface DeclarationNotice {
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
export const declarationNotice = defineTemplate<DeclarationNotice>('cancellation.declaration-notice', {
  de: (p) => ({
    subject: p.contract
      ? `Kündigung für Vertrag ${p.contract.number} eingegangen (${p.reference})`
      : `Kündigung mit Ihrer Kundennummer ${p.customerNumber ?? ''} eingegangen (${p.reference})`,
    addressee: p.customerName,
    paragraphs: [
      p.contract
        ? `über das Kündigungsformular auf unserer Website ist eine ${typeNames[p.type].de} für Ihren Vertrag ${p.contract.number} („${p.contract.productName}“) bei uns eingegangen.`
        : `über das Kündigungsformular auf unserer Website ist eine ${typeNames[p.type].de} bei uns eingegangen, die Ihre Kundennummer ${p.customerNumber ?? ''} angibt.`,
      `Eingang: ${formatInstant(p.receivedAt, 'de')}\nVorgangsnummer: ${p.reference}`,
      'Wir prüfen die Erklärung, bevor sie wirksam wird; bis dahin bleibt Ihr Vertrag unverändert. Führen wir sie aus, erhalten Sie die Bestätigung mit dem Vertragsende an diese Adresse.',
      'Wenn Sie oder eine von Ihnen beauftragte Person die Kündigung erklärt haben, müssen Sie nichts tun. Falls nicht, wenden Sie sich bitte unter Angabe der Vorgangsnummer an unseren Kundenservice (Kontaktdaten im Kundenportal unter „Kontakt“).',
    ],
  }),
  en: (p) => ({
    subject: p.contract
      ? `Termination received for contract ${p.contract.number} (${p.reference})`
      : `Termination received quoting your customer number ${p.customerNumber ?? ''} (${p.reference})`,
    addressee: p.customerName,
    paragraphs: [
      p.contract
        ? `We have received an ${typeNames[p.type].en} of your contract ${p.contract.number} (“${p.contract.productName}”) through the cancellation form on our website.`
        : `We have received an ${typeNames[p.type].en} quoting your customer number ${p.customerNumber ?? ''} through the cancellation form on our website.`,
      `Received: ${formatInstant(p.receivedAt, 'en')}\nReference number: ${p.reference}`,
      'We review the notice before it takes effect; until then your contract remains unchanged. If we carry it out, you will receive the confirmation with the end date of the contract at this address.',
      'If you or someone acting on your behalf declared the termination, no action is required. Otherwise, please contact our customer service, quoting the reference number (contact details in the customer portal under “Contact”).',
    ],
  }),
});

export interface DeclarationRejection {
  name: string;
  reference: string;
  receivedAt: Date;
  /** Written by staff, quoted as it is. */
  reason: string;
}

/** Tells the declarant why their declaration was not carried out. */
export const declarationRejected = defineTemplate<DeclarationRejection>('cancellation.declaration-rejected', {
  de: (p) => ({
    subject: `Ihre Kündigung (${p.reference}) wurde nicht ausgeführt`,
    addressee: p.name,
    paragraphs: [
      `wir haben Ihre Kündigungserklärung mit der Vorgangsnummer ${p.reference} geprüft, die am ${formatInstant(p.receivedAt, 'de')} bei uns eingegangen ist. Leider können wir sie nicht ausführen.`,
      `Begründung: ${p.reason}`,
      'Bei Fragen antworten Sie bitte unter Angabe der Vorgangsnummer. Sie können die Kündigung jederzeit mit vollständigen Angaben erneut erklären.',
    ],
  }),
  en: (p) => ({
    subject: `Your termination (${p.reference}) has not been carried out`,
    addressee: p.name,
    paragraphs: [
      `We have reviewed your notice of termination with the reference number ${p.reference}, received on ${formatInstant(p.receivedAt, 'en')}. Unfortunately, we are unable to carry it out.`,
      `Reason: ${p.reason}`,
      'If you have any questions, please reply quoting the reference number. You may declare the termination again at any time with complete details.',
    ],
  }),
});
