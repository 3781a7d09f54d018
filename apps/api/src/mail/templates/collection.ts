import type { TLanguage } from '@portal/contracts';
import { maskIban } from '../../modules/account/rules/iban';
import { formatDate, formatIban, formatMoney } from '../format';
import { defineTemplate } from '../template';

/** Direct debits and reminders, to the customer's billing address. */

export interface PreNotification {
  amountCents: number;
  collectionDate: string;
  mandateReference: string;
  iban: string;
  creditorId: string;
  invoiceNumber: string;
}

/** Where to transfer to: the provider's account as printed on the invoice. */
export interface PayeeAccount {
  name: string;
  iban: string;
  bic: string;
}

const account = (payee: PayeeAccount) => `${payee.name}, IBAN ${formatIban(payee.iban)}, BIC ${payee.bic}`;

/** The pre-notification (SEPA): amount, date, mandate reference, creditor identifier, account. */
export function preNotificationParagraphs(debit: PreNotification, language: TLanguage): string[] {
  const amount = formatMoney(debit.amountCents, language);
  const date = formatDate(debit.collectionDate, language);
  return language === 'de'
    ? [
        `Vorabankündigung (Pre-Notification): Wir ziehen ${amount} für die Rechnung ${debit.invoiceNumber} am ${date} per SEPA-Lastschrift von Ihrem Konto ${maskIban(debit.iban)} ein. Bitte sorgen Sie für ausreichende Deckung und überweisen Sie den Betrag nicht.`,
        `Mandatsreferenz: ${debit.mandateReference}\nGläubiger-Identifikationsnummer: ${debit.creditorId}`,
      ]
    : [
        `Pre-notification: we will collect ${amount} for invoice ${debit.invoiceNumber} by SEPA direct debit from your account ${maskIban(debit.iban)} on ${date}. Please ensure sufficient funds are available and do not transfer the amount yourself.`,
        `Mandate reference: ${debit.mandateReference}\nCreditor identifier: ${debit.creditorId}`,
      ];
}

export const debitPreNotification = defineTemplate<PreNotification & { name: string }>('collection.pre-notification', {
  de: (p) => ({
    subject: `Vorabankündigung der SEPA-Lastschrift zu Rechnung ${p.invoiceNumber}`,
    addressee: p.name,
    paragraphs: preNotificationParagraphs(p, 'de'),
  }),
  en: (p) => ({
    subject: `Pre-notification of the SEPA direct debit for invoice ${p.invoiceNumber}`,
    addressee: p.name,
    paragraphs: preNotificationParagraphs(p, 'en'),
  }),
});

/** The return reasons (ISO 20022) a bank names most; others are quoted by code. */
const RETURN_REASONS: Record<string, Record<TLanguage, string>> = {
  AC01: { de: 'Kontonummer fehlerhaft', en: 'incorrect account number' },
  AC04: { de: 'Konto erloschen', en: 'account closed' },
  AC06: { de: 'Konto gesperrt', en: 'account blocked' },
  AG01: { de: 'Lastschrift für dieses Konto nicht zulässig', en: 'direct debits not permitted for this account' },
  AM04: { de: 'Deckung unzureichend', en: 'insufficient funds' },
  MD01: { de: 'kein gültiges Mandat', en: 'no valid mandate' },
  MD06: { de: 'Rückgabe auf Verlangen des Zahlers', en: 'refund requested by the payer' },
  MS02: { de: 'Widerspruch des Zahlers ohne Angabe von Gründen', en: 'refused by the payer without a reason' },
  MS03: { de: 'Grund nicht angegeben', en: 'reason not specified' },
  SL01: { de: 'Dienstleistung der Bank des Zahlers', en: "specific service offered by the payer's bank" },
};

export function returnReasonText(code: string | null, language: TLanguage): string {
  const generic = language === 'de' ? 'Rückgabe durch die Bank' : 'returned by the bank';
  return code ? `${RETURN_REASONS[code]?.[language] ?? generic} (${code})` : generic;
}

export interface DebitReturned {
  name: string;
  invoiceNumber: string;
  amountCents: number;
  reason: string | null;
  feeCents: number;
  /** The second return: no more debits until the customer confirms the bank details. */
  mandateSuspended: boolean;
  payee: PayeeAccount;
}

