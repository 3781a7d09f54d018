import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { customerContactEmail, customers, type InvoiceRow } from '../../db/schema/index';
import { sendEmail } from '../../mail/mailer';
import type { CustomerId } from '../customers/customer-id';
import { formatEuro, formatGermanDate, formatIban } from '../invoices/invoice-format';

/** Where mails about paying go: the invoice address (accounting) when set, else the sign-in address. */
async function billingAddressOf(tx: DbOrTx, customerId: CustomerId) {
  const [row] = await tx
    .select({ email: customerContactEmail, invoiceEmail: customers.invoiceEmail })
    .from(customers)
    .where(eq(customers.id, customerId));
  return row ? (row.invoiceEmail ?? row.email) : null;
}

/** A mail about one invoice to the customer's billing address, signed by the provider. */
async function mailAbout(tx: DbOrTx, invoice: InvoiceRow, subject: string, template: string, body: string[]) {
  const to = await billingAddressOf(tx, invoice.customerId);
  if (!to) return;
  await sendEmail(tx, {
    to,
    customerId: invoice.customerId,
    subject,
    template,
    paragraphs: [
      `Guten Tag ${invoice.billingAddress.name},`,
      ...body,
      `Mit freundlichen Grüßen\n${invoice.provider.name}`,
    ],
  });
}

const maskedIban = (iban: string) => `${formatIban(iban).slice(0, 7)} … ${iban.slice(-4)}`;

/** The pre-notification (SEPA): amount, date, mandate reference, creditor identifier, account. */
export function preNotificationText(debit: {
  amountCents: number;
  collectionDate: string;
  mandateReference: string;
  iban: string;
  creditorId: string;
  invoiceNumber: string;
}): string[] {
  return [
    `Vorabankündigung (Pre-Notification): Wir ziehen ${formatEuro(debit.amountCents)} für die Rechnung ${debit.invoiceNumber} am ${formatGermanDate(debit.collectionDate)} per SEPA-Lastschrift von Ihrem Konto ${maskedIban(debit.iban)} ein. Bitte sorgen Sie für Deckung und überweisen Sie den Betrag nicht.`,
    `Mandatsreferenz: ${debit.mandateReference}\nGläubiger-Identifikationsnummer: ${debit.creditorId}`,
  ];
}

export async function sendPreNotification(
  tx: DbOrTx,
  invoice: InvoiceRow,
  debit: { amountCents: number; collectionDate: string; mandateReference: string; iban: string; creditorId: string },
) {
  await mailAbout(
    tx,
    invoice,
    `Vorabankündigung der SEPA-Lastschrift zu Rechnung ${invoice.number}`,
    'collection.pre-notification',
    [...preNotificationText({ ...debit, invoiceNumber: invoice.number })],
  );
}

/** German texts of the return reasons the issue names; others are quoted by code. */
const RETURN_REASONS: Record<string, string> = {
  AC01: 'Kontonummer fehlerhaft',
  AC04: 'Konto erloschen',
  AC06: 'Konto gesperrt',
  AG01: 'Lastschrift für dieses Konto nicht zulässig',
  AM04: 'Deckung unzureichend',
  MD01: 'kein gültiges Mandat',
  MD06: 'Rückgabe auf Verlangen des Zahlers',
  MS02: 'Widerspruch des Zahlers ohne Angabe von Gründen',
  MS03: 'Grund nicht angegeben',
  SL01: 'Dienstleistung der Bank des Zahlers',
};

export const returnReasonText = (code: string | null) =>
  code ? `${RETURN_REASONS[code] ?? 'Rückgabe durch die Bank'} (${code})` : 'Rückgabe durch die Bank';

