import type { TLanguage, TRetainedCategory } from '@portal/contracts';
import { retentionLine } from '../../modules/legal/retention-texts';
import { defineTemplate } from '../template';

/** Mails about the customer account as a whole: its mandate and its deletion. */

export interface MandateIssued {
  name: string;
  providerName: string;
  maskedIban: string;
  reference: string;
  creditorId: string;
}

export const mandateIssued = defineTemplate<MandateIssued>('account.mandate.issued', {
  de: (p) => ({
    subject: 'Ihr SEPA-Lastschriftmandat',
    addressee: p.name,
    paragraphs: [
      `Sie haben ${p.providerName} ein SEPA-Lastschriftmandat für das Konto ${p.maskedIban} erteilt.`,
      `Mandatsreferenz: ${p.reference}\nGläubiger-Identifikationsnummer: ${p.creditorId}`,
      'Ein zuvor erteiltes Mandat ist damit widerrufen. Sie können das Mandat im Kundenportal unter Stammdaten › Bankdaten als PDF herunterladen.',
    ],
  }),
  en: (p) => ({
    subject: 'Your SEPA direct debit mandate',
    addressee: p.name,
    paragraphs: [
      `You have granted ${p.providerName} a SEPA direct debit mandate for the account ${p.maskedIban}.`,
      `Mandate reference: ${p.reference}\nCreditor identifier: ${p.creditorId}`,
      'Any mandate granted previously is hereby revoked. You can download the mandate as a PDF in the customer portal under Account details › Bank details.',
    ],
  }),
});

const keptLines = (kept: TRetainedCategory[], language: TLanguage) =>
  kept.map(({ category, ...period }) => `– ${retentionLine(category, period, language)}`).join('\n');

/** `kept`: what every module keeps after the deletion, with its period and legal basis. */
export const accountDeleted = defineTemplate<{ kept: TRetainedCategory[] }>('account.deleted', {
  // No name: the farewell outlives the erasure.
  de: ({ kept }) => ({
    subject: 'Ihr Kundenkonto wurde gelöscht',
    addressee: null,
    paragraphs: [
      'Ihr Kundenkonto wurde wie gewünscht gelöscht. Eine Anmeldung ist nicht mehr möglich, alle Sitzungen sind beendet, Ihre Kundendaten und Ticketinhalte sind gelöscht oder anonymisiert.',
      'Folgende Daten müssen oder dürfen wir noch aufbewahren; sie sind gesperrt und werden nach Ablauf der Frist automatisch gelöscht:',
      keptLines(kept, 'de'),
      'Dies ist die letzte E-Mail, die Sie von uns zu diesem Konto erhalten.',
    ],
  }),
  en: ({ kept }) => ({
    subject: 'Your customer account has been deleted',
    addressee: null,
    paragraphs: [
      'Your customer account has been deleted as requested. Signing in is no longer possible, all sessions have ended, and your customer data and ticket contents have been deleted or anonymised.',
      'We are required or permitted to retain the following data; it is blocked from any other use and will be deleted automatically when the period expires:',
      keptLines(kept, 'en'),
      'This is the last e-mail you will receive from us about this account.',
    ],
  }),
});
