import { formatDate, formatMoney } from '../format';
import { defineTemplate } from '../template';
import { type PreNotification, preNotificationParagraphs } from './collection';

/** Issued documents (the PDF and XRechnung attached as the customer chose) and payments. */

export interface InvoiceIssued {
  name: string;
  number: string;
  grossCents: number;
  dueDate: string;
  /** Paid by direct debit: the invoice mail is the debit's pre-notification too. */
  debit: PreNotification | null;
}

export const invoiceIssued = defineTemplate<InvoiceIssued>('invoices.issued', {
  de: (p) => ({
    subject: `Neue Rechnung ${p.number}`,
    addressee: p.name,
    paragraphs: [
      `Ihre Rechnung ${p.number} über ${formatMoney(p.grossCents, 'de')} ist im Kundenportal abrufbar. Sie ist am ${formatDate(p.dueDate, 'de')} fällig.`,
      ...(p.debit ? preNotificationParagraphs(p.debit, 'de') : []),
    ],
  }),
  en: (p) => ({
    subject: `New invoice ${p.number}`,
    addressee: p.name,
    paragraphs: [
      `Your invoice ${p.number} for ${formatMoney(p.grossCents, 'en')} is available in the customer portal. It is due on ${formatDate(p.dueDate, 'en')}.`,
      ...(p.debit ? preNotificationParagraphs(p.debit, 'en') : []),
    ],
  }),
});

interface InvoiceFollowUp {
  name: string;
  number: string;
  originalNumber: string;
  /** The amount credited, positive. */
  amountCents: number;
}

export const invoiceCorrected = defineTemplate<InvoiceFollowUp>('invoices.corrected', {
  de: (p) => ({
    subject: `Rechnungskorrektur ${p.number} zu Rechnung ${p.originalNumber}`,
    addressee: p.name,
    paragraphs: [
      `mit der Rechnungskorrektur ${p.number} schreiben wir Ihnen zur Rechnung ${p.originalNumber} einen Betrag von ${formatMoney(p.amountCents, 'de')} gut. Der Betrag wird Ihnen erstattet.`,
    ],
  }),
  en: (p) => ({
    subject: `Corrective invoice ${p.number} for invoice ${p.originalNumber}`,
    addressee: p.name,
    paragraphs: [
      `With corrective invoice ${p.number}, we have credited you with ${formatMoney(p.amountCents, 'en')} against invoice ${p.originalNumber}. The amount will be refunded to you.`,
    ],
  }),
});

export const invoiceCancelled = defineTemplate<Omit<InvoiceFollowUp, 'amountCents'>>('invoices.cancelled', {
  de: (p) => ({
    subject: `Stornorechnung ${p.number} zu Rechnung ${p.originalNumber}`,
    addressee: p.name,
    paragraphs: [
      `die Rechnung ${p.originalNumber} wurde mit der Stornorechnung ${p.number} aufgehoben. Sie müssen sie nicht bezahlen.`,
    ],
  }),
  en: (p) => ({
    subject: `Cancellation invoice ${p.number} for invoice ${p.originalNumber}`,
    addressee: p.name,
    paragraphs: [
      `Invoice ${p.originalNumber} has been cancelled by cancellation invoice ${p.number}. You do not need to pay it.`,
    ],
  }),
});

export const paymentReceived = defineTemplate<{ name: string; number: string; grossCents: number }>(
  'payments.received',
  {
    de: (p) => ({
      subject: `Zahlungseingang zu Rechnung ${p.number}`,
      addressee: p.name,
      paragraphs: [
        `vielen Dank: Die Rechnung ${p.number} über ${formatMoney(p.grossCents, 'de')} ist vollständig bezahlt.`,
      ],
    }),
    en: (p) => ({
      subject: `Payment received for invoice ${p.number}`,
      addressee: p.name,
      paragraphs: [`Thank you: invoice ${p.number} for ${formatMoney(p.grossCents, 'en')} has been paid in full.`],
    }),
  },
);