export async function sendReturnNotice(
  tx: DbOrTx,
  invoice: InvoiceRow,
  debit: { amountCents: number; reason: string | null; feeCents: number; mandateSuspended: boolean },
) {
  const p = invoice.provider;
  await mailAbout(tx, invoice, `Rücklastschrift zu Rechnung ${invoice.number}`, 'collection.returned', [
    `Ihre Bank hat die SEPA-Lastschrift über ${formatEuro(debit.amountCents)} zur Rechnung ${invoice.number} zurückgegeben. Grund: ${returnReasonText(debit.reason)}.`,
    debit.feeCents > 0
      ? `Ihre Bank hat uns dafür ${formatEuro(debit.feeCents)} Gebühren berechnet, die wir Ihnen weiterberechnen. Bitte überweisen Sie ${formatEuro(debit.amountCents + debit.feeCents)} unter Angabe der Rechnungsnummer ${invoice.number}.`
      : `Bitte überweisen Sie ${formatEuro(debit.amountCents)} unter Angabe der Rechnungsnummer ${invoice.number}.`,
    `Bankverbindung: ${p.name}, IBAN ${formatIban(p.iban)}, BIC ${p.bic}`,
    ...(debit.mandateSuspended
      ? [
          'Da bereits zum zweiten Mal eine Lastschrift zurückgegeben wurde, ziehen wir bis auf Weiteres nicht mehr per Lastschrift ein. Bitte bestätigen Sie Ihre Bankdaten im Kundenportal unter Stammdaten › Bankdaten, indem Sie sie erneut speichern.',
        ]
      : []),
  ]);
}

/** An announced debit that will not be collected: why, and how to pay instead. */
export async function sendWithdrawalNotice(tx: DbOrTx, invoice: InvoiceRow, reason: string) {
  const p = invoice.provider;
  await mailAbout(tx, invoice, `Keine Lastschrift zu Rechnung ${invoice.number}`, 'collection.withdrawn', [
    `die angekündigte SEPA-Lastschrift zur Rechnung ${invoice.number} ziehen wir nicht ein: ${reason}`,
    `Bitte überweisen Sie den offenen Betrag unter Angabe der Rechnungsnummer ${invoice.number} an ${p.name}, IBAN ${formatIban(p.iban)}, BIC ${p.bic}, oder bezahlen Sie im Kundenportal.`,
  ]);
}

const DUNNING_SUBJECTS = ['Zahlungserinnerung', '1. Mahnung', '2. Mahnung'];

export async function sendDunningNotice(
  tx: DbOrTx,
  invoice: InvoiceRow,
  notice: { level: number; openCents: number; feeCents: number; payBy: string },
) {
  const p = invoice.provider;
  const title = DUNNING_SUBJECTS[notice.level - 1] ?? `${notice.level - 1}. Mahnung`;
  await mailAbout(tx, invoice, `${title} zu Rechnung ${invoice.number}`, `collection.dunning-${notice.level}`, [
    notice.level === 1
      ? `sicher ist es Ihrer Aufmerksamkeit entgangen: Die Rechnung ${invoice.number} vom ${formatGermanDate(invoice.issueDate)} war am ${formatGermanDate(invoice.dueDate)} fällig. Offen sind noch ${formatEuro(notice.openCents)}.`
      : `trotz unserer Erinnerung ist die Rechnung ${invoice.number} vom ${formatGermanDate(invoice.issueDate)} (fällig am ${formatGermanDate(invoice.dueDate)}) noch nicht bezahlt. Offen sind ${formatEuro(notice.openCents)}.`,
    ...(notice.feeCents > 0
      ? [
          `Als Unternehmer schulden Sie nach § 288 Abs. 5 BGB zusätzlich eine Verzugspauschale von ${formatEuro(notice.feeCents)}.`,
        ]
      : []),
    `Bitte überweisen Sie den Betrag bis zum ${formatGermanDate(notice.payBy)} unter Angabe der Rechnungsnummer an ${p.name}, IBAN ${formatIban(p.iban)}, BIC ${p.bic}, oder bezahlen Sie im Kundenportal. Haben Sie inzwischen gezahlt, betrachten Sie dieses Schreiben bitte als gegenstandslos.`,
  ]);
}