export const debitReturned = defineTemplate<DebitReturned>('collection.returned', {
  de: (p) => ({
    subject: `Rücklastschrift zu Rechnung ${p.invoiceNumber}`,
    addressee: p.name,
    paragraphs: [
      `Ihre Bank hat die SEPA-Lastschrift über ${formatMoney(p.amountCents, 'de')} zur Rechnung ${p.invoiceNumber} zurückgegeben. Grund: ${returnReasonText(p.reason, 'de')}.`,
      p.feeCents > 0
        ? `Ihre Bank hat uns dafür Gebühren von ${formatMoney(p.feeCents, 'de')} berechnet, die wir an Sie weiterberechnen. Bitte überweisen Sie ${formatMoney(p.amountCents + p.feeCents, 'de')} unter Angabe der Rechnungsnummer ${p.invoiceNumber}.`
        : `Bitte überweisen Sie ${formatMoney(p.amountCents, 'de')} unter Angabe der Rechnungsnummer ${p.invoiceNumber}.`,
      `Bankverbindung: ${account(p.payee)}`,
      ...(p.mandateSuspended
        ? [
            'Da bereits zum zweiten Mal eine Lastschrift zurückgegeben wurde, ziehen wir bis auf Weiteres keine Beträge mehr per Lastschrift ein. Bitte bestätigen Sie Ihre Bankdaten im Kundenportal unter Stammdaten › Bankdaten, indem Sie sie erneut speichern.',
          ]
        : []),
    ],
  }),
  en: (p) => ({
    subject: `Returned direct debit for invoice ${p.invoiceNumber}`,
    addressee: p.name,
    paragraphs: [
      `Your bank has returned the SEPA direct debit of ${formatMoney(p.amountCents, 'en')} for invoice ${p.invoiceNumber}. Reason: ${returnReasonText(p.reason, 'en')}.`,
      p.feeCents > 0
        ? `Your bank has charged us fees of ${formatMoney(p.feeCents, 'en')} for this, which we pass on to you. Please transfer ${formatMoney(p.amountCents + p.feeCents, 'en')}, quoting the invoice number ${p.invoiceNumber}.`
        : `Please transfer ${formatMoney(p.amountCents, 'en')}, quoting the invoice number ${p.invoiceNumber}.`,
      `Bank details: ${account(p.payee)}`,
      ...(p.mandateSuspended
        ? [
            'As a direct debit has now been returned for the second time, we will not collect any further amounts by direct debit until further notice. Please confirm your bank details in the customer portal under Account details › Bank details by saving them again.',
          ]
        : []),
    ],
  }),
});

/** Why an announced debit is not collected. */
export type WithdrawalReason = 'mandate_invalid';

const withdrawalReasons: Record<WithdrawalReason, Record<TLanguage, string>> = {
  mandate_invalid: {
    de: 'Ihr SEPA-Lastschriftmandat ist nicht mehr gültig.',
    en: 'your SEPA direct debit mandate is no longer valid.',
  },
};

export const debitWithdrawn = defineTemplate<{
  name: string;
  invoiceNumber: string;
  reason: WithdrawalReason;
  payee: PayeeAccount;
}>('collection.withdrawn', {
  de: (p) => ({
    subject: `Keine Lastschrift zu Rechnung ${p.invoiceNumber}`,
    addressee: p.name,
    paragraphs: [
      `die angekündigte SEPA-Lastschrift zur Rechnung ${p.invoiceNumber} ziehen wir nicht ein: ${withdrawalReasons[p.reason].de}`,
      `Bitte überweisen Sie den offenen Betrag unter Angabe der Rechnungsnummer ${p.invoiceNumber} an ${account(p.payee)}, oder bezahlen Sie im Kundenportal.`,
    ],
  }),
  en: (p) => ({
    subject: `No direct debit for invoice ${p.invoiceNumber}`,
    addressee: p.name,
    paragraphs: [
      `We will not collect the announced SEPA direct debit for invoice ${p.invoiceNumber}: ${withdrawalReasons[p.reason].en}`,
      `Please transfer the outstanding amount, quoting the invoice number ${p.invoiceNumber}, to ${account(p.payee)}, or pay in the customer portal.`,
    ],
  }),
});

export interface DunningNotice {
  name: string;
  invoiceNumber: string;
  issueDate: string;
  dueDate: string;
  openCents: number;
  /** The lump sum for late payment (§288 V BGB), 0 for consumers. */
  feeCents: number;
  payBy: string;
  payee: PayeeAccount;
}

const englishOrdinals = ['First', 'Second', 'Third', 'Fourth', 'Fifth'];

/** Level 1 is the friendly reminder; the levels after it are the numbered reminders (Mahnungen). */
const dunningTitle = (level: number, language: TLanguage) =>
  language === 'de'
    ? level === 1
      ? 'Zahlungserinnerung'
      : `${level - 1}. Mahnung`
    : level === 1
      ? 'Payment reminder'
      : `${englishOrdinals[level - 2] ?? `${level - 1}th`} reminder`;

/** The reminder of a dunning level (`collection.dunning-1` …). */
export function dunningNotice(level: number) {
  return defineTemplate<DunningNotice>(`collection.dunning-${level}`, {
    de: (p) => ({
      subject: `${dunningTitle(level, 'de')} zu Rechnung ${p.invoiceNumber}`,
      addressee: p.name,
      paragraphs: [
        level === 1
          ? `sicher ist es Ihrer Aufmerksamkeit entgangen: Die Rechnung ${p.invoiceNumber} vom ${formatDate(p.issueDate, 'de')} war am ${formatDate(p.dueDate, 'de')} fällig. Offen sind noch ${formatMoney(p.openCents, 'de')}.`
          : `trotz unserer Erinnerung ist die Rechnung ${p.invoiceNumber} vom ${formatDate(p.issueDate, 'de')} (fällig am ${formatDate(p.dueDate, 'de')}) noch nicht bezahlt. Offen sind ${formatMoney(p.openCents, 'de')}.`,
        ...(p.feeCents > 0
          ? [
              `Als Unternehmer schulden Sie nach § 288 Abs. 5 BGB zusätzlich eine Verzugspauschale von ${formatMoney(p.feeCents, 'de')}.`,
            ]
          : []),
        `Bitte überweisen Sie den Betrag bis zum ${formatDate(p.payBy, 'de')} unter Angabe der Rechnungsnummer an ${account(p.payee)}, oder bezahlen Sie im Kundenportal. Sollten Sie inzwischen gezahlt haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.`,
      ],
    }),
    en: (p) => ({
      subject: `${dunningTitle(level, 'en')} for invoice ${p.invoiceNumber}`,
      addressee: p.name,
      paragraphs: [
        level === 1
          ? `This may have escaped your attention: invoice ${p.invoiceNumber} of ${formatDate(p.issueDate, 'en')} was due on ${formatDate(p.dueDate, 'en')}. An amount of ${formatMoney(p.openCents, 'en')} is still outstanding.`
          : `Despite our reminder, invoice ${p.invoiceNumber} of ${formatDate(p.issueDate, 'en')} (due on ${formatDate(p.dueDate, 'en')}) has not yet been paid. The outstanding amount is ${formatMoney(p.openCents, 'en')}.`,
        ...(p.feeCents > 0
          ? [
              `As a business, you additionally owe a lump sum for late payment of ${formatMoney(p.feeCents, 'en')} under Section 288(5) of the German Civil Code (BGB).`,
            ]
          : []),
        `Please transfer the amount by ${formatDate(p.payBy, 'en')}, quoting the invoice number, to ${account(p.payee)}, or pay in the customer portal. If you have paid in the meantime, please disregard this letter.`,
      ],
    }),
  });
}

export const mandateExpired = defineTemplate<{ name: string; reference: string }>('collection.mandate-expired', {
  de: (p) => ({
    subject: 'Ihr SEPA-Lastschriftmandat ist erloschen',
    addressee: p.name,
    paragraphs: [
      `Ihr SEPA-Lastschriftmandat ${p.reference} wurde 36 Monate lang nicht genutzt und ist damit nach den Regeln des SEPA-Lastschriftverfahrens erloschen.`,
      'Möchten Sie weiterhin per Lastschrift zahlen, hinterlegen Sie Ihre Bankdaten bitte im Kundenportal unter Stammdaten › Bankdaten erneut.',
    ],
  }),
  en: (p) => ({
    subject: 'Your SEPA direct debit mandate has expired',
    addressee: p.name,
    paragraphs: [
      `Your SEPA direct debit mandate ${p.reference} has not been used for 36 months and has therefore expired under the rules of the SEPA direct debit scheme.`,
      'If you wish to continue paying by direct debit, please enter your bank details again in the customer portal under Account details › Bank details.',
    ],
  }),
});
